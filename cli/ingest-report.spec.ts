/**
 * `capmap ingest … --report FILE` on the two generated nightly promptfoo runs (issue 11): the
 * runs are kept case by case, the triage note names what broke and the call, and the same file
 * twice adds nothing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capmap, removeTempFolders, tempFolder } from './test-support';

afterAll(removeTempFolders);

const NIGHTLY = 'tests/fixtures/eval/promptfoo-nightly';
const AS_OF = ['--as-of', '2026-11-24'];

function setUp() {
	const folder = tempFolder();
	const ws = join(folder, 'ws.json');
	writeFileSync(ws, readFileSync('samples/sample-workspace.json'));
	const ingest = (night: string, report = join(folder, `${night}.md`), ...more: string[]) =>
		capmap(
			'ingest',
			ws,
			`${NIGHTLY}/results-${night}.json`,
			'--map',
			`${NIGHTLY}/map.json`,
			'--report',
			report,
			...AS_OF,
			...more
		);
	const stored = () => JSON.parse(readFileSync(ws, 'utf8'));
	return { folder, ws, ingest, stored };
}

describe('capmap ingest --report', () => {
	it('on Monday then Tuesday writes a note naming the regressed cases and the hotfix', async () => {
		const { folder, ingest, stored } = setUp();
		const monday = await ingest('monday');
		expect(monday.code).toBe(0);
		expect(monday.stdout.split('\n')[1]).toBe(
			'1 new eval run (120 cases: 0 regressed, 0 fixed since the run before); 0 already present'
		);
		expect(readFileSync(join(folder, 'monday.md'), 'utf8')).toContain(
			'Nothing regressed and no item got worse.'
		);

		const tuesday = await ingest('tuesday');
		expect(tuesday.code).toBe(0);
		expect(tuesday.stdout).toContain(
			'1 new eval run (120 cases: 6 regressed, 1 fixed since the run before); 0 already present'
		);
		expect(tuesday.stdout).toContain(`wrote the triage note to ${join(folder, 'tuesday.md')}`);
		const note = readFileSync(join(folder, 'tuesday.md'), 'utf8');
		expect(note.split('\n').slice(0, 5)).toEqual([
			'*Evals of 2026-11-24 (results-tuesday.json)* — 6 cases regressed, 1 fixed; 1 roadmap item worse.',
			'',
			'*🔴 Hotfix* — promptfoo · Ticket routing (nightly) · GPT-4o',
			'"Structured ticket triage" is in-progress and was ready on this model; it is upgrade now, so users are affected today.',
			'Regressed 6 of 120 cases since the run of 2026-11-23T02:00:00.000Z:'
		]);
		expect(note).toContain(
			'• \\#7 account: Reset my two-factor device: pass → fail (score 1 → 0). Grader: Expected output to contain "account"'
		);
		expect(note).toContain(
			'• *Structured ticket triage* (P0, in-progress, owner Priya): ready → upgrade.'
		);
		const ws = stored();
		expect(ws.evalRuns.map((r: { file: string }) => r.file)).toEqual([
			'results-monday.json',
			'results-tuesday.json'
		]);
		expect(ws.evalRuns[1].cases).toHaveLength(120);
	});

	it('adds no run and no evidence when Tuesday comes again', async () => {
		const { ingest, stored } = setUp();
		await ingest('monday');
		await ingest('tuesday');
		const before = stored();
		const again = await ingest('tuesday');
		expect(again.code).toBe(0);
		expect(again.stdout.split('\n').slice(0, 2)).toEqual([
			expect.stringMatching(
				/^0 new evidence records from results-tuesday\.json .*; 1 already present/
			),
			'0 new eval runs; 1 already present'
		]);
		expect(stored()).toEqual(before);
	});

	it('writes the report atomically, and a report it cannot write leaves the workspace as it was', async () => {
		const { folder, ws, ingest } = setUp();
		const report = join(folder, 'note.md');
		writeFileSync(report, 'yesterday’s note');
		// A temporary file left by a killed run: the atomic writer clears it on its way.
		const stale = join(folder, '.note.md.capmap-999999999-deadbeef.tmp');
		writeFileSync(stale, 'half a note');
		expect((await ingest('monday', report)).code).toBe(0);
		expect(readFileSync(report, 'utf8')).toMatch(
			/^\*Evals of 2026-11-23 \(results-monday\.json\)\*/
		);
		expect(existsSync(stale)).toBe(false);
		expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);

		const workspace = readFileSync(ws, 'utf8');
		const nowhere = join(folder, 'missing', 'note.md');
		const refused = await ingest('tuesday', nowhere);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toBe(
			`capmap: ${nowhere}: cannot be written (no such file); nothing was changed`
		);
		expect(readFileSync(ws, 'utf8')).toBe(workspace);
	});

	it('keeps lm-eval’s samples files beside the results as the runs’ cases', async () => {
		const { ws, folder } = setUp();
		const dir = 'tests/fixtures/eval/lm-eval-samples';
		const map = join(folder, 'map.json');
		writeFileSync(
			map,
			JSON.stringify({
				models: { 'acme/helio-ft-8b': 'gpt-4o' },
				metrics: { 'hellaswag/acc_norm': 'intent-accuracy' }
			})
		);
		const result = await capmap(
			'ingest',
			ws,
			`${dir}/results_2026-11-24T02-10-00.481907.json`,
			'--map',
			map,
			...AS_OF
		);
		expect(result.code).toBe(0);
		expect(result.stdout.split('\n')[1]).toBe(
			'3 new eval runs (16 cases: 0 regressed, 0 fixed since the run before); 0 already present'
		);
		const runs = JSON.parse(readFileSync(ws, 'utf8')).evalRuns;
		expect(
			runs.map((r: { suite: string; summaryOnly?: true }) => [r.suite, r.summaryOnly])
		).toEqual([
			['hellaswag', undefined],
			['gsm8k', undefined],
			['arc_easy', true]
		]);
	});
});
