import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeTempFolders, tempFolder } from '../cli/test-support';
import { checkAccess, REFUSED } from './access';
import { SqliteStore } from './sqlite-store';
import { addToken, allSent, connect, testServer, type TestClient } from './test-support';
import type { SyncServer } from './sync-server';

afterAll(removeTempFolders);

describe('checkAccess', () => {
	let store: SqliteStore;
	beforeEach(() => {
		store = SqliteStore.open(tempFolder());
	});
	afterEach(() => store.close());

	it('admits a token on its own workspace, with its role', async () => {
		const editor = await addToken(store, 'ws-1', 'editor');
		const reader = await addToken(store, 'ws-1', 'reader');
		expect(await checkAccess(store, 'ws-1', editor)).toMatchObject({ ok: true, role: 'editor' });
		expect(await checkAccess(store, 'ws-1', reader)).toMatchObject({ ok: true, role: 'reader' });
	});

	it('refuses a wrong, revoked, missing or other-workspace token, saying which', async () => {
		const token = await addToken(store, 'ws-1', 'editor');
		expect(await checkAccess(store, 'ws-1', `${token}x`)).toEqual({
			ok: false,
			reason: REFUSED.unknown
		});
		expect(await checkAccess(store, 'ws-1', '')).toEqual({ ok: false, reason: REFUSED.noToken });
		expect(await checkAccess(store, 'ws-2', token)).toMatchObject({
			ok: false,
			reason: REFUSED.otherWorkspace
		});
		const [record] = await store.listTokens();
		await store.revokeToken(record!.id, '2026-11-20T10:00:00.000Z');
		const revoked = await checkAccess(store, 'ws-1', token);
		expect(revoked).toEqual({
			ok: false,
			reason: REFUSED.revoked('2026-11-20'),
			tokenId: record!.id
		});
		expect(REFUSED.revoked('2026-11-20')).toContain('revoked on 2026-11-20');
	});

	it('refuses a document name that is not a workspace id before looking at the token', async () => {
		const token = await addToken(store, 'ws', 'editor');
		const access = await checkAccess(store, '../ws', token);
		expect(access.ok).toBe(false);
		expect(!access.ok && access.reason).toContain('is not a workspace id');
	});
});

describe('the server refuses with the reason and sends no data', () => {
	let store: SqliteStore;
	let server: SyncServer;
	const clients: TestClient[] = [];
	const client = (workspace: string, token: string) => {
		const c = connect(server.url, workspace, token);
		clients.push(c);
		return c;
	};
	beforeEach(async () => {
		store = SqliteStore.open(tempFolder());
		server = await testServer(store, { revocationCheckMs: 50 });
	});
	afterEach(async () => {
		for (const c of clients.splice(0)) c.destroy();
		await server.stop();
	});

	async function workspaceWithText(workspace: string): Promise<string> {
		const editor = await addToken(store, workspace, 'editor');
		const writer = client(workspace, editor);
		await writer.admitted;
		writer.doc.getText('t').insert(0, 'secret plans');
		await allSent(writer);
		return editor;
	}

	it('a wrong token', async () => {
		await workspaceWithText('ws-1');
		const intruder = client('ws-1', 'cms_guessed');
		expect(await intruder.refused).toBe(REFUSED.unknown);
		expect(intruder.doc.getText('t').toString()).toBe('');
	});

	it('a revoked token', async () => {
		await workspaceWithText('ws-1');
		const token = await addToken(store, 'ws-1', 'reader');
		const id = (await store.listTokens()).find((t) => t.role === 'reader')!.id;
		await store.revokeToken(id, new Date().toISOString());
		const late = client('ws-1', token);
		expect(await late.refused).toContain('This access token was revoked on');
		expect(late.doc.getText('t').toString()).toBe('');
	});

	it('a token for another workspace', async () => {
		await workspaceWithText('ws-1');
		const other = await addToken(store, 'ws-2', 'editor');
		const stray = client('ws-1', other);
		expect(await stray.refused).toBe(REFUSED.otherWorkspace);
		expect(stray.doc.getText('t').toString()).toBe('');
	});

	it('a token revoked while connected: its connection is closed with the reason', async () => {
		await workspaceWithText('ws-1');
		const reader = client('ws-1', await addToken(store, 'ws-1', 'reader'));
		await reader.admitted;
		const closed = new Promise<string>((resolve) =>
			reader.provider.on('close', ({ event }: { event: { reason: string } }) =>
				resolve(event.reason)
			)
		);
		const id = (await store.listTokens()).find((t) => t.role === 'reader')!.id;
		await store.revokeToken(id, new Date().toISOString());
		expect(await closed).toContain('This access token was revoked on');
		// The editor's connection, whose token still stands, is left alone sweep after sweep.
		await new Promise((resolve) => setTimeout(resolve, 200));
		const writer = clients[0]!;
		writer.doc.getText('t').insert(0, 'more ');
		await allSent(writer);
		expect(writer.provider.isAuthenticated).toBe(true);
	});
});
