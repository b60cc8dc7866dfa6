/**
 * Charts benchmark (issue: visual planning). A synthetic workspace with about 2,000 dependency-map
 * nodes (open items + 300 capabilities) and 40 models × 300 capabilities for the matrix, loaded
 * into the built app in Chromium. Times each chart from the click on its tab to its first
 * complete drawing (the marks in the page and a frame painted), the main-thread work of each
 * frame while the map is dragged, and what d3 and the chart code cost in bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { isOpen, serializeWorkspace } from '../src/lib/domain/entities';
import { PERF_MARKS } from '../src/lib/perf-marks';
import { syntheticWorkspace } from '../src/test-support/synthetic';
import { gzippedKb, lastDuration, requestedScripts, startApp } from './browser';
import { median, report } from './measure';

const size = { items: 2_830, capabilities: 300, models: 40, evidence: 30_000 };
// Every model in a column: the matrix is measured at the full 40 × 300.
const workspace = syntheticWorkspace(size);
workspace.models = workspace.models.map((m) =>
	m.status === 'retired' ? { ...m, status: 'available' as const } : m
);
const openItems = workspace.items.filter(isOpen);
const mapNodes = openItems.length + workspace.capabilities.length;
const columns = workspace.models.filter((m) => m.status !== 'retired').length;
const timelineRows = openItems.filter((i) => i.quarter).length;
mkdirSync('bench/out', { recursive: true });
const file = 'bench/out/charts-workspace.json';
writeFileSync(file, serializeWorkspace(workspace));
console.log(
	`\nCharts: ${openItems.length} open items + ${workspace.capabilities.length} capabilities = ${mapNodes} map nodes; matrix ${columns} models × ${workspace.capabilities.length} capabilities; in Chromium`
);

const app = await startApp(4176);
app.page.on('crash', () => console.log('the page crashed'));
try {
	const { page, base } = app;
	await page.goto(base);
	await page.locator('input[type=file]').setInputFiles(file);
	await page.getByRole('heading', { name: 'Roadmap board' }).waitFor({ timeout: 120_000 });

	/**
	 * Click a tab, wait until its marks are in the page and a frame is painted. The matrix and
	 * the timeline draw the rows in view (and ten either side), so for them "complete" is a whole
	 * number of rows, `per` marks each; the map draws every node, `count`.
	 */
	async function drawTime(tab: string, selector: string, count: number, per = 0): Promise<number> {
		return page.evaluate(
			async ([tab, selector, count, per]) => {
				const link = [...document.querySelectorAll<HTMLAnchorElement>('a')].find(
					(a) => a.textContent?.trim() === tab
				)!;
				const start = performance.now();
				link.click();
				await new Promise<void>((resolve) => {
					const check = () => {
						const n = document.querySelectorAll(selector).length;
						if (per > 0 ? n > 0 && n % per === 0 : n === count) resolve();
						else requestAnimationFrame(check);
					};
					check();
				});
				await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
				return performance.now() - start;
			},
			[tab, selector, count, per] as const
		);
	}

	const timings: Record<string, number[]> = { map: [], matrix: [], timeline: [] };
	await page.getByRole('link', { name: 'Charts' }).click();
	await page.locator('.node').first().waitFor({ timeout: 60_000 });
	for (let run = 0; run < 3; run++) {
		timings.matrix!.push(await drawTime('Capability matrix', 'g.cell', 0, columns));
		timings.timeline!.push(await drawTime('Readiness timeline', 'g.row[data-item]', 0, 1));
		timings.map!.push(await drawTime('Dependency map', '.node', mapNodes));
	}
	const layout = await lastDuration(page, PERF_MARKS.mapLayout);
	console.log(
		`map ${timings.map!.map((t) => t.toFixed(0)).join(', ')} ms (layout itself ${layout.toFixed(0)} ms); matrix ${timings.matrix!.map((t) => t.toFixed(0)).join(', ')} ms; timeline ${timings.timeline!.map((t) => t.toFixed(0)).join(', ')} ms`
	);
	report(`dependency map, ${mapNodes} nodes, to a settled drawing`, median(timings.map!), 1000);
	report(
		`capability matrix, ${columns * size.capabilities} cells, to the drawing in view`,
		median(timings.matrix!),
		300
	);
	report(
		`readiness timeline, ${timelineRows} rows, to the drawing in view`,
		median(timings.timeline!),
		300
	);

	// Panning: real mouse drags; each frame's main-thread work is timed from the start of its
	// animation-frame callbacks to a message posted from them, which runs after style, layout
	// and paint of that frame.
	await page.evaluate(() => {
		const w = window as unknown as { frames: number[]; measuring: boolean };
		w.frames = [];
		w.measuring = true;
		const channel = new MessageChannel();
		channel.port1.onmessage = (event: MessageEvent<number>) =>
			w.frames.push(performance.now() - event.data);
		const tick = () => {
			if (!w.measuring) return;
			channel.port2.postMessage(performance.now());
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	const box = (await page.locator('.viewport').boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	for (let i = 0; i < 120; i++)
		await page.mouse.move(
			box.x + box.width / 2 + Math.sin(i / 10) * 200,
			box.y + box.height / 2 + i * 2
		);
	await page.mouse.up();
	const frames = await page.evaluate(() => {
		const w = window as unknown as { frames: number[]; measuring: boolean };
		w.measuring = false;
		return w.frames;
	});
	const sorted = [...frames].sort((a, b) => a - b);
	console.log(
		`${frames.length} frames while dragging: median ${median(frames).toFixed(1)} ms, 95th percentile ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms of main-thread work`
	);
	report('map pan frame, median main-thread work', median(frames), 16);

	// Bytes: d3 as the charts import it, and the scripts only chart pages load.
	const d3 = await build({
		stdin: {
			contents:
				"export { scaleBand, scaleLinear } from 'd3-scale'; export { linkHorizontal, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';",
			resolveDir: process.cwd()
		},
		bundle: true,
		minify: true,
		format: 'esm',
		write: false
	});
	report(
		'd3 submodules used, minified and gzipped',
		gzipSync(d3.outputFiles[0]!.contents).length / 1024,
		35,
		'KB'
	);
	const scriptsOf = async (path: string) => {
		const fresh = await app.browser.newPage();
		const seen = requestedScripts(fresh);
		await fresh.goto(base + path);
		await fresh.waitForTimeout(800);
		await fresh.close();
		return seen;
	};
	const board = await scriptsOf('/');
	const charts = new Set<string>();
	for (const path of ['/charts/map', '/charts/matrix', '/charts/timeline', '/charts/gaps'])
		for (const s of await scriptsOf(path)) if (!board.has(s)) charts.add(s);
	console.log(
		`chart pages load ${charts.size} scripts the board does not (${gzippedKb(charts).toFixed(1)} KB gzipped, d3 included); the board loads none of them`
	);
} finally {
	await app.stop();
}
