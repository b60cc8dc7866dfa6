/** What the browser benchmarks share: the built app served locally, Chromium, raw IndexedDB. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { SCHEMA_VERSIONS } from '../src/lib/db/database';
import { chromiumArgs, executablePath } from '../scripts/chromium.js';

/** How long the latest performance measure `name` (src/lib/perf-marks.ts) took, in ms. */
export function lastDuration(page: Page, name: string): Promise<number> {
	return page.evaluate((n) => performance.getEntriesByName(n).at(-1)!.duration, name);
}

/** The scripts a page requests from its own origin from now on, by path (not the service worker). */
export function requestedScripts(page: Page): Set<string> {
	const scripts = new Set<string>();
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.pathname.endsWith('.js') && !url.pathname.includes('service-worker'))
			scripts.add(url.pathname);
	});
	return scripts;
}

/** The size of those scripts gzipped, in KB, read from the built files in `folder`. */
export function gzippedKb(scripts: Iterable<string>, folder = 'build'): number {
	let bytes = 0;
	for (const path of scripts) bytes += gzipSync(readFileSync(join(folder, path))).length;
	return bytes / 1024;
}

/** How many performance entries named `name` the page holds. */
export function entryCount(page: Page, name: string): Promise<number> {
	return page.evaluate((n) => performance.getEntriesByName(n).length, name);
}

/** Serves the built app on `port`, or on PORT when set (so two checkouts can bench side by side). */
export async function startApp(
	defaultPort: number
): Promise<{ base: string; browser: Browser; page: Page; stop: () => Promise<void> }> {
	const port = Number(process.env.PORT ?? defaultPort);
	const server: ChildProcess = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port) },
		stdio: 'ignore'
	});
	await new Promise((resolve) => setTimeout(resolve, 500));
	const browser = await chromium.launch({ executablePath, args: chromiumArgs });
	const page = await freshPage(browser);
	return {
		base: `http://127.0.0.1:${port}`,
		browser,
		page,
		stop: async () => {
			await browser.close();
			server.kill();
		}
	};
}

/** A page in a new browser context: its own, empty IndexedDB. */
export async function freshPage(browser: Browser): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	// tsx names functions with a __name helper; give the functions we send to the page one too.
	await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	return page;
}

/**
 * Loads a workspace file into an empty database through the welcome page's file input, as a
 * user would, and waits for the board.
 */
export async function openWorkspaceFile(page: Page, base: string, file: string): Promise<void> {
	await page.goto(base);
	await page.locator('input[type=file]').setInputFiles(file);
	await page.getByRole('heading', { name: 'Roadmap board', exact: true }).waitFor({
		timeout: 120_000
	});
}

/**
 * Records the page's long tasks (over 50 ms on the main thread) from its first script on, in
 * `globalThis.__longTasks` as [start, duration] pairs, for `longTasksSince`.
 */
export async function watchLongTasks(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const tasks: [number, number][] = [];
		(globalThis as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
		}).observe({ type: 'longtask', buffered: true });
	});
}

/** The long tasks (see watchLongTasks) that started at or after `since` (page time, ms). */
export function longTasksSince(page: Page, since: number): Promise<[number, number][]> {
	return page.evaluate(
		(since) =>
			(globalThis as unknown as { __longTasks: [number, number][] }).__longTasks.filter(
				([start]) => start >= since
			),
		since
	);
}

interface StoreShape {
	name: string;
	keyPath: string;
	autoIncrement: boolean;
	indexes: { name: string; unique: boolean }[];
}

/**
 * Capmap's object stores as its Dexie schema declares them (SCHEMA_VERSIONS in database.ts, the
 * latest declaration of each table): `++seq, &id, modelId` is an auto-increment key `seq`, a
 * unique index `id` and an index `modelId`.
 */
function storeShapes(names: readonly string[]): StoreShape[] {
	const latest: Record<string, string> = Object.assign({}, ...Object.values(SCHEMA_VERSIONS));
	return names.map((name) => {
		const declared = latest[name];
		if (!declared) throw new Error(`Capmap's database has no table "${name}"`);
		const [key, ...indexes] = declared.split(',').map((part) => part.trim());
		for (const index of indexes)
			if (/[[*+]/.test(index)) throw new Error(`rawWrite cannot build the index "${index}"`);
		return {
			name,
			keyPath: key!.replace(/^\+\+/, ''),
			autoIncrement: key!.startsWith('++'),
			indexes: indexes.map((index) => ({
				name: index.replace(/^&/, ''),
				unique: index.startsWith('&')
			}))
		};
	});
}

/**
 * Writes records with plain IndexedDB in one transaction, into a scratch database with Capmap's
 * own stores and indexes (storeShapes), and times it. With `replacing`, the stores are filled
 * first and the timed write clears and refills them.
 */
export async function rawWrite(
	page: Page,
	tables: Record<string, unknown[]>,
	replacing: boolean
): Promise<number> {
	return page.evaluate(
		async ([tables, shapes, replacing]) => {
			const names = Object.keys(tables);
			await new Promise((resolve) => {
				const del = indexedDB.deleteDatabase('raw-bench');
				del.onsuccess = del.onerror = resolve;
			});
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('raw-bench', 1);
				request.onupgradeneeded = () => {
					for (const shape of shapes) {
						const store = request.result.createObjectStore(shape.name, {
							keyPath: shape.keyPath,
							autoIncrement: shape.autoIncrement
						});
						for (const index of shape.indexes)
							store.createIndex(index.name, index.name, { unique: index.unique });
					}
				};
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const write = () =>
				new Promise<void>((resolve, reject) => {
					const tx = db.transaction(names, 'readwrite');
					for (const name of names) {
						const store = tx.objectStore(name);
						if (replacing) store.clear();
						for (const record of tables[name]!) store.add(record);
					}
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				});
			if (replacing) await write();
			const start = performance.now();
			await write();
			const elapsed = performance.now() - start;
			db.close();
			return elapsed;
		},
		[tables, storeShapes(Object.keys(tables)), replacing] as const
	);
}
