/**
 * The embedded store: one SQLite file, `capmap-sync.sqlite`, in the data folder.
 *
 *   documents — one row per workspace: its id and its Y.Doc's whole state as one Yjs update,
 *     rewritten on every store (the server's copy always contains what it loaded, so a plain
 *     overwrite loses nothing while one server owns the file).
 *   tokens — access tokens, hashed (tokens.ts), with their workspace, role, creation and
 *     revocation times.
 *
 * WAL journal with full sync: a store that returned is on disk, and the `token` command can add
 * or revoke tokens while the server runs (the server reads tokens on every connection).
 *
 * !!! Table and column names are a storage format: change them only with a migration.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tokenFromRow, type SyncStore, type TokenRow } from './store';
import type { TokenRecord } from './tokens';

export const SQLITE_FILE = 'capmap-sync.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
	name TEXT PRIMARY KEY,
	state BLOB NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
	id TEXT PRIMARY KEY,
	hash TEXT NOT NULL UNIQUE,
	workspace TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('editor', 'reader')),
	created_at TEXT NOT NULL,
	revoked_at TEXT
);`;

export class SqliteStore implements SyncStore {
	readonly where: string;
	readonly #db: Database.Database;

	private constructor(path: string) {
		this.where = path;
		this.#db = new Database(path);
		this.#db.pragma('journal_mode = WAL');
		this.#db.pragma('synchronous = FULL');
		this.#db.pragma('busy_timeout = 5000');
		this.#db.exec(SCHEMA);
	}

	static open(folder: string): SqliteStore {
		mkdirSync(folder, { recursive: true });
		return new SqliteStore(join(folder, SQLITE_FILE));
	}

	async fetchDocument(name: string): Promise<Uint8Array | null> {
		const row = this.#db.prepare('SELECT state FROM documents WHERE name = ?').get(name) as
			{ state: Buffer } | undefined;
		return row ? new Uint8Array(row.state) : null;
	}

	async storeDocument(name: string, state: Uint8Array): Promise<void> {
		this.#db
			.prepare(
				`INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
				 ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`
			)
			.run(name, Buffer.from(state), new Date().toISOString());
	}

	async addToken(record: TokenRecord): Promise<void> {
		this.#db
			.prepare('INSERT INTO tokens (id, hash, workspace, role, created_at) VALUES (?, ?, ?, ?, ?)')
			.run(record.id, record.hash, record.workspace, record.role, record.createdAt);
	}

	async tokenByHash(hash: string): Promise<TokenRecord | undefined> {
		return this.#token('SELECT * FROM tokens WHERE hash = ?', hash);
	}

	async tokenById(id: string): Promise<TokenRecord | undefined> {
		return this.#token('SELECT * FROM tokens WHERE id = ?', id);
	}

	async revokeToken(id: string, at: string): Promise<boolean> {
		const result = this.#db
			.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
			.run(at, id);
		return result.changes > 0;
	}

	async listTokens(): Promise<TokenRecord[]> {
		const rows = this.#db
			.prepare('SELECT * FROM tokens ORDER BY workspace, created_at, id')
			.all() as TokenRow[];
		return rows.map(tokenFromRow);
	}

	async close(): Promise<void> {
		this.#db.close();
	}

	#token(sql: string, value: string): TokenRecord | undefined {
		const row = this.#db.prepare(sql).get(value) as TokenRow | undefined;
		return row ? tokenFromRow(row) : undefined;
	}
}
