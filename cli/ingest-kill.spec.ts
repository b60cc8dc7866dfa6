/**
 * Issue 14, item 4: `capmap ingest` rewrites the workspace in place, and `kill -9` at any moment
 * must leave the old file byte for byte or the complete new one — never an empty or partial file.
 * The real program, on a workspace big enough (15 MB) that writing it takes a while, killed 20
 * times: a few at a random moment of the whole run, most within milliseconds of its first write
 * in the folder (a temporary file appearing, or the target itself changing), which is when a
 * writer that truncates the target in place would have left it empty or half-written.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it, onTestFinished } from 'vitest';
import { tempFolder, removeTempFolders } from './test-support';

afterAll(removeTempFolders);

const CLI = 'scripts/capmap.js';
const PF = 'tests/fixtures/eval/promptfoo';
const RUNS = 20;
const TEMPORARY = /^\.ws\.json\.capmap-\d+-[0-9a-f]{8}\.tmp$/;
/** Every fourth run is killed at a random moment of the whole run; the rest as it writes. */
const atWrite = (run: number) => run % 4 !== 0;

/** The sample with 50,000 more evidence records: the same shape, 15 MB of JSON. */
function bigWorkspace(): Buffer {
	const ws = JSON.parse(readFileSync('samples/sample-workspace.json', 'utf8'));
	const base = [...ws.evidence];
	for (let i = 0; i < 50_000; i++) {
		const e = base[i % base.length];
		ws.evidence.push({ ...e, id: `bulk-${i}`, source: { ...e.source } });
	}
	return Buffer.from(JSON.stringify(ws, null, 2) + '\n');
}

interface Outcome {
	signal: NodeJS.Signals | null;
	/** The run had started writing when it ended: a file in the folder was created or changed. */
	wrote: boolean;
}

/**
 * Runs `ingest` in place and kills it `delayMs` after it starts or, with `onWrite`, that long
 * after its first write to the folder.
 */
function killedRun(folder: string, args: string[], delayMs: number, onWrite: boolean) {
	return new Promise<Outcome>((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
		let wrote = false;
		let timer: NodeJS.Timeout | undefined;
		const kill = () => child.kill('SIGKILL');
		const watcher = watch(folder, (_event, name) => {
			if (wrote || !name || String(name) === 'reference.json') return;
			wrote = true;
			if (onWrite) timer = delayMs === 0 ? void kill() : setTimeout(kill, delayMs);
		});
		if (!onWrite) timer = setTimeout(kill, delayMs);
		child.on('error', reject);
		child.on('exit', (_code, signal) => {
			clearTimeout(timer);
			watcher.close();
			resolve({ signal, wrote });
		});
	});
}

it('kill -9 at any moment leaves the old workspace or the whole new one, never less', async () => {
	const folder = tempFolder();
	onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
	const ws = join(folder, 'ws.json');
	const old = bigWorkspace();
	writeFileSync(ws, old);
	const args = [
		'ingest',
		ws,
		`${PF}/results-v3.json`,
		'--map',
		`${PF}/map.json`,
		'--as-of',
		'2026-11-27'
	];

	// The new bytes, from a run left to finish (which also builds the program's bundle first).
	const reference = join(folder, 'reference.json');
	spawnSync(process.execPath, [CLI, ...args, '--out', reference]);
	const started = Date.now();
	const done = spawnSync(process.execPath, [CLI, ...args, '--out', reference]);
	const runMs = Date.now() - started;
	expect(done.status, done.stderr?.toString()).toBe(0);
	const fresh = readFileSync(reference);
	expect(fresh.equals(old)).toBe(false);

	const outcomes: (Outcome & { delayMs: number; kept: 'old' | 'new' })[] = [];
	for (let i = 0; i < RUNS; i++) {
		writeFileSync(ws, old);
		const onWrite = atWrite(i);
		// Writing 15 MB and flushing it takes some milliseconds; the run as a whole, runMs.
		const delayMs = Math.floor(Math.random() * (onWrite ? 12 : runMs));
		const outcome = await killedRun(folder, args, delayMs, onWrite);
		const now = readFileSync(ws);
		const kept = now.equals(old) ? 'old' : now.equals(fresh) ? 'new' : null;
		expect(
			kept,
			`run ${i} (killed ${delayMs} ms after ${onWrite ? 'it began to write' : 'it started'}) left ${now.length} bytes`
		).not.toBeNull();
		outcomes.push({ ...outcome, delayMs, kept: kept! });
		for (const name of readdirSync(folder))
			if (!['ws.json', 'reference.json'].includes(name)) expect(name).toMatch(TEMPORARY);
	}
	// The loop did what it says: runs were killed, some of them after they began to write (a
	// fast disk lets some finish within the few milliseconds, so the bounds are loose).
	const killed = outcomes.filter((o) => o.signal === 'SIGKILL');
	expect(killed.length).toBeGreaterThanOrEqual(RUNS / 4);
	expect(killed.filter((o) => o.wrote).length).toBeGreaterThanOrEqual(2);

	// A run that finishes clears what the killed ones left behind.
	writeFileSync(ws, old);
	expect(spawnSync(process.execPath, [CLI, ...args]).status).toBe(0);
	expect(readFileSync(ws).equals(fresh)).toBe(true);
	expect(readdirSync(folder).sort()).toEqual(['reference.json', 'ws.json']);
}, 120_000);
