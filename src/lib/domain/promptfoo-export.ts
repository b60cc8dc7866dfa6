/**
 * An item's AI feature spec as a promptfoo suite (`promptfooconfig.yaml`), so the examples the
 * PM wrote become tests an engineer runs: `npx promptfoo eval -c <file> -o results.json`, and
 * results.json comes back into Capmap through Evidence → Import (`import/promptfoo.ts`).
 *
 * - Each example is a test. Its text sits in the test's vars as `example.input` and
 *   `example.output` — an object, because promptfoo reads a *string* var that starts with
 *   `file://` or `package:` as a file or a module to load, and expands `{{ name }}` in one from
 *   the other vars; text nested in an object is passed on as written. The prompt is
 *   `{{ example.input }}`, and the assertions compare with `{{ example.output }}`, so no user text
 *   is ever read as a template (promptfoo renders assertion values with Nunjucks).
 * - A good example asserts the output resembles the good output: ROUGE-1 (word overlap, case
 *   folded, promptfoo's `rouge-n`) of at least RESEMBLES. A bad example asserts it does not
 *   resemble the bad output: `not-rouge-n`, the same score below RESEMBLES. Both are computed by
 *   promptfoo itself, offline and deterministic, with no grading model; an exact `equals` would
 *   fail every real model, and a grading model (`llm-rubric`, `similar`) needs the network. An
 *   output with no words to compare (empty) is compared exactly: `equals` / `not-equals`.
 * - The item's requirements become assertions on every test (`defaultTest`) where promptfoo has
 *   one: a latency in ms or s (`latency`, per call), a cost in USD per request or per 1k/1M
 *   requests (`cost`, per call). Any other requirement is listed in the file's comments with the
 *   reason it cannot be checked test by test (`requirementAssertion`).
 * - Examples are tagged `verdict: good|bad` in their metadata: the import then offers
 *   `pass-rate:verdict=good` and `pass-rate:verdict=bad` beside the suite's `pass-rate`.
 * - The provider is promptfoo's built-in `echo` (it answers with the prompt), so the file runs as
 *   written; the header says to replace it with the model under test.
 */
import { comparator, formatValue } from './format';
import { slug } from './ids';
import { type Capability, type Item, type Requirement, type Spec } from './schemas';
import { DEFAULT_ROLE, roleOf } from './entities';
import { yamlBlock, yamlComment, type YamlMapping } from './yaml-text';

/** The ROUGE-1 score at and above which an output resembles an example's output. */
export const RESEMBLES = 0.75;

type SpecExample = NonNullable<Spec['examples']>[number];

export interface ThresholdAssertion {
	type: 'latency' | 'cost';
	/** Milliseconds for latency, US dollars per call for cost (promptfoo's units). */
	threshold: number;
}

/** A requirement as the suite checks it, or the reason it cannot. */
export type RequirementInSuite =
	| { requirement: Requirement; name: string; assertion: ThresholdAssertion; reason?: undefined }
	| { requirement: Requirement; name: string; assertion?: undefined; reason: string };

const words = (unit: string) => unit.trim().toLowerCase().replace(/\s+/g, ' ');
const MS = /^(ms|millis|milliseconds?)$/;
const SECONDS = /^(s|secs?|seconds?)$/;
const PER_CALL = '(?:requests?|calls?|responses?|answers?|completions?)';
const COST = new RegExp(
	`^(?:usd|us\\$|\\$|dollars?) ?(?:per|/) ?(?:(1k|1,000|1000|thousand|1m|1,000,000|1000000|million) )?${PER_CALL}$`
);
/** How many calls a cost unit's figure is for: "USD per 1k requests" is for 1000. */
function callsPer(scale: string | undefined): number {
	if (scale === undefined) return 1;
	return /^(1k|1,000|1000|thousand)$/.test(scale) ? 1000 : 1_000_000;
}
/** Enough digits for any threshold, none of binary arithmetic's noise (0.30000000000000004). */
const tidy = (x: number) => Number(x.toPrecision(12));

