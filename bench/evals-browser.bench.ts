/**
 * The morning after the overnight evals (issue 11), in the built app in real Chromium with real
 * IndexedDB: importing a 20,000-case promptfoo file through Evidence → Import (its longest
 * main-thread task, and how long the import takes), and opening the Changes page with 200 imports
 * in the workspace. Workspaces are built in Node and loaded through the app's own file input.
 * Figures beside their targets, never asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { serializeWorkspace } from '../src/lib/domain/entities';
import { parseResults } from '../src/lib/import/detect';
import { ingest } from '../src/lib/import/ingest';
import { PERF_MARKS } from '../src/lib/perf-marks';
import { sample } from '../src/test-support/sample';
import { syntheticWorkspace } from '../src/test-support/synthetic';
import { freshPage, longTasksSince, openWorkspaceFile, startApp, watchLongTasks } from './browser';
import {
	mondayNight,
	NIGHTLY_MAP,
	NIGHTLY_MAP_FILE,
	tuesdayNight,
	withImports
} from './eval-fixtures';
import { median, report } from './measure';

const PORT = 4176;
const CASES = 20_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OUT = 'bench/out';
mkdirSync(OUT, { recursive: true });

/** Waits until the page's main thread has had no long task for `quietMs`; answers the page time. */
function settled(page: Page, quietMs = 1000): Promise<number> {
	return page.evaluate(async (quietMs) => {
		const tasks = (globalThis as unknown as { __longTasks: [number, number][] }).__longTasks;
		const lastEnd = () => Math.max(0, ...tasks.map(([start, duration]) => start + duration));
		while (performance.now() - lastEnd() < quietMs) await new Promise((r) => setTimeout(r, 100));
		return lastEnd();
	}, quietMs);
}

