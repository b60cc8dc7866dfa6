/**
 * Shared workspaces in the browser (issue: shared workspaces). The real sync server
 * (`server/main.ts`, SQLite in a temporary folder, serving the built app) runs in a child process
 * on loopback; a Node client puts the workspace on it, as bench/sync.bench.ts does; Chromium
 * opens the app at the server's address, as a team member does. Figures are printed beside their
 * targets, never asserted:
 *
 *   a fresh browser joins a workspace of 5,000 items and 50,000 evidence through the welcome
 *     page's Join form: from the click on Join to the board drawn with its cards, with its phases
 *     (the app's own marks, src/lib/perf-marks.ts): connect and sync, store the doc in this
 *     browser (y-dexie), read and check it, the board drawn from that workspace; the write into
 *     IndexedDB goes on meanwhile, the device read-only until it is done ("editable"); and the
 *     longest task that blocked the page until then. The median of RUNS joins (3 unless set) of each of two cases: "cold", nobody else has
 *     the workspace open (the server loads it from SQLite first), and "warm", someone has (a Node
 *     client stays connected);
 *   one field edit made in one browser (the item page's editor, Save) until the other browser's
 *     page holds it (a MutationObserver; both read Date.now()), p50 and p95 over EDITS edits
 *     (200 unless set), on the sample workspace (EDITS_ON=big: on the big one).
 *
 * EDITS=0 skips the edits; CAPMAP_BUILD=folder serves another build of the app.
 * PROFILE=file.cpuprofile records the first join as a Chrome CPU profile, PROFILE_EDITS=file.cpuprofile
 * the watching browser's page during the edits (open either in DevTools' Performance panel; build
 * with `npx vite build --minify false` first for readable names).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, executablePath } from '../scripts/chromium.js';
import { PERF_MARKS } from '../src/lib/perf-marks';
import { writeWorkspace } from '../src/lib/sync/workspace-doc';
import { sample } from '../src/test-support/sample';
import { syntheticWorkspace } from '../src/test-support/synthetic';
import { SqliteStore } from '../server/sqlite-store';
import { addToken, allSent, connect, until, type TestClient } from '../server/test-support';
import { freshPage, longTasksSince, watchLongTasks } from './browser';
import { median, percentile, report } from './measure';
import { startServer, stopServer } from './sync-server';

/** PORT lets two checkouts bench side by side. */
const PORT = Number(process.env.PORT ?? 18796);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.RUNS ?? 3);
/** The built app the server serves: CAPMAP_BUILD compares two builds (as welcome.bench.ts does). */
const APP = process.env.CAPMAP_BUILD ?? 'build';
const EDITS = Number(process.env.EDITS ?? 200);
const size = { items: 5_000, capabilities: 300, models: 40, evidence: 50_000 };
const BIG = 'big';
const SMALL = 'sample';
/** EDITS_ON=big times the edits on the big workspace (the other browser's big board) instead. */
const EDITS_ON_BIG = process.env.EDITS_ON === 'big';
const stamp = () => ({ by: 'bench', at: new Date().toISOString() });
/** Where the first join's CPU profile goes, until it is written. */
let profile = process.env.PROFILE;
/** Where the watching page's CPU profile during the edits goes. */
const editsProfile = process.env.PROFILE_EDITS;

interface Join {
	total: number;
	/** Click → the doc in step with the server (connect, authenticate, receive). */
	sync: number;
	/**
	 * Synced → the read starts: the doc stored in this browser (y-dexie stores the update, then
	 * applies it to the doc again from storage) and the user's answer taken.
	 */
	store: number;
	/** Reading and checking the doc as a workspace. */
	read: number;
	/** That workspace read → the board drawn with its cards (while it is being written). */
	draw: number;
	/** Writing it into the local tables, drawing the board meanwhile. */
	write: number;
	/** Click → the write done: the device can change the workspace. */
	editable: number;
	/** The longest task on the page's main thread until then. */
	longestTask: number;
}

/**
 * Joins `workspace` through the welcome page's Join form, timed from the click on Join to the
 * first frame with the board's heading and cards, and to the end of the write into the local
 * tables, in the page's own clock.
 */
