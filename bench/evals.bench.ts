/**
 * The morning after the overnight evals (issue 11). In Node, the functions the ingest worker runs
 * on a big file — parse, map into evidence and an eval run (with its case diff), the triage note —
 * on a 20,000-case promptfoo file against a previous run of the same size; and the changes feed
 * of a workspace holding 200 imports. Figures beside their targets, never asserted.
 */
import { performance } from 'node:perf_hooks';
import { changesFeed, importTriage, worseInLatestImport } from '../src/lib/domain/changes-feed';
import { caseChanges } from '../src/lib/domain/eval-runs';
import { importNoteTitle, triageNote } from '../src/lib/domain/triage';
import type { Workspace } from '../src/lib/domain/workspace';
import { parseResults } from '../src/lib/import/detect';
import { ingest } from '../src/lib/import/ingest';
import { sample } from '../src/test-support/sample';
import { syntheticWorkspace } from '../src/test-support/synthetic';
import { mondayNight, NIGHTLY_MAP, tuesdayNight, withImports } from './eval-fixtures';
import { median, report, time } from './measure';

const CASES = 20_000;

console.log(
	`\nOvernight evals: a ${CASES.toLocaleString('en-US')}-case promptfoo file against a previous run of the same size`
);
const mondayText = mondayNight(CASES);
const tuesdayText = tuesdayNight(CASES);
const monday = ingest(sample(), parseResults(mondayText), NIGHTLY_MAP, 'monday.json', '2026-11-24');
console.log(`file: ${(tuesdayText.length / 1e6).toFixed(1)} MB`);

let note = '';
const phases = { parse: [] as number[], ingest: [] as number[], note: [] as number[] };
const total = time(5, () => {
	let start = performance.now();
	const parsed = parseResults(tuesdayText);
	phases.parse.push(performance.now() - start);
	start = performance.now();
	const result = ingest(monday.workspace, parsed, NIGHTLY_MAP, 'tuesday.json', '2026-11-24');
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
