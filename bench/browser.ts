/** What the browser benchmarks share: the built app served locally, Chromium, raw IndexedDB. */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, executablePath } from '../scripts/chromium.js';

/** How long the latest performance measure `name` (src/lib/perf-marks.ts) took, in ms. */
export function lastDuration(page: Page, name: string): Promise<number> {
	return page.evaluate((n) => performance.getEntriesByName(n).at(-1)!.duration, name);
}

/** How many performance entries named `name` the page holds. */
export function entryCount(page: Page, name: string): Promise<number> {
	return page.evaluate((n) => performance.getEntriesByName(n).length, name);
}

export async function startApp(
	port: number
): Promise<{ base: string; browser: Browser; page: Page; stop: () => Promise<void> }> {
	const server: ChildProcess = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port) },
		stdio: 'ignore'
	});
	await new Promise((resolve) => setTimeout(resolve, 500));
	const browser = await chromium.launch({ executablePath, args: chromiumArgs });
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	// tsx names functions with a __name helper; give the functions we send to the page one too.
	await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
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

/**
 * Writes records with plain IndexedDB in one transaction, into a scratch database shaped like
 * Capmap's (auto-increment key, unique id index, the same secondary indexes), and times it.
 * With `replacing`, the store is filled first and the timed write clears and refills it.
 */
export async function rawWrite(
	page: Page,
	tables: Record<string, unknown[]>,
	replacing: boolean
): Promise<number> {
	return page.evaluate(
		async ([tables, replacing]) => {
			const names = Object.keys(tables);
			await new Promise((resolve) => {
				const del = indexedDB.deleteDatabase('raw-bench');
				del.onsuccess = del.onerror = resolve;
			});
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const request = indexedDB.open('raw-bench', 1);
				request.onupgradeneeded = () => {
					for (const name of names) {
						const store = request.result.createObjectStore(name, {
							keyPath: 'seq',
							autoIncrement: true
						});
						store.createIndex('id', 'id', { unique: true });
						if (name === 'evidence' || name === 'briefs') store.createIndex('modelId', 'modelId');
						if (name === 'evidence') store.createIndex('capabilityId', 'capabilityId');
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
		[tables, replacing] as const
	);
}