async function joinTimed(page: Page, workspace: string, token: string): Promise<Join> {
	await watchLongTasks(page);
	await page.goto(BASE);
	await page.getByRole('button', { name: 'Join…' }).click();
	await page.getByLabel('Your name').fill('Bench');
	await page.getByLabel('Workspace id').fill(workspace);
	await page.getByLabel('Access token').fill(token);
	const join = page.getByRole('button', { name: 'Join', exact: true });
	await join.waitFor();
	const profiler = profile ? await page.context().newCDPSession(page) : undefined;
	if (profiler) {
		await profiler.send('Profiler.enable');
		await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
		await profiler.send('Profiler.start');
	}
	const clicked = await join.evaluate((button) => {
		const now = performance.now();
		(button as HTMLButtonElement).click();
		return now;
	});
	const drawn = await page.waitForFunction(
		() =>
			[...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === 'Roadmap board') &&
			document.querySelector('article h3 a') !== null &&
			performance.now(),
		undefined,
		{ polling: 'raf', timeout: 600_000 }
	);
	const end = (await drawn.jsonValue()) as number;
	await page.waitForFunction(
		(write) => performance.getEntriesByName(write).length > 0,
		PERF_MARKS.readModelWrite,
		{
			timeout: 600_000
		}
	);
	if (profiler) {
		const { profile: recorded } = await profiler.send('Profiler.stop');
		writeFileSync(profile!, JSON.stringify(recorded));
		console.log(`CPU profile of the join: ${profile}`);
		profile = undefined;
	}
	const marks = await page.evaluate(
		({ synced, read, write }) => {
			const last = (name: string) => performance.getEntriesByName(name).at(-1)!;
			return {
				synced: last(synced).startTime,
				read: last(read).duration,
				readStart: last(read).startTime,
				readEnd: last(read).startTime + last(read).duration,
				written: last(write).startTime + last(write).duration,
				write: last(write).duration
			};
		},
		{
			synced: PERF_MARKS.sharingSynced,
			read: PERF_MARKS.readModelRead,
			write: PERF_MARKS.readModelWrite
		}
	);
	return {
		total: end - clicked,
		sync: marks.synced - clicked,
		store: marks.readStart - marks.synced,
		read: marks.read,
		draw: end - marks.readEnd,
		write: marks.write,
		editable: marks.written - clicked,
		longestTask: Math.max(0, ...(await longTasksSince(page, clicked)).map(([, ms]) => ms))
	};
}

interface Edit {
	/** Save clicked in one browser → the other's page holds the new title (wall clock). */
	total: number;
	/** Save clicked → the other browser starts writing the edit into its local tables. */
	arrive: number;
	/** That write (doc-to-local.ts, record by record). */
	write: number;
	/** The write done → the page holds the title (the app's live query, then the page). */
	show: number;
}

/**
 * One title edit saved on the item page in `editor` until `watcher`'s page holds the new title,
 * in ms of the wall clock both pages share, with the watcher's phases.
 */
async function editTimed(editor: Page, watcher: Page, title: string): Promise<Edit> {
	await watcher.evaluate((title) => {
		const seen = globalThis as unknown as { __seenAt?: number };
		seen.__seenAt = undefined;
		const observer = new MutationObserver(() => {
			if (!document.body.textContent!.includes(title)) return;
			seen.__seenAt = performance.now();
			observer.disconnect();
		});
		observer.observe(document.body, { childList: true, subtree: true, characterData: true });
	}, title);
	await editor.getByLabel('Title', { exact: true }).fill(title);
	const save = editor.getByRole('button', { name: 'Save changes' });
	const sent = await save.evaluate((button) => {
		const now = Date.now();
		(button as HTMLButtonElement).click();
		return now;
	});
	await watcher.waitForFunction(
		() => (globalThis as unknown as { __seenAt?: number }).__seenAt,
		undefined,
		{ polling: 'raf', timeout: 30_000 }
	);
	// The watcher's own clock, turned into the wall clock once, as close to its reading as can be.
	const seen = await watcher.evaluate((name) => {
		const seenAt = (globalThis as unknown as { __seenAt: number }).__seenAt;
		const wall = (at: number) => Date.now() - (performance.now() - at);
		const written = performance.getEntriesByName(name).at(-1)!;
		return {
			seen: wall(seenAt),
			writeStart: wall(written.startTime),
			writeEnd: wall(written.startTime + written.duration)
		};
	}, PERF_MARKS.readModelRecords);
	return {
		total: seen.seen - sent,
		arrive: seen.writeStart - sent,
		write: seen.writeEnd - seen.writeStart,
		show: seen.seen - seen.writeEnd
	};
}

/** The joins' medians, printed with their phases and beside the target. */
function reportJoins(label: string, joins: Join[]): void {
	if (joins.length === 0) return;
	const phase = (key: keyof Join) => median(joins.map((j) => j[key]));
	const seconds = (key: keyof Join) => (phase(key) / 1000).toFixed(2);
	console.log(
		`${label} joins: ${joins.map((j) => (j.total / 1000).toFixed(1)).join(', ')} s; medians: connect+sync ${seconds('sync')} s, stored ${seconds('store')} s after, read+check ${seconds('read')} s, board drawn ${seconds('draw')} s after; write into IndexedDB ${seconds('write')} s meanwhile, editable at ${seconds('editable')} s; longest task ${seconds('longestTask')} s`
	);
	report(
		`a fresh browser joins (${label}) and draws the board, median of ${joins.length}`,
		phase('total') / 1000,
		5,
		's'
	);
}

