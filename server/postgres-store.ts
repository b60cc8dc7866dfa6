/**
 * The shared store: Postgres, for a team that runs several sync servers (each given the same
 * `--postgres` URL and `--redis` URL). Tables are created when missing, in the connection's
 * schema (the URL may set one: `?options=-c%20search_path%3Dcapmap`):
 *
 *   capmap_sync_documents — one row per workspace: its Y.Doc's whole state as one Yjs update.
 *   capmap_sync_tokens — access tokens, hashed (tokens.ts), with workspace, role and dates.
 *
 * Several servers store the same document, each from its own copy, so a store reads what is
 * stored and writes the merge of both (merge-state.ts), holding a transaction-scoped advisory
 * lock on the document's name so that two servers never merge from the same old row.
 *
 * !!! Table and column names are a storage format: change them only with a migration.
 */
import pg from 'pg';
import { mergeStates } from './merge-state';
import { withoutPassword } from './redact';
import { tokenFromRow, type SyncStore, type TokenRow } from './store';
import type { TokenRecord } from './tokens';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS capmap_sync_documents (
	name TEXT PRIMARY KEY,
	state BYTEA NOT NULL,
	updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS capmap_sync_tokens (
	id TEXT PRIMARY KEY,
	hash TEXT NOT NULL UNIQUE,
	workspace TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('editor', 'reader')),
	created_at TEXT NOT NULL,
	revoked_at TEXT
);`;

export class PostgresStore implements SyncStore {
	readonly where: string;
	readonly #pool: pg.Pool;

	private constructor(url: string) {
		this.where = withoutPassword(url);
		this.#pool = new pg.Pool({ connectionString: url, max: 5 });
		// An idle connection the database drops is replaced on the next query; without a listener
		// its error would end the process.
		this.#pool.on('error', (error) => console.error(`postgres: ${error.message}`));
	}

	static async open(url: string): Promise<PostgresStore> {
		const store = new PostgresStore(url);
		try {
			// Two servers starting at once would race on CREATE TABLE IF NOT EXISTS; one lock orders them.
			await store.#transaction(async (client) => {
				await client.query("SELECT pg_advisory_xact_lock(hashtext('capmap_sync_schema'))");
				await client.query(SCHEMA);
			});
		} catch (error) {
			await store.close();
			throw error;
		}
		return store;
	}

	async fetchDocument(name: string): Promise<Uint8Array | null> {
		const result = await this.#pool.query<{ state: Buffer }>(
			'SELECT state FROM capmap_sync_documents WHERE name = $1',
			[name]
		);
		const row = result.rows[0];
		return row ? new Uint8Array(row.state) : null;
	}

	async storeDocument(name: string, state: Uint8Array): Promise<void> {
		await this.#transaction(async (client) => {
			await client.query("SELECT pg_advisory_xact_lock(hashtext('capmap_sync:' || $1))", [name]);
			const stored = await client.query<{ state: Buffer }>(
				'SELECT state FROM capmap_sync_documents WHERE name = $1',
				[name]
			);
			const previous = stored.rows[0] ? new Uint8Array(stored.rows[0].state) : null;
			await client.query(
				`INSERT INTO capmap_sync_documents (name, state, updated_at) VALUES ($1, $2, now())
				 ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
				[name, Buffer.from(mergeStates(previous, state))]
			);
		});
	}

	async addToken(record: TokenRecord): Promise<void> {
		await this.#pool.query(
			'INSERT INTO capmap_sync_tokens (id, hash, workspace, role, created_at) VALUES ($1, $2, $3, $4, $5)',
			[record.id, record.hash, record.workspace, record.role, record.createdAt]
		);
	}

	async tokenByHash(hash: string): Promise<TokenRecord | undefined> {
		return this.#token('SELECT * FROM capmap_sync_tokens WHERE hash = $1', hash);
	}

	async tokenById(id: string): Promise<TokenRecord | undefined> {
		return this.#token('SELECT * FROM capmap_sync_tokens WHERE id = $1', id);
	}

	async revokeToken(id: string, at: string): Promise<boolean> {
		const result = await this.#pool.query(
			'UPDATE capmap_sync_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
			[at, id]
		);
		return (result.rowCount ?? 0) > 0;
	}

	async listTokens(): Promise<TokenRecord[]> {
		const result = await this.#pool.query<TokenRow>(
			'SELECT * FROM capmap_sync_tokens ORDER BY workspace, created_at, id'
		);
		return result.rows.map(tokenFromRow);
	}

	async close(): Promise<void> {
		await this.#pool.end();
	}

	/** Runs `work` in one transaction on one connection: committed when it returns, else rolled back. */
	async #transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
		const client = await this.#pool.connect();
		try {
			await client.query('BEGIN');
			await work(client);
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK').catch(() => undefined);
			throw error;
		} finally {
			client.release();
		}
	}

	async #token(sql: string, value: string): Promise<TokenRecord | undefined> {
		const result = await this.#pool.query<TokenRow>(sql, [value]);
		const row = result.rows[0];
		return row ? tokenFromRow(row) : undefined;
	}
}
