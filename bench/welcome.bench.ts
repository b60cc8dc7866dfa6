/**
 * Welcome page benchmark: the first contentful paint of Capmap's welcome page against the
 * smallest SvelteKit single-page app (bench/blank-app), built with the same toolchain, served the
 * same way and loaded side by side in the same Chromium, alternating, each in a fresh profile.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from '../scripts/chromium.js';
import { median, report } from './measure';

const RUNS = 9;
const blank = spawnSync('npx', ['vite', 'build'], { cwd: 'bench/blank-app', stdio: 'inherit' });
if (blank.status !== 0) throw new Error('could not build bench/blank-app');

function serve(folder: string, port: number) {
	return spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), CAPMAP_BUILD: folder },
		stdio: 'ignore'
	});
}
const servers = [serve('build', 4180), serve('bench/blank-app/build', 4181)];
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({ executablePath, args: chromiumArgs });

/**
 * A fresh load in a new profile (no cache, no service worker): the first contentful paint, and
 * when the page's first heading was painted — the welcome page's own content, not a placeholder.
 */
async function load(url: string): Promise<{ fcp: number; heading: number }> {
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
		heading: performance.getEntriesByName('bench:heading')[0]!.startTime
	}));
	await context.close();
	return times;
}

try {
	console.log('\nWelcome page: first contentful paint beside a blank SvelteKit app');
	const app: { fcp: number; heading: number }[] = [];
	const base: { fcp: number; heading: number }[] = [];
	await load('http://127.0.0.1:4180/'); // warm the browser itself once
	for (let run = 0; run < RUNS; run++) {
		base.push(await load('http://127.0.0.1:4181/'));
		app.push(await load('http://127.0.0.1:4180/'));
	}
	const m = (runs: { fcp: number; heading: number }[], key: 'fcp' | 'heading') =>
		median(runs.map((r) => r[key]));
	console.log(
		`first contentful paint: welcome ${m(app, 'fcp').toFixed(0)} ms, blank ${m(base, 'fcp').toFixed(0)} ms; ` +
			`first heading painted: welcome ${m(app, 'heading').toFixed(0)} ms, blank ${m(base, 'heading').toFixed(0)} ms (medians of ${RUNS})`
	);
	report(
		'welcome page first contentful paint ÷ blank SvelteKit app',
		m(app, 'fcp') / m(base, 'fcp'),
		1.3,
		'×'
	);
	report(
		'welcome heading painted ÷ blank SvelteKit app heading',
		m(app, 'heading') / m(base, 'heading'),
		1.3,
		'×'
	);
} finally {
	await browser.close();
	for (const server of servers) server.kill();
}
