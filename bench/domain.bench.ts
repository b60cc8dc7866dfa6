/**
 * Domain benchmark (issue: domain core). Prints each figure with its target; never fails on
 * time, because timings belong in a report, not in a test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateBrief } from '../src/lib/domain/brief';
import { computeReadiness } from '../src/lib/domain/readiness';
import { DOMAIN_BENCH_SIZE, syntheticWorkspace } from '../src/test-support/synthetic';
import { serializeWorkspace } from '../src/lib/domain/entities';
import { parseWorkspaceText } from '../src/lib/domain/workspace';
import { median, report, time } from './measure';

const AS_OF = '2026-11-27';
const size = DOMAIN_BENCH_SIZE;
console.log(
	`\nDomain: ${size.items} items, ${size.capabilities} capabilities, ${size.models} models, ${size.evidence} evidence records`
);
const workspace = syntheticWorkspace(size);
const text = serializeWorkspace(workspace);
mkdirSync('bench/out', { recursive: true });
const file = join('bench/out', 'synthetic-workspace.json');
writeFileSync(file, text);
console.log(`workspace file: ${(text.length / 1e6).toFixed(1)} MB`);

report(
	'readiness for all items',
	time(7, () => computeReadiness(workspace, AS_OF)),
	200
);
const announced = workspace.models.find((m) => m.status === 'announced')!;
report(
	'brief for an announced model',
	time(7, () => generateBrief(workspace, announced.id, AS_OF)),
	200
);
report(
	'parse + validate the whole file',
	time(5, () => parseWorkspaceText(text)),
	1000
);

function processTime(args: string[]): number {
	const start = performance.now();
	const result = spawnSync(process.execPath, args, {
		stdio: ['ignore', 'ignore', 'inherit'],
		maxBuffer: 1 << 30
	});
	if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
	return performance.now() - start;
}

const baselineArgs = [
	'-e',
	`JSON.parse(require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`
];
const cliArgs = ['scripts/capmap.js', 'readiness', file, '--as-of', AS_OF, '--json'];
// Warm-up: the CLI bundle and its code cache are built by the first run, and the file is read
// into the page cache; a user's nightly run finds both in place.
processTime(cliArgs);
processTime(baselineArgs);
// The two run in turns, so a busy moment on a shared machine weighs on both alike, and the
// figure is the median of each pair's ratio.
const RUNS = 7;
const baselines: number[] = [];
const clis: number[] = [];
for (let i = 0; i < RUNS; i++) {
	baselines.push(processTime(baselineArgs));
	clis.push(processTime(cliArgs));
}
const ratios = clis.map((cli, i) => cli / baselines[i]!);
console.log(
	`node process that only reads and JSON.parses the file: ${median(baselines).toFixed(0)} ms (median of ${RUNS})`
);
console.log(`capmap readiness --json: ${median(clis).toFixed(0)} ms (median of ${RUNS})`);
report(
	`capmap readiness --json process, × that baseline (median of ${RUNS} pairs)`,
	median(ratios),
	2,
	'×'
);
