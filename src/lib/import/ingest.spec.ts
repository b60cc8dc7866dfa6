import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseChanges, runId } from '../domain/eval-runs';
import { validateWorkspace } from '../domain/workspace';
import { parseResults } from './detect';
import { ingest } from './ingest';
import { sample } from '../../test-support/sample';

const fixture = (path: string) => readFileSync(`tests/fixtures/eval/${path}`, 'utf8');
const MAP = JSON.parse(fixture('promptfoo/map.json'));
const AS_OF = '2026-11-27';

describe('ingest', () => {
	it('turns mapped observations into internal-eval evidence, fractions into percentages', () => {
		const parsed = parseResults(fixture('promptfoo/results-v3.json'));
		const result = ingest(sample(), parsed, MAP, 'results-v3.json', AS_OF);
		const routing = result.added.find(
			(e) => e.modelId === 'gpt-4o' && e.capabilityId === 'intent-accuracy'
		)!;
		expect(routing).toMatchObject({
			kind: 'internal-eval',
			value: 50,
			sampleSize: 4,
			observedAt: parsed.observedAt,
			source: { title: 'promptfoo: results-v3.json — score routing' }
		});
		expect(
			result.added.find(
				(e) => e.modelId === 'claude-sonnet-4-5' && e.capabilityId === 'json-adherence'
			)!.value
		).toBe(100);
		expect(result.added.find((e) => e.capabilityId === 'latency-p95')!.value).toBeGreaterThan(100);
		expect(validateWorkspace(result.workspace).ok).toBe(true);
	});

	it('lists unmapped names and skips them, never guessing', () => {
		const parsed = parseResults(fixture('promptfoo/results-v2.json'));
		const result = ingest(sample(), parsed, MAP, 'results-v2.json', AS_OF);
		expect(result.added).toEqual([]);
		expect(result.unmapped.models).toEqual([
			'anthropic:messages:claude-haiku-4-5',
			'openai:gpt-4o'
		]);
		expect(result.unmapped.metrics).toEqual(
			expect.arrayContaining(['pass-rate', 'latency-p50-ms'])
		);
	});

	it('reports the items whose readiness changed, regressions first', () => {
		const parsed = parseResults(fixture('promptfoo/results-v3.json'));
		// results-v3 is a four-case run: counted as an adequate sample, it knocks triage off ready.
		const ws = sample();
		ws.settings.minSampleSize = 1;
		ws.evidence = ws.evidence.filter((e) => e.id !== 'ev-061'); // the sample's own smoke run
		const result = ingest(ws, parsed, MAP, 'results-v3.json', AS_OF);
		expect(result.changes.length).toBeGreaterThan(0);
		expect(result.changes[0]).toMatchObject({ itemId: 'ticket-triage', from: 'ready' });
		const firstImprovement = result.changes.findIndex((c) => c.to === 'ready');
		const lastRegression = result.changes.map((c) => c.from === 'ready').lastIndexOf(true);
		if (firstImprovement >= 0) expect(lastRegression).toBeLessThan(firstImprovement);
	});

	it('never lets a small smoke run override the real eval of the same kind (rule 1)', () => {
		const parsed = parseResults(fixture('promptfoo/results-v3.json'));
		const result = ingest(sample(), parsed, MAP, 'results-v3.json', AS_OF);
		expect(result.added.every((e) => e.sampleSize === 4)).toBe(true);
		expect(result.changes.map((c) => c.itemId)).not.toContain('ticket-triage');
		expect(result.changes.some((c) => c.from === 'ready')).toBe(false);
	});

	it('adds nothing when the same file is ingested again', () => {
		const parsed = parseResults(fixture('lm-eval/results_2026-11-20T02-14-07.json'));
		const map = {
			models: { 'acme/helio-ft-8b': 'gpt-4o' },
			metrics: { 'hellaswag/acc_norm': 'intent-accuracy' }
		};
		const once = ingest(sample(), parsed, map, 'results.json', AS_OF);
		expect(once.added).toHaveLength(1);
		expect(once.added[0]).toMatchObject({ value: 74.12, sampleSize: 10042, stderr: 0.44 });
		const twice = ingest(once.workspace, parsed, map, 'results.json', AS_OF);
		expect(twice.added).toEqual([]);
		expect(twice.duplicates).toBe(1);
		// The preview still lists it, marked, with the same evidence it would have been.
		expect(twice.rows).toEqual([{ evidence: once.added[0], duplicate: true }]);
		expect(once.rows).toEqual([{ evidence: once.added[0], duplicate: false }]);
	});
});

