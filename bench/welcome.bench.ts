/**
 * First loads. The welcome page (`/` with an empty database) against the smallest SvelteKit
 * single-page app (bench/blank-app), built with the same toolchain, served the same way and
 * loaded side by side in the same Chromium, alternating, each in a fresh profile: its first
 * contentful paint and when its heading is painted, each as the median of the ratios of a welcome
 * load to the blank load just before it (RUNS pairs, 15 unless set). Then the board's first-load
 * JavaScript: every script a fresh load of `/` with a workspace requests, gzipped as the files on
 * disk.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from '../scripts/chromium.js';
import { gzippedKb, requestedScripts } from './browser';
import { median, report } from './measure';

const RUNS = Number(process.env.RUNS ?? 15);
const blank = spawnSync('npx', ['vite', 'build'], { cwd: 'bench/blank-app', stdio: 'inherit' });
if (blank.status !== 0) throw new Error('could not build bench/blank-app');

const APP = 'build';
const BLANK = 'bench/blank-app/build';
function serve(folder: string, port: number) {
	return spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), CAPMAP_BUILD: folder },
		stdio: 'ignore'
	});
}
/** PORT lets two checkouts bench side by side; the blank app is served ten ports above it. */
const PORT = Number(process.env.PORT ?? 4180);
const BLANK_PORT = PORT + 10;
const servers = [serve(APP, PORT), serve(BLANK, BLANK_PORT)];
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({ executablePath, args: chromiumArgs });

interface Load {
	fcp: number;
	heading: number;
	/** The scripts requested by the time the heading was painted. */
	scripts: Set<string>;
}

/**
 * A fresh load in a new profile (no cache, no service worker, no database): the first contentful
 * paint, and when the page's first heading was painted — the page's own content, not a
 * placeholder. Both pages are timed by the same observer.
 */
async function load(url: string): Promise<Load> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.addInitScript(() => {
		new MutationObserver((_, observer) => {
			if (!document.querySelector('h1')) return;
			observer.disconnect();
			// The frame after the heading is in the DOM is the one that paints it.
			requestAnimationFrame(() => performance.mark('bench:heading'));
		}).observe(document, { childList: true, subtree: true });
	});
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForFunction(() => performance.getEntriesByName('bench:heading').length > 0);
	const times = await page.evaluate(async () => ({
		// The paint entry can land a frame after the heading's mark: wait for it (buffered).
		fcp: await new Promise<number>((resolve) => {
			new PerformanceObserver((list) => {
				const entry = list.getEntriesByName('first-contentful-paint')[0];
				if (entry) resolve(entry.startTime);
			}).observe({ type: 'paint', buffered: true });
		}),
		heading: performance.getEntriesByName('bench:heading')[0]!.startTime,
		scripts: performance
			.getEntriesByType('resource')
			.filter(
				(entry) =>
					entry.startTime < performance.getEntriesByName('bench:heading')[0]!.startTime &&
					new URL(entry.name).pathname.endsWith('.js')
			)
			.map((entry) => new URL(entry.name).pathname)
	}));
	await context.close();
	return { ...times, scripts: new Set(times.scripts) };
}

/**
 * The board's first load: a fresh profile loads the sample workspace from the welcome page, then
 * `/` is opened anew (as on every later visit) and every script it requests until the board is
 * drawn and the network is quiet is counted.
 */
async function boardScripts(base: string): Promise<Set<string>> {
	const context = await browser.newContext();
	const first = await context.newPage();
	await first.goto(base);
	await first.getByRole('button', { name: 'Load the sample workspace' }).click();
	await first.getByRole('heading', { name: 'Roadmap board' }).waitFor();
	await first.close();
	const page = await context.newPage();
	const scripts = requestedScripts(page);
	await page.goto(base);
	await page.getByRole('heading', { name: 'Roadmap board' }).waitFor();
	await page.waitForLoadState('networkidle');
	await context.close();
	return scripts;
}

try {
	const appUrl = `http://127.0.0.1:${PORT}/`;
	const blankUrl = `http://127.0.0.1:${BLANK_PORT}/`;
	console.log('\nFirst loads: the welcome page beside a blank SvelteKit app, and the board');
	const app: Load[] = [];
	const base: Load[] = [];
	// Warm the browser itself once for each.
	await load(blankUrl);
	await load(appUrl);
	for (let run = 0; run < RUNS; run++) {
		base.push(await load(blankUrl));
		app.push(await load(appUrl));
	}
	const m = (runs: Load[], key: 'fcp' | 'heading') => median(runs.map((r) => r[key]));
	// Each welcome load is compared with the blank load just before it, under the same load on
	// the machine; the median of those ratios is the figure.
	const ratio = (key: 'fcp' | 'heading') => median(app.map((r, i) => r[key] / base[i]![key]));
	console.log(
		`first contentful paint: welcome ${m(app, 'fcp').toFixed(0)} ms, blank ${m(base, 'fcp').toFixed(0)} ms; ` +
			`heading painted: welcome ${m(app, 'heading').toFixed(0)} ms, blank ${m(base, 'heading').toFixed(0)} ms ` +
			`(medians of ${RUNS} alternating fresh loads)`
	);
	const kb = (folder: string, runs: Load[]) =>
		median(runs.map((r) => gzippedKb(r.scripts, folder)));
	console.log(
		`JavaScript requested by the time the heading is painted, gzipped: ` +
			`welcome ${kb(APP, app).toFixed(1)} KB, blank ${kb(BLANK, base).toFixed(1)} KB`
	);
	report('welcome page first contentful paint ÷ blank SvelteKit app', ratio('fcp'), 1.3, '×');
	report('welcome heading painted ÷ blank SvelteKit app heading', ratio('heading'), 1.3, '×');

	const board = await boardScripts(appUrl);
	report(`board first-load JavaScript, gzipped (${board.size} files)`, gzippedKb(board), 90, 'KB');
} finally {
	await browser.close();
	for (const server of servers) server.kill();
}
