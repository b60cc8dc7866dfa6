/** Eval runs, case by case, as each importer reads them (docs/rules.md, "Eval runs"). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffRuns } from '../domain/eval-runs';
import type { EvalRun } from '../domain/schemas';
import { parseResults } from './detect';
import { samplesFileOf } from './lm-eval';
import type { ParsedRun } from './results';

const fixture = (path: string) => readFileSync(`tests/fixtures/eval/${path}`, 'utf8');
/** A parsed run as a stored run would be, to diff two of them. */
const asRun = (run: ParsedRun, id: string): EvalRun => ({
	id,
	tool: 'promptfoo',
	suite: run.suite ?? '',
	modelId: 'm',
	ranAt: run.ranAt,
	cases: run.cases
});

/** A promptfoo output version 3 file from rows of (description, vars, pass, prompt). */
function promptfooV3(
	rows: { description?: string; vars: object; pass: boolean; prompt?: number }[]
) {
	return JSON.stringify({
		evalId: 'eval-x',
		config: { description: 'Refund suite' },
		results: {
			version: 3,
			timestamp: '2026-11-24T02:00:00Z',
			results: rows.map((r, i) => ({
				provider: { id: 'openai:gpt-4o' },
				promptIdx: r.prompt ?? 0,
				promptId: `p${r.prompt ?? 0}`,
				testIdx: i,
				vars: r.vars,
				testCase: { vars: r.vars, ...(r.description ? { description: r.description } : {}) },
				success: r.pass,
				score: r.pass ? 1 : 0,
				gradingResult: {
					pass: r.pass,
					score: r.pass ? 1 : 0,
					reason: r.pass ? 'ok' : 'Wrong queue'
				}
			}))
		}
	});
}

describe('promptfoo cases', () => {
	it('keys each case by its description, keeping pass, score and the grader’s reason when it failed', () => {
		const [run] = parseResults(fixture('promptfoo-nightly/results-tuesday.json')).runs;
		expect(run).toMatchObject({
			models: ['helio-prod', 'file://provider.js'],
			suite: 'Ticket routing (nightly)',
			ranAt: '2026-11-24T02:00:00.000Z'
		});
		expect(run!.cases).toHaveLength(120);
		expect(run!.cases[0]).toEqual({
			key: '#1 account: I forgot my password',
			pass: true,
			score: 1
		});
		expect(run!.cases.find((c) => c.key === '#7 account: Reset my two-factor device')).toEqual({
			key: '#7 account: Reset my two-factor device',
			pass: false,
			score: 0,
			reason: 'Expected output to contain "account"'
		});
	});

	it('finds the six cases Tuesday broke and the one it fixed', () => {
		const monday = parseResults(fixture('promptfoo-nightly/results-monday.json')).runs[0]!;
		const tuesday = parseResults(fixture('promptfoo-nightly/results-tuesday.json')).runs[0]!;
		const diff = diffRuns(asRun(monday, 'mon'), asRun(tuesday, 'tue'));
		expect(diff.regressed.map((c) => c.key)).toEqual([
			'#7 account: Reset my two-factor device',
			'#33 billing: Why was I charged twice',
			'#42 billing: Where is my invoice for March',
			'#90 billing: Where is my invoice for March',
			'#99 billing: Refund my duplicate charge',
			'#115 account: Reset my two-factor device'
		]);
		expect(diff.fixed.map((c) => c.key)).toEqual(['#58 account: My password reset link expired']);
		expect(diff.added).toBe(0);
	});

	it('keys a case without a description by its vars, whatever their order, in versions 2 and 3', () => {
		const one = parseResults(
			promptfooV3([{ vars: { ticket: 'Refund please', locale: 'en' }, pass: true }])
		).runs[0]!.cases[0]!;
		const two = parseResults(
			promptfooV3([{ vars: { locale: 'en', ticket: 'Refund please' }, pass: false }])
		).runs[0]!.cases[0]!;
		expect(one.key).toMatch(/^vars:[0-9a-f]{8}$/);
		expect(two.key).toBe(one.key);
		expect(one.description).toBe('ticket=Refund please; locale=en');
		expect(two.reason).toBe('Wrong queue');
		// The same test in a version-2 table and a version-3 file has the same key.
		const v2 = parseResults(fixture('promptfoo/results-v2.json')).runs;
		const v3 = parseResults(fixture('promptfoo/results-v3.json')).runs;
		const office = (runs: ParsedRun[]) =>
			runs[0]!.cases.find((c) => c.description === 'ticket=Where is your office?')!.key;
		expect(office(v2)).toBe(office(v3));
	});

	it('reads version 2 tables: one run per provider column, pass and score per cell', () => {
		const runs = parseResults(fixture('promptfoo/results-v2.json')).runs;
		expect(runs.map((r) => [r.models[0], r.suite, r.cases.map((c) => c.pass)])).toEqual([
			['openai:gpt-4o', 'Ticket routing (promptfoo output version 2)', [true, true, true]],
			[
				'anthropic:messages:claude-haiku-4-5',
				'Ticket routing (promptfoo output version 2)',
				[true, false, true]
			]
		]);
	});

	it('gives every case of a run its own key: prompts numbered, repeats counted', () => {
		const cases = parseResults(
			promptfooV3([
				{ description: 'refund', vars: {}, pass: true, prompt: 0 },
				{ description: 'refund', vars: {}, pass: false, prompt: 1 },
				{ description: 'refund', vars: {}, pass: true, prompt: 1 }
			])
		).runs[0]!.cases;
		expect(cases.map((c) => c.key)).toEqual([
			'refund (prompt 1)',
			'refund (prompt 2)',
			'refund (prompt 2) #2'
		]);
	});

	it('takes the suite from the config’s description, not from the eval id that changes nightly', () => {
		const file = JSON.parse(promptfooV3([{ vars: { a: 1 }, pass: true }]));
		expect(parseResults(JSON.stringify(file)).runs[0]!.suite).toBe('Refund suite');
		delete file.config;
		expect(parseResults(JSON.stringify(file)).runs[0]!.suite).toBe('');
	});
});

