/**
 * Ingestion benchmark (issue: evidence ingestion). A 100,000-row evidence CSV into the sample
 * workspace through the app's own import page: parsing in the worker, mapping (with its impact
 * preview, in the worker too), committing against raw IndexedDB for the same records, and the longest main-thread
 * task throughout (the page must stay responsive).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { addDays } from '../src/lib/domain/dates';
import { PERF_MARKS } from '../src/lib/perf-marks';
import { entryCount, lastDuration, rawWrite, startApp } from './browser';
import { report } from './measure';

const ROWS = 100_000;
const MODELS = 10;
const METRICS = 10;
mkdirSync('bench/out', { recursive: true });
const file = 'bench/out/evidence-100k.csv';
const lines = ['model,metric,value,date,samples,task'];
for (let i = 0; i < ROWS; i++)
	lines.push(
		`tool-model-${i % MODELS},metric-${Math.floor(i / MODELS) % METRICS},${(50 + ((i * 7919) % 5000) / 100).toFixed(2)},${addDays('2026-06-01', i % 170)},${100 + (i % 900)},run ${i % 1000}`
	);
writeFileSync(file, lines.join('\n'));
console.log(
	`\nIngestion: a ${ROWS.toLocaleString('en-US')}-row evidence CSV into the sample workspace, in Chromium`
);

const app = await startApp(4175);
try {
	const { page, base } = app;
	await page.goto(base);
	await page.getByRole('button', { name: 'Load the sample workspace' }).click();
	await page.getByRole('heading', { name: 'Roadmap board' }).waitFor();
	await page.goto(`${base}/evidence/import`);
	await page.evaluate(() => {
		const w = window as unknown as { longTasks: number[] };
		w.longTasks = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
		}).observe({ type: 'longtask', buffered: false });
	});
	await page.getByLabel('Format').selectOption('csv');
	await page.getByLabel('Results file').setInputFiles(file);
	await page
		.getByRole('heading', { name: /^Map evidence-100k\.csv/ })
		.waitFor({ timeout: 120_000 });
	const parse = await lastDuration(page, PERF_MARKS.resultsParse);

	const models = await page.evaluate(() =>
		[...document.querySelectorAll('select[aria-label^="Workspace model for"] option')]
			.map((o) => (o as HTMLOptionElement).value)
			.filter((v) => v && v !== '__new__')
	);
	const capabilities = await page.evaluate(() =>
		[...document.querySelectorAll('select[aria-label^="Capability for"] option')]
			.map((o) => (o as HTMLOptionElement).value)
			.filter((v) => v && v !== '__new__')
	);
	for (let i = 0; i < MODELS; i++)
		await page
			.getByLabel(`Workspace model for tool-model-${i}`)
			.selectOption(models[i % models.length]!);
	for (let i = 0; i < METRICS - 1; i++)
		await page
			.getByLabel(`Capability for metric-${i}`)
			.selectOption(capabilities[i % capabilities.length]!);
	// The last choice maps the whole file; time the preview it brings.
	const previews = await entryCount(page, PERF_MARKS.resultsMap);
	await page
		.getByLabel(`Capability for metric-${METRICS - 1}`)
		.selectOption(capabilities[(METRICS - 1) % capabilities.length]!);
	await page.waitForFunction(
		([name, n]) => performance.getEntriesByName(name).length > n,
		[PERF_MARKS.resultsMap, previews] as const,
		{ timeout: 60_000 }
	);
	const map = await lastDuration(page, PERF_MARKS.resultsMap);
	console.log(
		`parse ${parse.toFixed(0)} ms in the worker, then map and compute the impact ${map.toFixed(0)} ms, also in the worker`
	);
	report('parse + map together', parse + map, 3000);

	const commitButton = page.getByRole('button', { name: /^Commit \d+ records$/ });
	const count = Number((await commitButton.textContent())!.match(/\d+/)![0]);
	await commitButton.click();
	await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 120_000 });
	const commit = await lastDuration(page, PERF_MARKS.resultsCommit);
	// Read before the raw write below, whose own long task is not the app's.
	const longTasks = await page.evaluate(
		() => (window as unknown as { longTasks: number[] }).longTasks
	);
	const records = Array.from({ length: count }, (_, i) => ({
		id: `ev-raw-${i}`,
		modelId: models[i % models.length],
		capabilityId: capabilities[i % capabilities.length],
		value: 50 + (i % 50),
		kind: 'internal-eval',
		source: { title: `CSV: evidence-100k.csv — run ${i % 1000}` },
		observedAt: '2026-11-01',
		sampleSize: 100 + (i % 900)
	}));
	const raw = await rawWrite(page, { evidence: records }, false);
	console.log(
		`commit ${count.toLocaleString('en-US')} records: ${commit.toFixed(0)} ms; raw IndexedDB ${raw.toFixed(0)} ms`
	);
	report('commit ÷ raw IndexedDB for the same records', commit / raw, 1.3, '×');

	console.log(
		`main-thread tasks over 50 ms during the import: ${longTasks.map((t) => t.toFixed(0)).join(', ')} ms`
	);
	report(
		`longest main-thread task (${longTasks.filter((t) => t > 200).length} over 200 ms)`,
		Math.max(0, ...longTasks),
		200
	);

	// A 50 MB promptfoo file: the generated fixture's results, repeated with varied latencies.
	const fixture = JSON.parse(readFileSync('tests/fixtures/eval/promptfoo/results-v3.json', 'utf8'));
	const template = fixture.results.results as { latencyMs: number; testIdx: number }[];
	const many: unknown[] = [];
	let bytes = 0;
	for (let i = 0; bytes < 50 * 1024 * 1024; i++) {
		const row = { ...template[i % template.length]!, latencyMs: 150 + (i % 700), testIdx: i };
		many.push(row);
		bytes += JSON.stringify(row).length + 1;
	}
	const big = 'bench/out/promptfoo-50mb.json';
	writeFileSync(
		big,
		JSON.stringify({ ...fixture, results: { ...fixture.results, results: many } })
	);
	await page.goto(`${base}/evidence/import`);
	await page.evaluate(() => {
		const w = window as unknown as { longTasks: number[] };
		w.longTasks = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
		}).observe({ type: 'longtask', buffered: false });
	});
	await page.getByLabel('Results file').setInputFiles(big);
	await page
		.getByRole('heading', { name: /^Map promptfoo-50mb\.json/ })
		.waitFor({ timeout: 120_000 });
	const bigParse = await lastDuration(page, PERF_MARKS.resultsParse);
	const bigTasks = await page.evaluate(
		() => (window as unknown as { longTasks: number[] }).longTasks
	);
	console.log(
		`a ${(statSync(big).size / 1024 / 1024).toFixed(0)} MB promptfoo file (${many.length.toLocaleString('en-US')} results): read and parsed in the worker in ${bigParse.toFixed(0)} ms`
	);
	report('longest main-thread task while it is read', Math.max(0, ...bigTasks), 200);
} finally {
	await app.stop();
}
