/**
 * promptfoo `eval -o results.json`: output version 3 (`results.results[]`, one row per test case
 * and provider) and version 2 (`results.table`, one column per provider). Per provider:
 * `pass-rate` (percent of test cases passed), `pass-rate:<key>=<value>` for the test cases tagged
 * so in their `metadata` (what `promptfoo eval --filter-metadata` selects by), `latency-p50-ms`
 * and `latency-p95-ms` from `latencyMs`, `score:<name>` (mean named score, a fraction) and
 * `cost-per-1k-usd` where present. The user picks which of these map to capabilities.
 * A latency, cost or score that is there must be a finite number (latencies zero or more), and a
 * provider's name a name: otherwise the file is refused at that row's path.
 *
 * Case by case, each provider is one run of the suite (the config's `description`): one case per
 * test, keyed by the test's description, else a hash of its vars (eval-runs.ts `caseKey`), with
 * pass, score and, for a failing case, the grader's reason. When a provider answered more than
 * one prompt, each key ends in ` (prompt N)`, N counting the provider's prompts in file order.
 */
import { caseKey, clip, varsText, withUniqueKeys, type EvalCase } from '../domain/eval-runs';
import { LIMITS } from '../domain/entities';
import { quote } from '../domain/strict';
import { formatPath } from '../domain/problems';
import {
	arrayAt,
	isoDay,
	nameAt,
	nonNegativeAt,
	numberAt,
	objectAt,
	percentile,
	ResultsError,
	round,
	stampAt,
	type Observation,
	type ParsedResults,
	type ParsedRun
} from './results';

/** What one row says about its test case, for the provider's run. */
interface CaseOfRow {
	key: string;
	/** The vars in words, when the key is their hash. */
	description?: string;
	/** Which prompt the row answered, to tell the same test under two prompts apart. */
	prompt: string;
	score?: number;
	reason?: string;
}

interface Row {
	provider: string[];
	pass: boolean;
	latencyMs?: number;
	cost?: number;
	namedScores: Record<string, number>;
	/** The test case's metadata as `key=value` tags; promptfoo's own `_`-keys left out. */
	tags: string[];
	case: CaseOfRow;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const textOf = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** A row's test case: its key, its score and, when it failed, why. */
function caseOf(
	test: unknown,
	vars: unknown,
	prompt: string,
	pass: boolean,
	scoreValue: unknown,
	reasonValue: unknown,
	where: string
): CaseOfRow {
	const description = isObject(test) ? textOf(test.description) : undefined;
	const key = caseKey(description, vars);
	const reason = pass ? undefined : textOf(reasonValue);
	return {
		key,
		prompt,
		...(description === undefined && varsText(vars) ? { description: varsText(vars) } : {}),
		...(typeof scoreValue === 'number' ? { score: numberAt(scoreValue, `${where}.score`) } : {}),
		...(reason ? { reason: clip(reason, LIMITS.reason) } : {})
	};
}

/** The longest tag that still makes a metric name (`pass-rate:<tag>`) within the name limit. */
const MAX_TAG = LIMITS.name - 'pass-rate:'.length;

function tagsOf(metadata: unknown): string[] {
	if (!metadata || typeof metadata !== 'object') return [];
	return Object.entries(metadata).flatMap(([key, value]) =>
		key.startsWith('_')
			? []
			: (Array.isArray(value) ? value : [value])
					.filter((v) => ['string', 'number', 'boolean'].includes(typeof v))
					.map((v) => `${key}=${String(v)}`)
					// Metadata can hold prose (a test's description): not a tag anyone filters by.
					.filter((tag) => tag.length <= MAX_TAG)
	);
}

function testMetadata(test: unknown): unknown {
	return test && typeof test === 'object' ? (test as { metadata?: unknown }).metadata : undefined;
}

function providerNames(value: unknown, where: string): string[] {
	const names =
		typeof value === 'string'
			? [value]
			: value && typeof value === 'object'
				? [(value as { label?: unknown }).label, (value as { id?: unknown }).id]
				: [];
	const found = names.filter((x): x is string => typeof x === 'string' && x !== '');
	if (found.length === 0) throw new ResultsError(where, 'names no provider');
	return found.map((name) => nameAt(name, where));
}

/** Named scores: numbers only (a score of text is no score), each finite. */
function numbers(value: unknown, where: string): Record<string, number> {
	const out: Record<string, number> = {};
	if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value))
			if (typeof v === 'number') out[nameAt(k, where)] = numberAt(v, formatPath([where, k]));
	return out;
}