const app = await startApp(PORT);
try {
	// 1. A 20,000-case file against Monday's run of the same size, already in the workspace.
	console.log(
		`\nOvernight evals in the app: a ${CASES.toLocaleString('en-US')}-case promptfoo file through Evidence → Import, ${RUNS} runs`
	);
	const monday = ingest(
		sample(),
		parseResults(mondayNight(CASES)),
		NIGHTLY_MAP,
		'results-monday.json',
		'2026-11-24'
	);
	const before = `${OUT}/evals-before.json`;
	writeFileSync(before, serializeWorkspace(monday.workspace));
	const results = `${OUT}/results-tuesday.json`;
	writeFileSync(results, tuesdayNight(CASES));

	const longest: number[] = [];
	const totals: number[] = [];
	const phases = { parse: [] as number[], map: [] as number[], commit: [] as number[] };
	for (let run = 0; run < RUNS; run++) {
		const page = await freshPage(app.browser);
		await watchLongTasks(page);
		await openWorkspaceFile(page, app.base, before);
		await page.goto(`${app.base}/evidence/import`);
		await page.getByRole('heading', { name: 'Import eval results' }).waitFor();
		const since = await settled(page);
		const start = await page.evaluate(() => performance.now());

		// As a user: the file, the team's MAP.json, the commit; then the page settles.
		await page.getByLabel('Results file').setInputFiles(results);
		await page.getByRole('heading', { name: /^Map results-tuesday\.json/ }).waitFor();
		await page.getByLabel('Mapping file').setInputFiles(NIGHTLY_MAP_FILE);
		await page.getByText('Loaded map.json: 2 names mapped.').waitFor();
		const commit = page.getByRole('button', { name: /^Commit [1-9]\d* records$/ });
		await commit.and(page.locator(':enabled')).waitFor({ timeout: 120_000 });
		await commit.click();
		await page
			.getByRole('heading', { name: 'Imported results-tuesday.json' })
			.waitFor({ timeout: 120_000 });
		const imported = await page.evaluate(() => performance.now());
		await settled(page);

		const tasks = await longTasksSince(page, since + 1);
		longest.push(Math.max(0, ...tasks.map(([, duration]) => duration)));
		totals.push(imported - start);
		const measures = await page.evaluate(
			(names) => names.map((n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN),
			[PERF_MARKS.resultsParse, PERF_MARKS.resultsMap, PERF_MARKS.resultsCommit]
		);
		phases.parse.push(measures[0]!);
		phases.map.push(measures[1]!);
		phases.commit.push(measures[2]!);
		console.log(
			`run ${run + 1}: longest task ${longest.at(-1)!.toFixed(0)} ms of ${tasks.length} long tasks (${tasks
				.map(([, d]) => d.toFixed(0))
				.join(', ')}); file chosen → imported ${totals.at(-1)!.toFixed(0)} ms`
		);
		await page.context().close();
	}
	console.log(
		`medians: read + parse ${median(phases.parse).toFixed(0)} ms, last preview ${median(phases.map).toFixed(0)} ms, commit ${median(phases.commit).toFixed(0)} ms (in the worker, as the page saw them)`
	);
	// The Long Tasks API reports tasks over 50 ms only: a run without one counts as 0 here.
	console.log(
		`     ${longest.filter((t) => t === 0).length} of ${RUNS} runs had no task over 50 ms; the worst run's longest task ${Math.max(...longest).toFixed(0)} ms`
	);
	report('longest main-thread task while importing 20,000 cases', median(longest), 200);
	console.log(
		`     file chosen → "Imported" (with the bench's mapping clicks), median ${median(totals).toFixed(0)} ms`
	);

	// 2. The Changes page with 200 imports, opened by navigating to it.
	const workspaces = [
		{
			label: 'the sample workspace',
			...withImports(sample(), ['gpt-4o', 'claude-haiku-4-5'], 'intent-accuracy')
		},
		{
			label: '1,000 items, 6,000 evidence',
			...withImports(
				syntheticWorkspace({ items: 1_000, capabilities: 60, models: 12, evidence: 6_000 }),
				['model-00', 'model-01'],
				'cap-1'
			)
		}
	];
	console.log(`\nChanges page: 200 imports of 500-case runs, ${RUNS} loads each`);
	for (const [i, { label, ws }] of workspaces.entries()) {
		const file = `${OUT}/changes-${i}.json`;
		writeFileSync(file, serializeWorkspace(ws));
		const page = await freshPage(app.browser);
		await watchLongTasks(page);
		await openWorkspaceFile(page, app.base, file);
		const read: number[] = [];
		const drawn: number[] = [];
		const every: number[] = [];
		const longestTasks: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			await page.goto(`${app.base}/changes`);
			// Waited for by performance entries and a plain query, polled each frame: a locator's
			// polling would itself load the main thread it measures.
			const everyAt = await page.waitForFunction(
				() =>
					document.querySelectorAll('table.feed tbody tr:not(.note-row)').length === 200 &&
					performance.now(),
				undefined,
				{ timeout: 60_000 }
			);
			every.push((await everyAt.jsonValue()) as number);
			await page.waitForFunction(
				(name) => performance.getEntriesByName(name).length > 0,
				PERF_MARKS.changesFeed
			);
			const [readAt, drawnAt] = await page.evaluate(
				(names) => names.map((n) => performance.getEntriesByName(n)[0]!.startTime),
				[PERF_MARKS.workspaceRead, PERF_MARKS.changesFeed]
			);
			read.push(readAt!);
			drawn.push(drawnAt!);
			const tasks = await longTasksSince(page, 0);
			longestTasks.push(
				Math.max(0, ...tasks.filter(([s]) => s <= every.at(-1)!).map(([, d]) => d))
			);
		}
		// Opened as people open it: from the board, by the Changes link (the workspace is read).
		const opened: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			await page.goto(`${app.base}/`);
			await page.waitForFunction(
				() => document.querySelector('[data-testid="count-ready"]'),
				undefined,
				{
					timeout: 60_000
				}
			);
			opened.push(
				await page.evaluate(async (name) => {
					performance.clearMarks(name);
					const start = performance.now();
					document.querySelector<HTMLAnchorElement>('nav a[href="/changes"]')!.click();
					await new Promise<void>((resolve) => {
						const check = () =>
							performance.getEntriesByName(name).length > 0
								? resolve()
								: requestAnimationFrame(check);
						check();
					});
					return performance.getEntriesByName(name)[0]!.startTime - start;
				}, PERF_MARKS.changesFeed)
			);
		}
		const ms = (values: number[]) => values.map((t) => t.toFixed(0)).join(', ');
		console.log(
			`${label}, from navigation: workspace read ${ms(read)} ms; feed drawn ${ms(drawn)} ms; all 200 imports in the page ${ms(every)} ms; longest task ${ms(longestTasks)} ms`
		);
		report(`Changes page, Changes link on the board → feed drawn, ${label}`, median(opened), 300);
		report(`Changes page, cold load of /changes → feed drawn, ${label}`, median(drawn), 300);
		await page.context().close();
	}
} finally {
	await app.stop();
}
