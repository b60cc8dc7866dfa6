/**
 * The exported suite run by promptfoo itself, offline (a local JavaScript provider with canned
 * answers), then its results.json read back by Capmap's promptfoo importer: the loop from a spec
 * to evidence. If promptfoo is not installed the tests are skipped with the reason printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '$lib/import/ingest';
import { parsePromptfoo } from '$lib/import/promptfoo';
import {
	cannedProvider,
	promptfooMissing,
	removePromptfooRuns,
	runPromptfoo
} from '../../test-support/promptfoo';
import { capability, item, model, need, workspace } from '../../test-support/testing';
import { promptfooSuite } from './promptfoo-export';
import { computeReadiness } from './readiness';
import { suggestMap } from './results-map';
import type { Item } from './schemas';

afterAll(removePromptfooRuns);

const missing = promptfooMissing();
if (missing) console.warn(`SKIPPED promptfoo runs: ${missing}`);

/** Text that is hard to carry through YAML and through promptfoo's templating and file loading. */
const TRICKY_INPUT =
	'- "Quoted": a {{ input }} #not-a-comment\n* starred & anchored &a *b !tag file://secret.txt';
const TRICKY_OUTPUT = 'Grüße — 日本語 🚀: yes, {% raw %} and {{ 1 + 1 }} stay text.\n';

const ws = workspace({
	capabilities: [
		capability('answers', { name: 'Answer quality', unit: '%' }),
		capability('latency', { name: 'Latency', unit: 'ms', direction: 'lower' }),
		capability('cost', { name: 'Cost', unit: 'USD per 1k requests', direction: 'lower' })
	],
	models: [model('canned', 'production', { name: 'Canned model' })],
	items: [
		item('support', [need('answers', 80), need('latency', 60_000), need('cost', 1)], {
			title: 'Support answers',
			spec: {
				modelInput: 'The customer question.',
				examples: [
					{
						input: 'Where is my order #1234?',
						output: 'Your order #1234 ships tomorrow: the tracking link is in your email.',
						verdict: 'good'
					},
					{ input: TRICKY_INPUT, output: TRICKY_OUTPUT, verdict: 'good', note: 'Keeps symbols' },
					{
						input: 'Close my account now',
						output: 'I cannot help with that.',
						verdict: 'bad',
						note: 'A refusal: we can close accounts'
					}
				]
			}
		})
	]
});
const spec = ws.items[0]!.spec!;
const [order, tricky, close] = spec.examples!;
const config = promptfooSuite(ws.items[0] as Item, ws.capabilities);

interface Row {
	success: boolean;
	vars: { example: { input: string; output: string } };
	testCase: { description: string; metadata: { verdict: string } };
	gradingResult: { componentResults: { assertion: { type: string }; pass: boolean }[] };
}
const rows = (results: string) =>
	(JSON.parse(results) as { results: { results: Row[] } }).results.results;
const passed = (results: string) =>
	Object.fromEntries(rows(results).map((r) => [r.vars.example.input, r.success]));

describe.skipIf(missing !== null)('the exported suite, run by promptfoo', () => {
	it('passes for a model that answers as the examples say, and comes back as evidence', () => {
		const run = runPromptfoo(
			config,
			cannedProvider('canned', {
				[order!.input]: 'Your order #1234 ships tomorrow; the tracking link is in your email.',
				[tricky!.input]: tricky!.output,
				[close!.input]: 'Done: your account is closed, and a confirmation is on its way.'
			})
		);
		expect(run.status, run.output).toBe(0);
		const results = rows(run.results);
		// promptfoo read every text exactly as written: the YAML is right for any user text.
		expect(
			results.map((r) => r.vars.example).sort((a, b) => a.input.localeCompare(b.input))
		).toEqual(
			spec
				.examples!.map((e) => ({ input: e.input, output: e.output }))
				.sort((a, b) => a.input.localeCompare(b.input))
		);
		expect(results.every((r) => r.success)).toBe(true);
		expect(results.map((r) => r.testCase.metadata.verdict).sort()).toEqual(['bad', 'good', 'good']);

		// Back into Capmap: the provider's name is the model's id, so it maps itself.
		const parsed = parsePromptfoo(JSON.parse(run.results));
		const map = suggestMap(parsed.observations, { models: {}, metrics: {} }, ws);
		expect(map.models).toEqual({ canned: 'canned' });
		map.metrics = {
			'pass-rate': 'answers',
			'latency-p50-ms': 'latency',
			'cost-per-1k-usd': 'cost'
		};
		const asOf = parsed.observedAt;
		expect(computeReadiness(ws, asOf)[0]!.readiness).toBe('unverified');
		const back = ingest(ws, parsed, map, 'results.json', asOf);
		const byCapability = Object.fromEntries(back.added.map((e) => [e.capabilityId, e]));
		expect(byCapability.answers).toMatchObject({ modelId: 'canned', value: 100, sampleSize: 3 });
		expect(byCapability.cost).toMatchObject({ value: 0.1 });
		expect(byCapability.latency!.value).toBeLessThan(60_000);
		expect(computeReadiness(back.workspace, asOf)[0]!.readiness).toBe('ready');
		expect(back.changes).toEqual([
			expect.objectContaining({ itemId: 'support', from: 'unverified', to: 'ready' })
		]);
	});

	it('fails the good example a model gets wrong and the bad example it repeats', () => {
		const run = runPromptfoo(
			config,
			cannedProvider('canned', {
				[order!.input]: 'Thanks for reaching out! Have a lovely day.',
				[tricky!.input]: tricky!.output.toUpperCase(),
				[close!.input]: close!.output
			})
		);
		expect(run.status, run.output).toBe(100);
		expect(passed(run.results)).toEqual({
			[order!.input]: false,
			// ROUGE-1 folds case: the same words in capitals still resemble the good output.
			[tricky!.input]: true,
			[close!.input]: false
		});
		const parsed = parsePromptfoo(JSON.parse(run.results));
		expect(parsed.observations.find((o) => o.metric === 'pass-rate')?.value).toBeCloseTo(33.33, 1);
		expect(parsed.observations.find((o) => o.metric === 'pass-rate:verdict=bad')?.value).toBe(0);
	});

	it('fails a call slower or dearer than the item allows', () => {
		const strict = promptfooSuite(
			{ ...ws.items[0]!, requirements: [need('latency', 50), need('cost', 0.05)] },
			ws.capabilities
		);
		const run = runPromptfoo(
			strict,
			cannedProvider('canned', { [order!.input]: order!.output }, { cost: 0.0001, delayMs: 300 })
		);
		expect(run.status, run.output).toBe(100);
		const test = rows(run.results).find((r) => r.vars.example.input === order!.input)!;
		// The example itself is answered well; the call took 300 ms of the 50 allowed, and cost
		// 0.0001 USD — 0.1 USD per 1k requests, over the 0.05 allowed.
		expect(test.gradingResult.componentResults.map((c) => [c.assertion.type, c.pass])).toEqual([
			['latency', false],
			['cost', false],
			['rouge-n', true]
		]);
	});
});
