import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempFolders, tempFolder } from '../cli/test-support';
import { SqliteStore } from './sqlite-store';
import { addToken, allSent, connect, testServer, TSX, ROOT, until } from './test-support';

afterAll(removeTempFolders);

describe('the sync server', () => {
	it('keeps a reader read-only: its writes reach nobody and are never stored', async () => {
		const data = tempFolder();
		const store = SqliteStore.open(data);
		const server = await testServer(store);
		const editor = connect(server.url, 'ws-1', await addToken(store, 'ws-1', 'editor'));
		const reader = connect(server.url, 'ws-1', await addToken(store, 'ws-1', 'reader'));
		expect(await editor.admitted).toBe('read-write');
		expect(await reader.admitted).toBe('readonly');

		editor.doc.getMap('items').set('i1', 'from the editor');
		await until(
			() => reader.doc.getMap('items').get('i1') === 'from the editor',
			'the reader reads'
		);
		reader.doc.getMap('items').set('i2', 'forced from a reader');
		// The server answers the reader's update with "not applied"; give it time to go wrong.
		await until(() => reader.provider.isSynced, 'the server answered the reader');
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(editor.doc.getMap('items').get('i2')).toBeUndefined();
		const late = connect(server.url, 'ws-1', await addToken(store, 'ws-1', 'editor'));
		await until(() => late.doc.getMap('items').get('i1') !== undefined, 'a late editor syncs');
		expect(late.doc.getMap('items').get('i2')).toBeUndefined();

		for (const c of [editor, reader, late]) c.destroy();
		await server.stop();
		const reopened = SqliteStore.open(data);
		const checkToken = await addToken(reopened, 'ws-1', 'editor');
		const again = await testServer(reopened);
		const check = connect(again.url, 'ws-1', checkToken);
		await until(() => check.doc.getMap('items').get('i1') !== undefined, 'the stored copy loads');
		expect(check.doc.getMap('items').toJSON()).toEqual({ i1: 'from the editor' });
		check.destroy();
		await again.stop();
	});

	it('keeps every workspace across a stop and a start (SQLite in the data folder)', async () => {
		const data = tempFolder();
		const store = SqliteStore.open(data);
		const server = await testServer(store, { debounceMs: 60_000, maxDebounceMs: 60_000 });
		const tokens = {
			a: await addToken(store, 'ws-a', 'editor'),
			b: await addToken(store, 'ws-b', 'editor')
		};
		const a = connect(server.url, 'ws-a', tokens.a);
		const b = connect(server.url, 'ws-b', tokens.b);
		a.doc.getText('description').insert(0, 'Alpha');
		b.doc.getText('description').insert(0, 'Beta');
		await Promise.all([allSent(a), allSent(b)]);
		// Still connected, with a minute of debounce to go: only the stop can have stored them.
		await server.stop();
		a.destroy();
		b.destroy();

		const restarted = await testServer(SqliteStore.open(data));
		const a2 = connect(restarted.url, 'ws-a', tokens.a);
		const b2 = connect(restarted.url, 'ws-b', tokens.b);
		await until(
			() =>
				a2.doc.getText('description').toString() === 'Alpha' &&
				b2.doc.getText('description').toString() === 'Beta',
			'both workspaces come back'
		);
		a2.destroy();
		b2.destroy();
		await restarted.stop();
	});

	it('stores every open workspace on SIGTERM and logs who connected, never a token', async () => {
		const data = tempFolder();
		const store = SqliteStore.open(data);
		const token = await addToken(store, 'ws-1', 'editor');
		await store.close();
		const child = spawn(TSX, ['server/main.ts', '--port', '18787', '--data', data], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let log = '';
		child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
		try {
			await until(
				() => log.includes('listening on ws://127.0.0.1:18787'),
				'the server listens',
				20_000
			);
			const client = connect('ws://127.0.0.1:18787', 'ws-1', token);
			client.doc.getMap('items').set('i1', 'kept');
			await allSent(client);
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
			client.destroy();
		} finally {
			child.kill('SIGKILL');
		}
		expect(log).toMatch(/connected workspace="ws-1" role=editor token=[0-9a-f]{12}/);
		expect(log).toContain('SIGTERM: stopping');
		expect(log).toContain('stopping: storing 1 open workspace');
		expect(log).not.toContain(token);

		const reopened = SqliteStore.open(data);
		const state = await reopened.fetchDocument('ws-1');
		await reopened.close();
		const Y = await import('yjs');
		const doc = new Y.Doc();
		Y.applyUpdate(doc, state!);
		expect(doc.getMap('items').get('i1')).toBe('kept');
	});
});
