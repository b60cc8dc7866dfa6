/**
 * Helpers for the sync server's tests and benchmark: a server on a free loopback port over a
 * store in a fresh folder, tokens, and real Hocuspocus clients in Node (Node 20 has no global
 * WebSocket, so the client is given `ws`'s).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { run } from './cli';
import { silentLog } from './log';
import type { SyncStore } from './store';
import { startSyncServer, type SyncServer, type SyncServerOptions } from './sync-server';
import { newToken, type Role } from './tokens';

export async function testServer(
	store: SyncStore,
	over: Partial<SyncServerOptions> = {}
): Promise<SyncServer> {
	return startSyncServer({ host: '127.0.0.1', port: 0, store, log: silentLog, ...over });
}

export async function addToken(store: SyncStore, workspace: string, role: Role): Promise<string> {
	const { token, record } = newToken(workspace, role);
	await store.addToken(record);
	return token;
}

export interface TestClient {
	provider: HocuspocusProvider;
	doc: Y.Doc;
	/** The refusal's reason, once the server refused the token. */
	refused: Promise<string>;
	/** Resolves with the scope ("read-write" or "read-only") once the server admitted the token. */
	admitted: Promise<string>;
	destroy(): void;
}

export function connect(url: string, workspace: string, token: string): TestClient {
	const doc = new Y.Doc();
	let refuse: (reason: string) => void = () => undefined;
	let admit: (scope: string) => void = () => undefined;
	const refused = new Promise<string>((resolve) => (refuse = resolve));
	const admitted = new Promise<string>((resolve) => (admit = resolve));
	// A socket of our own, so that it can be given `ws`: the provider's own options cannot.
	const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name: workspace,
		token,
		document: doc,
		onAuthenticationFailed: ({ reason }) => refuse(reason),
		onAuthenticated: ({ scope }) => admit(scope)
	});
	provider.attach();
	return {
		provider,
		doc,
		refused,
		admitted,
		destroy() {
			provider.destroy();
			socket.destroy();
			doc.destroy();
		}
	};
}

/** Resolves once `condition` holds, checking every 10 ms; rejects with `what` after `ms`. */
export async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** Resolves once the client has sent everything and the server has acknowledged it. */
export function allSent(client: TestClient, ms = 10_000): Promise<void> {
	return until(
		() => client.provider.isSynced && !client.provider.hasUnsyncedChanges,
		'the client has no unsent changes',
		ms
	);
}

/** Runs `npm run sync -- …` as the user would (through tsx), in a child process: slow, so rare. */
export function sync(...args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync(TSX, ['server/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a `token` command in this process: the whole command line but the process. */
export async function syncInProcess(
	...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
	const out: string[] = [];
	const err: string[] = [];
	const status = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, {}, () => {
		throw new Error('not a token command');
	});
	return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
