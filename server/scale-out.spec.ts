/**
 * Two sync servers on one Postgres and one Redis, a client on each: the way a team that outgrows
 * one machine runs Capmap. Needs PostgreSQL (127.0.0.1:5432, trust authentication, database
 * `test`) and Redis (127.0.0.1:6379), or CAPMAP_TEST_POSTGRES / CAPMAP_TEST_REDIS; each run works
 * in a schema and a Redis prefix of its own and drops them after. Where a service is absent the
 * tests are skipped with the reason printed; CAPMAP_REQUIRE_SERVICES=1 makes that a failure.
 */
import { randomBytes } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStore } from './postgres-store';
import { addToken, allSent, connect, testServer, until } from './test-support';

const POSTGRES = process.env.CAPMAP_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env.CAPMAP_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const RUN = `capmap_test_${process.pid}_${randomBytes(4).toString('hex')}`;
/** Postgres with this run's schema first on the search path: the store creates its tables there. */
const SCHEMA_URL = `${POSTGRES}${POSTGRES.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${RUN}`)}`;

async function postgresProblem(): Promise<string | undefined> {
	const client = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		await client.query('SELECT 1');
		return undefined;
	} catch (error) {
		return `PostgreSQL at ${POSTGRES}: ${String(error)}`;
	} finally {
		await client.end().catch(() => undefined);
	}
}

/** PING over a bare socket, so the test needs no Redis client of its own. */
function redisProblem(): Promise<string | undefined> {
	const { hostname, port } = new URL(REDIS);
	return new Promise((resolve) => {
		const socket = tcpConnect({ host: hostname, port: Number(port || 6379) });
		const done = (problem?: string) => {
			socket.destroy();
			resolve(problem);
		};
		socket.setTimeout(3000, () => done(`Redis at ${REDIS}: no answer`));
		socket.on('error', (error) => done(`Redis at ${REDIS}: ${error.message}`));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) =>
			done(data.toString().startsWith('+PONG') ? undefined : `Redis at ${REDIS}: ${data}`)
		);
	});
}

const missing = [await postgresProblem(), await redisProblem()].filter(Boolean).join('; ');
if (missing) {
	const message = `scale-out tests skipped: ${missing}`;
	if (process.env.CAPMAP_REQUIRE_SERVICES === '1') throw new Error(message);
	console.warn(message);
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: POSTGRES });
	await client.connect();
	try {
		return await run(client);
	} finally {
		await client.end();
	}
}

describe.skipIf(missing !== '')('Postgres and Redis', () => {
	beforeAll(() => admin((c) => c.query(`CREATE SCHEMA ${RUN}`)));
	afterAll(() => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${RUN} CASCADE`)));

	it('two servers on one Postgres and one Redis: a client on each, and they converge', async () => {
		const storeA = await PostgresStore.open(SCHEMA_URL);
		const storeB = await PostgresStore.open(SCHEMA_URL);
		const editor = await addToken(storeA, 'ws-1', 'editor');
		const options = { redis: REDIS, redisPrefix: RUN };
		const serverA = await testServer(storeA, options);
		const serverB = await testServer(storeB, options);
		const onA = connect(serverA.url, 'ws-1', editor);
		const onB = connect(serverB.url, 'ws-1', editor);
		await Promise.all([onA.admitted, onB.admitted]);

		onA.doc.getMap('items').set('a', 'from A');
		onB.doc.getMap('items').set('b', 'from B');
		onA.doc.getText('description').insert(0, 'Alpha ');
		onB.doc.getText('description').insert(0, 'Beta ');
		const same = () =>
			isDeepStrictEqual(onA.doc.toJSON(), onB.doc.toJSON()) &&
			onA.doc.getMap('items').size === 2 &&
			onA.doc.getText('description').length === 'Alpha Beta '.length;
		await until(same, 'both clients hold both edits');
		expect(onA.doc.getMap('items').toJSON()).toEqual({ a: 'from A', b: 'from B' });
		const text = onA.doc.getText('description').toString();
		expect(text).toContain('Alpha ');
		expect(text).toContain('Beta ');

		await Promise.all([allSent(onA), allSent(onB)]);
		onA.destroy();
		onB.destroy();
		await Promise.all([serverA.stop(), serverB.stop()]);

		// What the two stored, merged, is all of it: a third server on Postgres alone loads both.
		const storeC = await PostgresStore.open(SCHEMA_URL);
		const token = await addToken(storeC, 'ws-1', 'reader');
		const serverC = await testServer(storeC);
		const later = connect(serverC.url, 'ws-1', token);
		await until(() => later.doc.getMap('items').size === 2, 'the stored document has both edits');
		expect(later.doc.getText('description').toString()).toBe(text);
		later.destroy();
		await serverC.stop();
	});

	it('a store never loses what another server stored before it (stores merge)', async () => {
		const store = await PostgresStore.open(SCHEMA_URL);
		try {
			const one = new Y.Doc();
			one.getMap('items').set('one', 1);
			const two = new Y.Doc();
			two.getMap('items').set('two', 2);
			// Two servers' copies that never met, stored one after the other.
			await store.storeDocument('ws-merge', Y.encodeStateAsUpdate(one));
			await store.storeDocument('ws-merge', Y.encodeStateAsUpdate(two));
			const loaded = new Y.Doc();
			Y.applyUpdate(loaded, (await store.fetchDocument('ws-merge'))!);
			expect(loaded.getMap('items').toJSON()).toEqual({ one: 1, two: 2 });
		} finally {
			await store.close();
		}
	});

	it('keeps tokens in Postgres beside the documents, hashed', async () => {
		const store = await PostgresStore.open(SCHEMA_URL);
		try {
			const token = await addToken(store, 'ws-tokens', 'reader');
			const rows = await admin((c) =>
				c.query(`SELECT * FROM ${RUN}.capmap_sync_tokens WHERE workspace = 'ws-tokens'`)
			);
			expect(rows.rows).toHaveLength(1);
			expect(JSON.stringify(rows.rows)).not.toContain(token);
		} finally {
			await store.close();
		}
	});
});
