/**
 * The overnight-eval data the benches share (issue 11), built in Node: a big promptfoo nightly
 * file, and a workspace holding many imports. The Node bench (evals.bench.ts) times the domain
 * functions on them; the browser bench (evals-browser.bench.ts) loads them through the app.
 */
import { readFileSync } from 'node:fs';
import { addDays } from '../src/lib/domain/dates';
import { evidenceTitle, runId } from '../src/lib/domain/eval-runs';
import type { EvalRun, Evidence } from '../src/lib/domain/schemas';
import type { Workspace } from '../src/lib/domain/workspace';

export const NIGHTLY = 'tests/fixtures/eval/promptfoo-nightly';
export const NIGHTLY_MAP_FILE = `${NIGHTLY}/map.json`;
export const NIGHTLY_MAP = JSON.parse(readFileSync(NIGHTLY_MAP_FILE, 'utf8'));

/** The generated Monday file grown to `cases` test cases, run on `day`; `broken` cases fail. */
export function bigNight(cases: number, day: string, broken: (i: number) => boolean): string {
	const file = JSON.parse(readFileSync(`${NIGHTLY}/results-monday.json`, 'utf8'));
	const pass = file.results.results.find((r: { success: boolean }) => r.success);
	const fail = file.results.results.find((r: { success: boolean }) => !r.success);
	file.results.timestamp = `${day}T02:00:00.000Z`;
	file.results.results = Array.from({ length: cases }, (_, i) => {
		const row = structuredClone(broken(i) ? fail : pass);
		const description = `#${i + 1} routing case ${i + 1}`;
		return { ...row, testIdx: i, testCase: { ...row.testCase, description } };
	});
	return JSON.stringify(file);
}

/** Monday's night: 1 case in 50 fails. */
export const mondayNight = (cases: number) => bigNight(cases, '2026-11-23', (i) => i % 50 === 0);
/** Tuesday's night breaks 1 case in 100 more and fixes a few of Monday's. */
export const tuesdayNight = (cases: number) =>
	bigNight(cases, '2026-11-24', (i) => (i % 50 === 0 && i % 400 !== 0) || i % 100 === 7);

/**
 * `ws` with `count` imports, one a night for the models in turn: a 500-case run and its
 * pass-rate evidence on a capability its items need, the value wandering around their threshold.
 * `asOf` is the day after the last import.
 */
export function withImports(ws: Workspace, modelIds: string[], capabilityId: string, count = 200) {
	const runs: EvalRun[] = [];
	const evidence: Evidence[] = [];
	for (let i = 0; i < count; i++) {
		const day = addDays('2026-05-01', i);
		const modelId = modelIds[i % modelIds.length]!;
		const file = `results-${day}.json`;
		const fields = {
			tool: 'promptfoo',
			suite: 'Nightly',
			modelId,
			ranAt: `${day}T02:00:00.000Z`,
			file
		};
		runs.push({
			id: runId(fields),
			...fields,
			cases: Array.from({ length: 500 }, (_, c) => ({
				key: `case ${c}`,
				pass: (c * 7 + i * 13) % 23 !== 0
			}))
		});
		evidence.push({
			id: `ev-bench-${i}`,
			modelId,
			capabilityId,
			value: 86 + ((i * 37) % 11),
			kind: 'internal-eval',
			source: { title: evidenceTitle('promptfoo', file, 'all tests') },
			observedAt: day,
			sampleSize: 500
		});
	}
	const asOf = addDays('2026-05-01', count);
	return { ws: { ...ws, evalRuns: runs, evidence: [...ws.evidence, ...evidence] }, asOf };
}
