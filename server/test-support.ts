/**
 * Helpers for the sync server's tests and benchmark: a server on a free loopback port over a
 * store in a fresh folder, tokens, and real Hocuspocus clients in Node (Node 20 has no global
 * WebSocket, so the client is given `ws`'s).
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
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
	const provider = new HocuspocusProvider({
		url,
		name: workspace,
		token,
		document: doc,
		WebSocketPolyfill: WebSocket,
		onAuthenticationFailed: ({ reason }) => refuse(reason),
		onAuthenticated: ({ scope }) => admit(scope)
	});
	return {
		provider,
		doc,
		refused,
		admitted,
		destroy() {
			provider.destroy();
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