/** A row's latency (zero or more) and cost (any finite number), when it has them. */
function measures(row: Record<string, unknown>, where: string) {
	return {
		latencyMs:
			typeof row.latencyMs === 'number'
				? nonNegativeAt(row.latencyMs, `${where}.latencyMs`)
				: undefined,
		cost: typeof row.cost === 'number' ? numberAt(row.cost, `${where}.cost`) : undefined
	};
}

function rowsV3(results: Record<string, unknown>): Row[] {
	return arrayAt(results.results, 'results.results').map((raw, i) => {
		const where = `results.results[${i}]`;
		const r = objectAt(raw, where);
		const provider = providerNames(r.provider, `${where}.provider`);
		const grading =
			r.gradingResult && typeof r.gradingResult === 'object'
				? (r.gradingResult as Record<string, unknown>)
				: {};
		const pass = r.success === true;
		const test = isObject(r.testCase) ? r.testCase : { description: r.description };
		return {
			provider,
			pass,
			...measures(r, where),
			namedScores: {
				...numbers(grading.namedScores, `${where}.gradingResult.namedScores`),
				...numbers(r.namedScores, `${where}.namedScores`)
			},
			tags: tagsOf(testMetadata(r.testCase) ?? r.metadata),
			case: caseOf(
				test,
				r.vars ?? (isObject(r.testCase) ? r.testCase.vars : undefined),
				String(r.promptId ?? r.promptIdx ?? ''),
				pass,
				r.score ?? grading.score,
				grading.reason ?? r.error,
				where
			)
		};
	});
}

function rowsV2(results: Record<string, unknown>): Row[] {
	const table = objectAt(results.table, 'results.table');
	const tableHead = objectAt(table.head, 'results.table.head');
	const head = arrayAt(tableHead.prompts, 'results.table.head.prompts');
	const providers = head.map((p, i) =>
		providerNames(
			objectAt(p, `results.table.head.prompts[${i}]`).provider,
			`results.table.head.prompts[${i}].provider`
		)
	);
	const prompts = head.map((p) => {
		const prompt = p as Record<string, unknown>;
		return String(prompt.raw ?? prompt.label ?? '');
	});
	const varNames: unknown[] = Array.isArray(tableHead.vars) ? tableHead.vars : [];
	return arrayAt(table.body, 'results.table.body').flatMap((raw, i) => {
		const body = objectAt(raw, `results.table.body[${i}]`);
		const tags = tagsOf(testMetadata(body.test));
		const test = isObject(body.test) ? body.test : { description: body.description };
		// The test's vars; an older table gives only their values, in the head's order.
		const values = body.vars;
		const vars =
			test.vars ??
			(Array.isArray(values)
				? Object.fromEntries(varNames.map((name, k) => [String(name), values[k]]))
				: undefined);
		return arrayAt(body.outputs, `results.table.body[${i}].outputs`).map((o, j) => {
			const where = `results.table.body[${i}].outputs[${j}]`;
			const out = objectAt(o, where);
			const pass = out.pass === true;
			const grading = isObject(out.gradingResult) ? out.gradingResult : {};
			return {
				provider: providers[j] ?? ['unknown provider'],
				pass,
				...measures(out, where),
				namedScores: numbers(out.namedScores, `${where}.namedScores`),
				tags,
				case: caseOf(
					test,
					vars,
					prompts[j] ?? '',
					pass,
					out.score,
					grading.reason ?? out.error,
					where
				)
			};
		});
	});
}