describe('lm-evaluation-harness cases', () => {
	const folder = 'lm-eval-samples';
	const name = 'results_2026-11-24T02-10-00.481907.json';
	const companions = readdirSync(`tests/fixtures/eval/${folder}`)
		.filter((n) => n.startsWith('samples_'))
		.map((n) => ({ name: n, text: fixture(`${folder}/${n}`) }));

	it('reads the samples files: doc_id as the key, the first metric as pass and score', () => {
		const parsed = parseResults(fixture(`${folder}/${name}`), 'auto', {
			fileName: name,
			companions
		});
		const bySuite: Record<string, ParsedRun> = Object.fromEntries(
			parsed.runs.map((r) => [r.suite, r])
		);
		expect(bySuite.hellaswag!.ranAt).toBe('2026-11-24T02:10:00.481Z');
		expect(bySuite.hellaswag!.cases.map((c) => `${c.key}:${c.pass}`)).toEqual([
			'0:true',
			'1:true',
			'2:false',
			'3:true',
			'4:true',
			'5:false',
			'6:true',
			'7:true'
		]);
		expect(bySuite.hellaswag!.cases[0]!.description).toBe(
			'Everyday: A man is sitting on a roof. He'
		);
		// Two filters: one case per document and filter, the reason naming what was answered.
		expect(bySuite.gsm8k!.cases.filter((c) => !c.pass)).toEqual([
			expect.objectContaining({
				key: '2,strict-match',
				score: 0,
				reason: 'expected "... #### 5", answered "[invalid]"'
			}),
			expect.objectContaining({ key: '2,flexible-extract', score: 0 })
		]);
		// A task without a samples file: a run that says it has no cases.
		expect(bySuite.arc_easy).toMatchObject({ cases: [], summaryOnly: true });
	});

	it('without samples files, keeps one run per task that says it has no cases', () => {
		const parsed = parseResults(fixture('lm-eval/results_2026-11-20T02-14-07.json'));
		expect(parsed.runs.map((r) => [r.suite, r.cases.length, r.summaryOnly])).toEqual([
			['hellaswag', 0, true],
			['gsm8k', 0, true]
		]);
		expect(parsed.runs[0]!.models[0]).toBe('acme/helio-ft-8b');
	});

	it('keeps no cases when a sample’s metric is not pass or fail', () => {
		const bleu = {
			name: `samples_hellaswag_2026-11-24T02-10-00.481907.jsonl`,
			text: '{"doc_id": 0, "metrics": ["bleu"], "bleu": 23.5}\n'
		};
		const parsed = parseResults(fixture(`${folder}/${name}`), 'lm-eval', {
			fileName: name,
			companions: [bleu]
		});
		expect(parsed.runs.find((r) => r.suite === 'hellaswag')).toMatchObject({
			cases: [],
			summaryOnly: true
		});
	});

	it('takes only the samples file of the same time, or the only one', () => {
		const file = (task: string, time: string) => ({
			name: `samples_${task}_${time}.jsonl`,
			text: ''
		});
		const files = [
			file('mmlu', '2026-11-24T02-10-00'),
			file('mmlu_law', '2026-11-24T02-10-00'),
			file('mmlu', '2026-11-23T02-10-00')
		];
		expect(samplesFileOf('mmlu', files, 'results_2026-11-24T02-10-00.json')).toBe(files[0]);
		expect(samplesFileOf('mmlu_law', files, 'results.json')).toBe(files[1]);
		// Two nights in one folder and a results file that does not say which: neither.
		expect(samplesFileOf('mmlu', files, 'results.json')).toBeUndefined();
	});

	it('names the line of a samples file that is not JSON', () => {
		const broken = {
			name: `samples_gsm8k_2026-11-24T02-10-00.481907.jsonl`,
			text: '{"doc_id": 0}\n{oops\n'
		};
		expect(() =>
			parseResults(fixture(`${folder}/${name}`), 'lm-eval', {
				fileName: name,
				companions: [broken]
			})
		).toThrow(/^samples_gsm8k_2026-11-24T02-10-00\.481907\.jsonl, line 1: holds no metric value$/);
		const bad = { ...broken, text: '{"doc_id": 0, "acc": 1}\n{oops\n' };
		expect(() =>
			parseResults(fixture(`${folder}/${name}`), 'lm-eval', { fileName: name, companions: [bad] })
		).toThrow(/^samples_gsm8k_2026-11-24T02-10-00\.481907\.jsonl, line 2: /);
	});
});

