/**
 * Sync server benchmark (issue: shared workspaces). Runs the real server (`server/main.ts`) in a
 * child process on loopback with SQLite in a temporary folder, and real Hocuspocus clients in
 * this process, and prints each figure beside its target:
 *
 *   the stored document against the exported workspace file, for 5,000 items and 50,000 evidence;
 *   how long a fresh client takes to receive that workspace and read it (Node only: the browser's
 *     share of the 5 s — writing the read model and drawing the board — is not here);
 *   one field edit from one client to the other, p50 and p95 over 200 edits;
 *   the server's memory with 100 open workspaces of the sample's size.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serializeWorkspace } from '../src/lib/domain/entities';
import { updateRecord } from '../src/lib/sync/edits';
import { readWorkspace, writeWorkspace } from '../src/lib/sync/workspace-doc';
import { sample } from '../src/test-support/sample';
import { syntheticWorkspace } from '../src/test-support/synthetic';
import { SqliteStore } from '../server/sqlite-store';
import { addToken, allSent, connect, until, type TestClient } from '../server/test-support';
import { median, percentile, report } from './measure';
import { startServer, stopServer } from './sync-server';

const PORT = 18795;
const URL = `ws://127.0.0.1:${PORT}`;
const size = { items: 5_000, capabilities: 300, models: 40, evidence: 50_000 };
const stamp = () => ({ by: 'bench', at: new Date().toISOString() });

/** Resident memory of a process, in MB (Linux /proc). */
function residentMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function tokens(data: string, workspaces: string[]): Promise<Map<string, string>> {
	const store = SqliteStore.open(data);
	const made = new Map<string, string>();
	for (const workspace of workspaces)
		made.set(workspace, await addToken(store, workspace, 'editor'));
	await store.close();
	return made;
}

const folders: string[] = [];
const folder = () => {
	const path = mkdtempSync(join(tmpdir(), 'capmap-sync-bench-'));
	folders.push(path);
	return path;
};

console.log(
	`\nSync server: ${size.items} items, ${size.evidence} evidence records, on loopback (SQLite)`
);
const workspace = syntheticWorkspace(size);
const fileBytes = Buffer.byteLength(serializeWorkspace(workspace));
const clients: TestClient[] = [];
let server: ChildProcess | undefined;

try {
	const data = folder();
	const token = (await tokens(data, ['bench-big'])).get('bench-big')!;
	server = await startServer(PORT, data);

	const uploader = connect(URL, 'bench-big', token);
	clients.push(uploader);
	await uploader.admitted;
	let start = performance.now();
	writeWorkspace(uploader.doc, workspace, stamp());
	await allSent(uploader, 300_000);
	console.log(`upload from one client: ${((performance.now() - start) / 1000).toFixed(1)} s`);

	start = performance.now();
	const fresh = connect(URL, 'bench-big', token);
	clients.push(fresh);
	await until(() => fresh.provider.isSynced, 'the fresh client has the workspace', 300_000);
	const synced = performance.now();
	const read = readWorkspace(fresh.doc);
	if (!read.ok || read.workspace.items.length !== size.items)
		throw new Error('the fresh client did not receive the whole workspace');
	const done = performance.now();
	console.log(
		`fresh client: ${((synced - start) / 1000).toFixed(1)} s to receive the document, ${((done - synced) / 1000).toFixed(1)} s to read it as a workspace`
	);
	report('a fresh Node client receives and reads the workspace', (done - start) / 1000, 5, 's');

	const latencies: number[] = [];
	const items = workspace.items;
	for (let i = 0; i < 200; i++) {
		const arrived = new Promise<number>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`edit ${i} never arrived`)), 30_000);
			fresh.doc.once('update', () => {
				clearTimeout(timer);
				resolve(performance.now());
			});
		});
		const sent = performance.now();
		// A value no item has, so that every edit is a change.
		const owner = `Bench owner ${i}`;
		updateRecord(uploader.doc, 'items', items[i % items.length]!.id, { owner }, stamp());
		latencies.push((await arrived) - sent);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	report('one field edit reaches the other client, p50 (200 edits)', median(latencies), 200);
	report(
		'one field edit reaches the other client, p95 (200 edits)',
		percentile(latencies, 95),
		200
	);

	for (const client of clients.splice(0)) client.destroy();
	await stopServer(server);
	server = undefined;
	const store = SqliteStore.open(data);
	const stored = (await store.fetchDocument('bench-big'))!.length;
	await store.close();
	console.log(
		`stored document ${(stored / 1e6).toFixed(1)} MB, workspace file ${(fileBytes / 1e6).toFixed(1)} MB`
	);
	report('stored document ÷ exported workspace file', stored / fileBytes, 2, '×');

	const many = folder();
	const names = Array.from({ length: 100 }, (_, i) => `bench-${i}`);
	const manyTokens = await tokens(many, names);
	server = await startServer(PORT, many);
	const idle = residentMb(server.pid!);
	const small = sample();
	for (const name of names) {
		const client = connect(URL, name, manyTokens.get(name)!);
		clients.push(client);
		await client.admitted;
		writeWorkspace(client.doc, small, stamp());
	}
	await Promise.all(clients.map((client) => allSent(client, 120_000)));
	// Let the debounced stores run, so what is measured is the steady state.
	await new Promise((resolve) => setTimeout(resolve, 6000));
	const open = residentMb(server.pid!);
	console.log(
		`server memory: ${idle.toFixed(0)} MB idle, ${open.toFixed(0)} MB with 100 workspaces open (${((open - idle) / 100).toFixed(2)} MB each)`
	);
	report('server memory, 100 open workspaces of the sample', open, 300, 'MB');
} finally {
	for (const client of clients) client.destroy();
	if (server) await stopServer(server);
	for (const path of folders) rmSync(path, { recursive: true, force: true });
}
