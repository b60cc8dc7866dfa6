/**
 * The morning after the overnight evals (issue 11). In Node, the functions the ingest worker runs
 * on a big file — parse, map into evidence and an eval run (with its case diff), the triage note —
 * on a 20,000-case promptfoo file against a previous run of the same size; and the changes feed
 * of a workspace holding 200 imports. Figures beside their targets, never asserted.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { changesFeed, importTriage, worseInLatestImport } from '../src/lib/domain/changes-feed';
import { addDays } from '../src/lib/domain/dates';
import { caseChanges, evidenceTitle, runId } from '../src/lib/domain/eval-runs';
import type { EvalRun, Evidence } from '../src/lib/domain/schemas';
import { importNoteTitle, triageNote } from '../src/lib/domain/triage';
import type { Workspace } from '../src/lib/domain/workspace';
import { parseResults } from '../src/lib/import/detect';
import { ingest } from '../src/lib/import/ingest';
import { sample } from '../src/test-support/sample';
import { syntheticWorkspace } from '../src/test-support/synthetic';
import { median, report, time } from './measure';

const CASES = 20_000;
const NIGHTLY = 'tests/fixtures/eval/promptfoo-nightly';
const MAP = JSON.parse(readFileSync(`${NIGHTLY}/map.json`, 'utf8'));

/** The generated Monday file grown to `CASES` test cases; `broken` cases fail. */
function bigNight(day: string, broken: (i: number) => boolean): string {
	const file = JSON.parse(readFileSync(`${NIGHTLY}/results-monday.json`, 'utf8'));
	const pass = file.results.results.find((r: { success: boolean }) => r.success);
	const fail = file.results.results.find((r: { success: boolean }) => !r.success);
	file.results.timestamp = `${day}T02:00:00.000Z`;
	file.results.results = Array.from({ length: CASES }, (_, i) => {
		const row = structuredClone(broken(i) ? fail : pass);
		const description = `#${i + 1} routing case ${i + 1}`;
		return { ...row, testIdx: i, testCase: { ...row.testCase, description } };
	});
	return JSON.stringify(file);
}

console.log(
	`\nOvernight evals: a ${CASES.toLocaleString('en-US')}-case promptfoo file against a previous run of the same size`
);
const mondayText = bigNight('2026-11-23', (i) => i % 50 === 0);
// Tuesday breaks 1 case in 100 more and fixes a few of Monday's.
const tuesdayText = bigNight('2026-11-24', (i) => (i % 50 === 0 && i % 400 !== 0) || i % 100 === 7);
const monday = ingest(sample(), parseResults(mondayText), MAP, 'monday.json', '2026-11-24');
console.log(`file: ${(tuesdayText.length / 1e6).toFixed(1)} MB`);

let note = '';
const phases = { parse: [] as number[], ingest: [] as number[], note: [] as number[] };
const total = time(5, () => {
	let start = performance.now();
	const parsed = parseResults(tuesdayText);
	phases.parse.push(performance.now() - start);
	start = performance.now();
	const result = ingest(monday.workspace, parsed, MAP, 'tuesday.json', '2026-11-24');
	phases.ingest.push(performance.now() - start);
	start = performance.now();
	note = triageNote(
		{ before: monday.workspace, after: result.workspace, runs: result.runs, asOf: '2026-11-24' },
		importNoteTitle(result.runs[0]!.ranAt, 'tuesday.json')
	);
	phases.note.push(performance.now() - start);
});
console.log(
	`parse ${median(phases.parse).toFixed(0)} ms, evidence + run + readiness ${median(phases.ingest).toFixed(0)} ms, case diff + triage note ${median(phases.note).toFixed(0)} ms (medians)`
);
console.log(`note: ${note.split('\n')[0]}`);
report('parse + case diff + triage note (the worker’s functions, in Node)', total, 2000);

/**
 * `ws` with 200 imports, one a night for two models in turn: a 500-case run and its pass-rate
 * evidence on a capability its items need, the value wandering around their threshold.
 */
function withImports(ws: Workspace, modelIds: string[], capabilityId: string, count = 200) {
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

function feedFigures(label: string, ws: Workspace, asOf: string) {
	const feed = changesFeed(ws, asOf);
	console.log(
		`${label}: ${feed.length} imports, ${feed.reduce((n, e) => n + e.worse, 0)} items worse and ${feed.reduce((n, e) => n + e.better, 0)} better over them; ${caseChanges(ws.evalRuns, ws.evalRuns).regressed} cases regressed`
	);
	report(
		`changes feed, ${label}`,
		time(5, () => changesFeed(ws, asOf)),
		300
	);
	report(
		`board's "worse in the latest import", ${label}`,
		time(5, () => worseInLatestImport(ws, asOf)),
		50
	);
	report(
		`one import's note from the feed, ${label}`,
		time(5, () => triageNote(importTriage(ws, feed[0]!, asOf))),
		100
	);
}

console.log('\nChanges feed: 200 imports of 500-case runs');
const team = withImports(sample(), ['gpt-4o', 'claude-haiku-4-5'], 'intent-accuracy');
feedFigures('the sample workspace', team.ws, team.asOf);
const big = syntheticWorkspace({ items: 1_000, capabilities: 60, models: 12, evidence: 6_000 });
const bigImports = withImports(big, ['model-00', 'model-01'], 'cap-1');
feedFigures('1,000 items, 6,000 evidence', bigImports.ws, bigImports.asOf);