/**
 * The promptfoo assertion a requirement becomes, or why there is none. Only must-haves are
 * asserted (a nice-to-have never changes readiness, so it must not fail the suite either); only
 * capabilities of the model that answers the prompts (role `llm`); only units promptfoo measures
 * on each call, with lower is better, as its `latency` and `cost` are upper bounds.
 */
export function requirementAssertion(
	requirement: Requirement,
	capability: Capability | undefined
): RequirementInSuite {
	const name = capability
		? `${capability.name} ${comparator(capability.direction)} ${formatValue(requirement.threshold, capability.unit)}`
		: `${requirement.capabilityId} ${requirement.threshold}`;
	const no = (reason: string): RequirementInSuite => ({ requirement, name, reason });
	if (!capability) return no('no such capability in the workspace.');
	if (!requirement.must)
		return no('a nice-to-have: it never changes readiness, so it does not fail the suite.');
	const role = roleOf(capability);
	if (role !== DEFAULT_ROLE)
		return no(
			`measured on the ${role} model; this suite tests the model that answers the prompts.`
		);
	const unit = words(capability.unit);
	const lower = capability.direction === 'lower';
	const bounded = (assertion: ThresholdAssertion): RequirementInSuite =>
		lower
			? { requirement, name, assertion }
			: no(
					`higher is better, and promptfoo's ${assertion.type} assertion is an upper bound on each call.`
				);
	if (MS.test(unit)) return bounded({ type: 'latency', threshold: tidy(requirement.threshold) });
	if (SECONDS.test(unit))
		return bounded({ type: 'latency', threshold: tidy(requirement.threshold * 1000) });
	const cost = COST.exec(unit);
	if (cost)
		return bounded({ type: 'cost', threshold: tidy(requirement.threshold / callsPer(cost[1])) });
	if (unit === '%')
		return no(
			"a share of cases, measured over a whole eval, not by one test: map the suite's pass-rate (or another rate) to it when you import the results."
		);
	if (unit === 'pass') return no('a yes/no verdict of the eval that measures it, not of one test.');
	if (/cost|usd|\$/.test(unit))
		return no('a cost that is not per request (promptfoo checks the cost of each call, in USD).');
	return no(`promptfoo has no assertion that measures ${capability.unit || 'this unit'}.`);
}

/** The assertion a good or bad example makes of the output. */
export function exampleAssertion(example: SpecExample): YamlMapping {
	const value = '{{ example.output }}';
	if (example.output.trim() === '')
		return { type: example.verdict === 'good' ? 'equals' : 'not-equals', value };
	return {
		type: example.verdict === 'good' ? 'rouge-n' : 'not-rouge-n',
		value,
		threshold: RESEMBLES
	};
}

