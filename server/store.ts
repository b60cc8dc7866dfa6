/**
 * What the sync server keeps, whichever database holds it: each workspace's Y.Doc as one Yjs
 * update (its whole state), and the hashed access tokens. SQLite by default (sqlite-store.ts),
 * Postgres when given a URL (postgres-store.ts).
 */
import type { TokenRecord } from './tokens';

export interface SyncStore {
	/** Where the data is, for the log and the `token` command's messages (never a password). */
	readonly where: string;
	/** The stored state of a workspace's document, or null when it was never stored. */
	fetchDocument(name: string): Promise<Uint8Array | null>;
	/**
	 * Stores a document's whole state. A store that several servers share merges it with what is
	 * stored, so that one server's older copy never overwrites another's newer edits.
	 */
	storeDocument(name: string, state: Uint8Array): Promise<void>;
	addToken(record: TokenRecord): Promise<void>;
	tokenByHash(hash: string): Promise<TokenRecord | undefined>;
	tokenById(id: string): Promise<TokenRecord | undefined>;
	/** Marks a token revoked; false when it was revoked already. */
	revokeToken(id: string, at: string): Promise<boolean>;
	listTokens(): Promise<TokenRecord[]>;
	close(): Promise<void>;
}

export interface StoreOptions {
	/** The folder of the SQLite file, used when no Postgres URL is given. */
	data: string;
	postgres?: string;
}

export async function openStore(options: StoreOptions): Promise<SyncStore> {
	if (options.postgres) {
		const { PostgresStore } = await import('./postgres-store');
		return PostgresStore.open(options.postgres);
	}
	const { SqliteStore } = await import('./sqlite-store');
	return SqliteStore.open(options.data);
}

/** A token as both databases return it: the same columns in either. */
export interface TokenRow {
	id: string;
	hash: string;
	workspace: string;
	role: string;
	created_at: string;
	revoked_at: string | null;
}

export function tokenFromRow(row: TokenRow): TokenRecord {
	return {
		id: row.id,
		hash: row.hash,
		workspace: row.workspace,
		role: row.role === 'reader' ? 'reader' : 'editor',
		createdAt: row.created_at,
		...(row.revoked_at ? { revokedAt: row.revoked_at } : {})
	};
}