describe('ingest never adds evidence the workspace format refuses (issue 14, item 5)', () => {
	const lmEval = (value: number) => {
		const file = JSON.parse(fixture('lm-eval/results_2026-11-20T02-14-07.json'));
		file.results.hellaswag['acc_norm,none'] = value;
		return parseResults(JSON.stringify(file));
	};
	const map = {
		models: { 'acme/helio-ft-8b': 'gpt-4o' },
		metrics: { 'hellaswag/acc_norm': 'intent-accuracy' }
	};

	it('refuses a fraction too large to become a percentage, naming where it came from', () => {
		expect(() => ingest(sample(), lmEval(1e307), map, 'results.json', AS_OF)).toThrow(
			'results.hellaswag["acc_norm,none"]: cannot become evidence: value: must be a finite number'
		);
	});

	it('refuses what would make a source title too long', () => {
		expect(() => ingest(sample(), lmEval(0.7), map, `${'f'.repeat(1000)}.json`, AS_OF)).toThrow(
			/^results\.hellaswag\["acc_norm,none"\]: cannot become evidence: source\.title: must be at most 1,000 characters/
		);
	});

	it('adds only records the file format accepts', () => {
		const result = ingest(sample(), lmEval(0.7), map, 'results.json', AS_OF);
		expect(result.added).toHaveLength(1);
		expect(validateWorkspace(JSON.parse(JSON.stringify(result.workspace))).ok).toBe(true);
	});
});

describe('ingest keeps eval runs (docs/rules.md, "Eval runs")', () => {
	const NIGHTLY = 'promptfoo-nightly';
	const nightMap = JSON.parse(fixture(`${NIGHTLY}/map.json`));
	const night = (day: 'monday' | 'tuesday') =>
		parseResults(fixture(`${NIGHTLY}/results-${day}.json`));

	it('adds one run per suite and mapped model, with a stable id, to the workspace it returns', () => {
		const result = ingest(sample(), night('monday'), nightMap, 'results-monday.json', AS_OF);
		expect(result.runs).toHaveLength(1);
		expect(result.runs[0]).toMatchObject({
			id: runId({
				tool: 'promptfoo',
				suite: 'Ticket routing (nightly)',
				modelId: 'gpt-4o',
				ranAt: '2026-11-23T02:00:00.000Z',
				file: 'results-monday.json'
			}),
			tool: 'promptfoo',
			suite: 'Ticket routing (nightly)',
			modelId: 'gpt-4o',
			ranAt: '2026-11-23T02:00:00.000Z',
			file: 'results-monday.json'
		});
		expect(result.runs[0]!.cases).toHaveLength(120);
		expect(result.workspace.evalRuns).toEqual([...sample().evalRuns, ...result.runs]);
		expect(validateWorkspace(JSON.parse(JSON.stringify(result.workspace))).ok).toBe(true);
	});

	it('keeps no run for a model that is not mapped, and lists it', () => {
		const result = ingest(sample(), night('monday'), { models: {}, metrics: {} }, 'r.json', AS_OF);
		expect(result.runs).toEqual([]);
		expect(result.unmapped.models).toEqual(['helio-prod']);
	});

	it('adds no run and no evidence when the same file comes again', () => {
		const once = ingest(sample(), night('monday'), nightMap, 'results-monday.json', AS_OF);
		const twice = ingest(once.workspace, night('monday'), nightMap, 'results-monday.json', AS_OF);
		expect(twice.runs).toEqual([]);
		expect(twice.duplicateRuns).toBe(1);
		expect(twice.added).toEqual([]);
		expect(twice.workspace.evalRuns).toEqual(once.workspace.evalRuns);
		// Under another name it is still the same run.
		expect(ingest(once.workspace, night('monday'), nightMap, 'copy.json', AS_OF).runs).toEqual([]);
	});

	it('compares the next night’s run with the one before it', () => {
		const monday = ingest(sample(), night('monday'), nightMap, 'results-monday.json', AS_OF);
		const tuesday = ingest(
			monday.workspace,
			night('tuesday'),
			nightMap,
			'results-tuesday.json',
			AS_OF
		);
		expect(caseChanges(tuesday.workspace.evalRuns, tuesday.runs)).toEqual({
			regressed: 6,
			fixed: 1
		});
		expect(tuesday.runs[0]!.id).not.toBe(monday.runs[0]!.id);
	});

	it('makes one run of two tool models mapped to one workspace model, keys led by the tool’s name', () => {
		const result = ingest(
			sample(),
			parseResults(fixture('promptfoo/results-v3.json')),
			{ models: { 'house-strong': 'gpt-4o', 'house-weak': 'gpt-4o' }, metrics: {} },
			'results-v3.json',
			AS_OF
		);
		expect(result.runs).toHaveLength(1);
		expect(result.runs[0]!.cases.map((c) => c.key.split(':')[0])).toEqual([
			'house-weak',
			'house-weak',
			'house-weak',
			'house-weak',
			'house-strong',
			'house-strong',
			'house-strong',
			'house-strong'
		]);
	});

	it('names a CSV’s run after the file when the table has no suite column', () => {
		const result = ingest(
			sample(),
			parseResults(fixture('csv/evidence.csv')),
			{ models: { 'helio-strong': 'gpt-4o' }, metrics: {} },
			'evidence.csv',
			AS_OF
		);
		expect(result.runs.map((r) => [r.suite, r.cases.length, r.summaryOnly])).toEqual([
			['evidence.csv', 0, true]
		]);
	});
});