/** promptfoo replaces `{{ env.NAME }}` (and any `{{ … | … }}` naming env) when it loads a file. */
const ENV_TEMPLATE = /\{\{(?:[^}]|\}(?!\}))*\}\}/g;
function expandedByPromptfoo(text: string): boolean {
	return [...text.matchAll(ENV_TEMPLATE)].some((m) => /\benv\.|env\[/.test(m[0]));
}

/** A test's description: its number, verdict and the start of its input, on one line. */
function describe(example: SpecExample, n: number): string {
	const input = example.input.replace(/\s+/g, ' ').trim();
	const start = input.length > 60 ? `${input.slice(0, 59)}…` : input;
	return `Example ${n} (${example.verdict})${start ? `: ${start}` : ''}`;
}

/** Text as comment lines under a title, each line indented. */
function section(title: string, text: string | undefined): string[] {
	return text?.trim() ? [yamlComment(title), yamlComment(text.trim(), '', '   ')] : [];
}

function list(title: string, entries: readonly string[] | undefined): string[] {
	if (!entries?.length) return [];
	return [yamlComment(title), ...entries.map((e) => yamlComment(e.trim(), '', '   - '))];
}

const UNIT = { latency: 'ms per call', cost: 'USD per call' } as const;

/** The file's opening comments: how to run it, the spec's prose, what is and is not asserted. */
function header(item: Item, requirements: readonly RequirementInSuite[]): string[] {
	const spec = item.spec ?? {};
	const asserted = requirements.filter((r) => r.assertion);
	const notExpressed = requirements.filter((r) => r.reason);
	const prose = [
		...section('What the model receives:', spec.modelInput),
		...section('When the model is wrong:', spec.fallback),
		...list('In scope:', spec.inScope),
		...list('Out of scope:', spec.outOfScope)
	];
	const texts = [item.title, ...(spec.examples ?? []).flatMap((e) => [e.input, e.output])];
	return [
		`promptfoo suite for the Capmap item “${item.title.replace(/\s+/g, ' ')}” (${item.id}).`,
		`Run it:  npx promptfoo eval -c ${promptfooFileName(item)} -o results.json --no-cache`,
		'then bring results.json back into Capmap: Evidence → Import.',
		''
	]
		.map((line) => yamlComment(line))
		.concat(prose, prose.length > 0 ? [yamlComment('')] : [])
		.concat(
			[
				'Good examples pass when the output resembles the good output: ROUGE-1 (word overlap,',
				`any case) of at least ${RESEMBLES}. Bad examples pass when it does not resemble the bad`,
				`output: ROUGE-1 below ${RESEMBLES}. promptfoo computes both offline, with no grading model;`,
				'an empty output is compared exactly.',
				'',
				...(asserted.length > 0
					? [
							'Requirements checked on every test (defaultTest):',
							...asserted.map(
								(r) =>
									`  - ${r.name}: ${r.assertion!.type} ≤ ${r.assertion!.threshold} ${UNIT[r.assertion!.type]}`
							)
						]
					: ['No requirement of this item can be checked test by test.']),
				...(notExpressed.length > 0
					? [
							'Requirements this file cannot express:',
							...notExpressed.map((r) => `  - ${r.name}: ${r.reason}`)
						]
					: []),
				...(texts.some(expandedByPromptfoo)
					? [
							'',
							'Note: some text here contains {{ env.… }}; promptfoo replaces environment variables',
							'written this way when it loads the file.'
						]
					: [])
			].map((line) => yamlComment(line))
		);
}

/** One example as a test, its note (for people) as a comment above it. */
function exampleTest(example: SpecExample, n: number): string {
	const test: YamlMapping = {
		description: describe(example, n),
		vars: { example: { input: example.input, output: example.output } },
		metadata: { verdict: example.verdict },
		assert: [exampleAssertion(example)]
	};
	const note = example.note?.trim() ? `${yamlComment(`Note: ${example.note.trim()}`, '  ')}\n` : '';
	return `${note}${yamlBlock([test], '  ')}`;
}

/** The whole `promptfooconfig.yaml` for an item: header comments, then the suite. */
export function promptfooSuite(item: Item, capabilities: readonly Capability[]): string {
	const byId = new Map(capabilities.map((c) => [c.id, c]));
	const requirements = item.requirements.map((r) =>
		requirementAssertion(r, byId.get(r.capabilityId))
	);
	const assertions = requirements.flatMap((r) => (r.assertion ? [{ ...r.assertion }] : []));
	const examples = item.spec?.examples ?? [];
	return [
		...header(item, requirements),
		yamlBlock({ description: `Capmap: ${item.title}`, prompts: ['{{ example.input }}'] }),
		'',
		yamlComment(
			[
				'The model under test. echo (built into promptfoo) answers with the prompt itself, so this',
				'file runs as written but tests nothing: replace it, e.g. with openai:gpt-4.1-mini, and set',
				"label to the model's name in Capmap so that importing the results maps them to that model."
			].join('\n')
		),
		yamlBlock({ providers: [{ id: 'echo', label: 'echo: replace with the model under test' }] }),
		...(assertions.length > 0 ? ['', yamlBlock({ defaultTest: { assert: assertions } })] : []),
		'',
		examples.length === 0
			? 'tests: []'
			: `tests:\n${examples.map((e, i) => exampleTest(e, i + 1)).join('\n')}`,
		''
	].join('\n');
}

/** A file name for an item's suite. */
export function promptfooFileName(item: Pick<Item, 'id'>): string {
	return `${slug(item.id) || 'item'}.promptfooconfig.yaml`;
}