async function joins(browser: Browser, token: string): Promise<Join[]> {
	const timed: Join[] = [];
	for (let run = 0; run < RUNS; run++) {
		const page = await freshPage(browser);
		timed.push(await joinTimed(page, BIG, token));
		await page.context().close();
		// Let the server store and unload the document once nobody has it open.
		await new Promise((resolve) => setTimeout(resolve, 6000));
	}
	return timed;
}

/** Two people on one workspace: EDITS title edits of `item` in one, each timed until the other has it. */
async function timeEdits(
	browser: Browser,
	workspace: string,
	token: string,
	item: { id: string; title: string }
): Promise<void> {
	const editor = await freshPage(browser);
	const watcher = await freshPage(browser);
	for (const page of [editor, watcher]) {
		await joinTimed(page, workspace, token);
		await page.getByRole('link', { name: item.title, exact: true }).waitFor();
	}
	await editor.goto(`${BASE}/items/${item.id}`);
	await editor.getByLabel('Title', { exact: true }).waitFor();
	const profiler = editsProfile ? await watcher.context().newCDPSession(watcher) : undefined;
	if (profiler) {
		await profiler.send('Profiler.enable');
		await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
		await profiler.send('Profiler.start');
	}
	const edits: Edit[] = [];
	for (let i = 0; i < EDITS; i++)
		edits.push(await editTimed(editor, watcher, `${item.title} (edit ${i})`));
	if (profiler) {
		const { profile: recorded } = await profiler.send('Profiler.stop');
		writeFileSync(editsProfile!, JSON.stringify(recorded));
		console.log(`CPU profile of the watching page during the edits: ${editsProfile}`);
	}
	const latencies = edits.map((edit) => edit.total);
	const phase = (key: keyof Edit) => median(edits.map((edit) => edit[key])).toFixed(0);
	console.log(
		`edits on ${workspace}: medians ${phase('arrive')} ms until the other browser writes it, ${phase('write')} ms writing, ${phase('show')} ms until its page shows it`
	);
	report(
		`an item page edit reaches the other browser (${workspace}), p50 of ${EDITS}`,
		median(latencies),
		200
	);
	report(
		`an item page edit reaches the other browser (${workspace}), p95 of ${EDITS}`,
		percentile(latencies, 95),
		200
	);
}

const data = mkdtempSync(join(tmpdir(), 'capmap-sync-browser-bench-'));
const clients: TestClient[] = [];
let server: ChildProcess | undefined;
let browser: Browser | undefined;

console.log(
	`\nShared workspaces in Chromium: ${size.items} items, ${size.evidence} evidence records, sync server on loopback (SQLite)`
);
try {
	const store = SqliteStore.open(data);
	const tokens = {
		[BIG]: await addToken(store, BIG, 'editor'),
		[SMALL]: await addToken(store, SMALL, 'editor')
	};
	await store.close();
	server = await startServer(PORT, data, APP);

	const content = { [BIG]: syntheticWorkspace(size), [SMALL]: sample() };
	for (const workspace of [BIG, SMALL] as const) {
		const uploader = connect(`ws://127.0.0.1:${PORT}/sync`, workspace, tokens[workspace]);
		clients.push(uploader);
		await uploader.admitted;
		writeWorkspace(uploader.doc, content[workspace], stamp());
		await allSent(uploader, 300_000);
	}
	for (const client of clients.splice(0)) client.destroy();
	await new Promise((resolve) => setTimeout(resolve, 6000));

	browser = await chromium.launch({ executablePath, args: chromiumArgs });
	reportJoins('cold', await joins(browser, tokens[BIG]));
	const colleague = connect(`ws://127.0.0.1:${PORT}/sync`, BIG, tokens[BIG]);
	clients.push(colleague);
	await until(() => colleague.provider.isSynced, 'a colleague has the workspace open', 300_000);
	reportJoins('warm', await joins(browser, tokens[BIG]));

	const edited = EDITS_ON_BIG ? BIG : SMALL;
	// An open item, so that it is on the board.
	const item = content[edited].items.find((i) => i.status !== 'shipped' && i.status !== 'cut')!;
	if (EDITS > 0) await timeEdits(browser, edited, tokens[edited], item);
} finally {
	for (const client of clients) client.destroy();
	await browser?.close();
	if (server) await stopServer(server);
	rmSync(data, { recursive: true, force: true });
}