export function parsePromptfoo(input: unknown): ParsedResults {
	const root = objectAt(input, '(file)');
	const results = objectAt(root.results, 'results');
	const version = results.version;
	let rows: Row[];
	let rowsPath: string;
	if (version === 3 || (version === undefined && Array.isArray(results.results))) {
		rows = rowsV3(results);
		rowsPath = 'results.results';
	} else if (version === 2) {
		rows = rowsV2(results);
		rowsPath = 'results.table';
	} else
		throw new ResultsError(
			'results.version',
			`is ${version === undefined ? 'missing' : quote(version)}; Capmap reads promptfoo output versions 2 and 3`
		);
	if (rows.length === 0) throw new ResultsError('results', 'holds no test results');
	const [stampPath, stamp] = (
		[
			['results.timestamp', results.timestamp],
			['createdAt', root.createdAt],
			['timestamp', root.timestamp]
		] as const
	).find(([, value]) => value !== undefined && value !== null) ?? ['results.timestamp', undefined];
	if (stamp === undefined)
		throw new ResultsError(
			'results.timestamp',
			'is missing: the file does not say when the eval ran'
		);
	const observedAt = isoDay(stamp, stampPath);
	const ranAt = stampAt(stamp, stampPath);
	const config = isObject(root.config) ? root.config : {};
	// The suite is what the config calls the eval; the eval id is new with every run.
	const suite = clip(textOf(config.description) ?? '', LIMITS.name);

	const byProvider = new Map<string, Row[]>();
	for (const row of rows) {
		const key = row.provider.join('\u0000');
		const group = byProvider.get(key);
		if (group) group.push(row);
		else byProvider.set(key, [row]);
	}
	const observations: Observation[] = [];
	const runs: ParsedRun[] = [];
	for (const group of byProvider.values()) {
		const models = group[0]!.provider;
		runs.push({ models, suite, ranAt, cases: casesOf(group) });
		// An aggregate has no single path: name the rows, the provider and the metric.
		const observe = (
			metric: string,
			value: number,
			sampleSize: number,
			task: string,
			fraction = false
		) => {
			const where = `${rowsPath} (${metric} of ${quote(models[0])})`;
			observations.push({
				models,
				metric: nameAt(metric, where),
				value,
				fraction,
				sampleSize,
				task,
				where
			});
		};
		const n = group.length;
		const task = 'all tests';
		observe('pass-rate', round((100 * group.filter((r) => r.pass).length) / n, 2), n, task);
		const tags = [...new Set(group.flatMap((r) => r.tags))].sort();
		for (const tag of tags) {
			const tagged = group.filter((r) => r.tags.includes(tag));
			observe(
				`pass-rate:${tag}`,
				round((100 * tagged.filter((r) => r.pass).length) / tagged.length, 2),
				tagged.length,
				`tests with ${tag}`
			);
		}
		const latencies = group.flatMap((r) => (r.latencyMs === undefined ? [] : [r.latencyMs]));
		if (latencies.length > 0) {
			observe('latency-p50-ms', percentile(latencies, 50), latencies.length, task);
			observe('latency-p95-ms', percentile(latencies, 95), latencies.length, task);
		}
		const costs = group.flatMap((r) => (r.cost === undefined ? [] : [r.cost]));
		if (costs.length > 0)
			observe(
				'cost-per-1k-usd',
				round((1000 * costs.reduce((a, b) => a + b, 0)) / costs.length, 4),
				costs.length,
				task
			);
		const names = [...new Set(group.flatMap((r) => Object.keys(r.namedScores)))].sort();
		for (const name of names) {
			const scores = group.flatMap((r) => (name in r.namedScores ? [r.namedScores[name]!] : []));
			observe(
				`score:${name}`,
				round(scores.reduce((a, b) => a + b, 0) / scores.length),
				scores.length,
				`score ${name}`,
				true
			);
		}
	}
	return { tool: 'promptfoo', observedAt, observations, runs };
}

/** One provider's rows as the cases of its run, each with a key of its own. */
function casesOf(group: readonly Row[]): EvalCase[] {
	const prompts = [...new Set(group.map((r) => r.case.prompt))];
	return withUniqueKeys(
		group.map((r) => {
			const { key, prompt, description, score, reason } = r.case;
			return {
				key: prompts.length > 1 ? `${key} (prompt ${prompts.indexOf(prompt) + 1})` : key,
				pass: r.pass,
				...(description !== undefined ? { description } : {}),
				...(score !== undefined ? { score } : {}),
				...(reason !== undefined ? { reason } : {})
			};
		})
	);
}