describe('Inspect cases', () => {
	it('reads the log’s samples: id as the key, the scorer’s grade as pass, its explanation as the reason', () => {
		const [run] = parseResults(
			fixture('inspect/2026-11-24T09-30-00_ticket-triage_samples.json')
		).runs;
		expect(run).toMatchObject({
			models: ['anthropic/claude-sonnet-4-5'],
			suite: 'ticket_triage',
			ranAt: '2026-11-24T09:30:00.000Z'
		});
		expect(run!.cases.map((c) => `${c.key}:${c.pass}`)).toEqual([
			't-001:true',
			't-002:true',
			't-003:false',
			't-004:true',
			't-005:true',
			't-006:true'
		]);
		expect(run!.cases[2]).toMatchObject({
			score: 0,
			reason: 'Answered "general"; the ticket belongs in "billing".'
		});
		expect(run!.cases[0]!.reason).toBeUndefined();
	});

	it('says a log without samples has no cases, and tells epochs apart', () => {
		const [bare] = parseResults(
			fixture('inspect/2026-11-21T09-30-00_ticket-triage_success.json')
		).runs;
		expect(bare).toMatchObject({ cases: [], summaryOnly: true });
		const log = JSON.parse(fixture('inspect/2026-11-24T09-30-00_ticket-triage_samples.json'));
		log.samples = [
			{ ...log.samples[0], epoch: 1, scores: { match: { value: 'C' } } },
			{ ...log.samples[0], epoch: 2, scores: { match: { value: 'P' } } }
		];
		const cases = parseResults(JSON.stringify(log)).runs[0]!.cases;
		expect(cases.map((c) => [c.key, c.pass, c.score])).toEqual([
			['t-001 (epoch 1)', true, 1],
			['t-001 (epoch 2)', false, 0.5]
		]);
	});
});

describe('CSV cases', () => {
	it('reads a table with a case column as one run per suite and model', () => {
		const parsed = parseResults(fixture('csv/cases.csv'));
		expect(parsed.runs.map((r) => [r.models[0], r.suite, r.ranAt])).toEqual([
			['helio-strong', 'refund policy', '2026-11-24T00:00:00.000Z'],
			['helio-weak', 'refund policy', '2026-11-24T00:00:00.000Z']
		]);
		expect(parsed.runs[1]!.cases[0]).toEqual({
			key: 'refund-30d',
			pass: false,
			score: 0,
			description: 'Refund asked 31 days after purchase',
			reason: 'Quoted the 14-day policy, which is wrong'
		});
		// Its evidence: the pass rate and the mean score of each run, over its cases.
		expect(
			parsed.observations.map((o) => [o.models[0], o.metric, o.value, o.sampleSize, o.task])
		).toEqual([
			['helio-strong', 'pass-rate', 66.67, 3, 'refund policy'],
			['helio-strong', 'score', 0.8, 3, 'refund policy'],
			['helio-weak', 'pass-rate', 33.33, 3, 'refund policy'],
			['helio-weak', 'score', 0.4, 3, 'refund policy']
		]);
	});

	it('takes a value of 0 or 1 as the pass when there is no pass column, and refuses anything else', () => {
		const table = (rows: string) => `model,case,value,date\n${rows}\n`;
		const parsed = parseResults(table('m,a,1,2026-11-24\nm,b,0,2026-11-24'));
		expect(parsed.runs[0]!.cases.map((c) => [c.key, c.pass])).toEqual([
			['a', true],
			['b', false]
		]);
		expect(parsed.runs[0]!.suite).toBeUndefined();
		expect(() => parseResults(table('m,a,0.5,2026-11-24'))).toThrow(
			'row 2, pass: is empty, and the value is not 0 or 1 to stand for it'
		);
		expect(() => parseResults('model,case,pass,date\nm,a,maybe,2026-11-24\n')).toThrow(
			'row 2, pass: is "maybe", not true/false, pass/fail, yes/no or 1/0'
		);
		expect(() => parseResults('model,case,date\nm,a,2026-11-24\n')).toThrow(
			'row 1: has a "case" column but neither "pass" nor "value"'
		);
	});

	it('gives an evidence table runs without cases, one per model', () => {
		const parsed = parseResults(fixture('csv/evidence.csv'));
		expect(parsed.runs.map((r) => [r.models[0], r.cases.length, r.summaryOnly])).toEqual([
			['helio-strong', 0, true],
			['helio-weak', 0, true]
		]);
	});
});
