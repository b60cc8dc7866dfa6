/**
 * Where this browser keeps a shared workspace's doc: its own IndexedDB database, "capmap-shared",
 * beside the workspace's ("capmap"), holding one row per shared workspace with its Y.Doc stored
 * by y-dexie (the doc's updates, so edits made offline survive a reload and are sent on
 * reconnect). A separate database so that the sync code (Yjs, y-dexie) loads only on a device
 * that shares a workspace, never on the first screen of one that does not.
 *
 * !!! The database name, table and row fields are a storage format: change them only with a new
 * `version(n)` and an upgrade.
 */
import Dexie, { type Table } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import type { UnsentState } from './unsent';

export const SHARED_DATABASE_NAME = 'capmap-shared';

/** Its unindexed fields may grow (optional, absent on older rows) without a new version. */
export interface SharedWorkspaceRow extends UnsentState {
	/** The workspace id: the document's name on the sync server. */
	id: string;
	/** The sync server's WebSocket address. */
	server: string;
	/** The access token it was opened with; kept on this device only, as a password manager would. */
	token: string;
	/** The role the server last granted this device's token. */
	role?: 'editor' | 'reader';
	/** When this device first opened it (ISO). */
	since: string;
	/** Made by y-dexie when the row is read: the shared doc, loaded with `DexieYProvider.load`. */
	doc?: Y.Doc;
}

export class SharedDatabase extends Dexie {
	shared!: Table<SharedWorkspaceRow, string>;

	constructor(name = SHARED_DATABASE_NAME) {
		super(name, { addons: [yDexie] });
		this.version(1).stores({ shared: 'id, doc:Y.Doc' });
	}
}
