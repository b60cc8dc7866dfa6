/**
 * What the app can know about its database without loading Dexie: its name, whether this browser
 * held a workspace when Capmap last read it, and whether this tab's connection to the database was
 * lost (index.ts reports that). The first screen reads these, so the welcome page can show before
 * the storage code has loaded.
 */

import { browserStorage } from '$lib/browser-storage';

/** The IndexedDB database Capmap keeps a workspace in, in this browser profile. */
export const DATABASE_NAME = 'capmap';

/** localStorage: present while this browser holds a workspace (written at each read of it). */
const WORKSPACE_HERE = 'capmap:workspace-here';

/**
 * True when this browser held a workspace the last time Capmap read one, known at once. Asking
 * IndexedDB itself (`indexedDB.databases()`) takes the browser tens of milliseconds on a fresh
 * profile — the longest wait before a first visit's welcome page could paint. True as well when
 * localStorage cannot say, so the database is asked then. False after site data was cleared
 * (localStorage goes with the database); a workspace left by a Capmap from before this note is
 * found once storage loads, after the welcome page is painted (the welcome page's choices refuse
 * to replace it: `workspace.start`).
 */
export function workspaceRemembered(): boolean {
	const store = browserStorage();
	return store === null || store.getItem(WORKSPACE_HERE) !== null;
}

/** Notes whether the workspace just read holds anything; best effort (a hint, never data). */
export function rememberWorkspace(present: boolean): void {
	try {
		if (present) browserStorage()?.setItem(WORKSPACE_HERE, '1');
		else browserStorage()?.removeItem(WORKSPACE_HERE);
	} catch {
		// Storage full or disabled: the next visit asks the database, a little later.
	}
}

/**
 * Why this tab's connection was lost. Two things close it from another tab, and each means
 * something different to the user:
 *   - `upgraded`: a newer Capmap opened the database at a higher schema version; this tab closed
 *     its connection at once (so the upgrade can proceed) and must not write data in the old shape;
 *   - `deleted`: the database was deleted (another tab, or the site's data cleared); nothing is
 *     stored any more, and what this tab still shows is the only copy;
 *   - `closed`: the browser closed it (site data cleared while the page is open).
 */
export type ConnectionLoss = 'upgraded' | 'deleted' | 'closed';

let lost: ConnectionLoss | null = null;
const listeners = new Set<(why: ConnectionLoss) => void>();

/** Remembers the first cause only: closing our side of the connection is not a second one. */
export function lose(why: ConnectionLoss): void {
	if (lost) return;
	lost = why;
	if (why === 'deleted') rememberWorkspace(false);
	for (const listener of listeners) listener(why);
}

/** Why this tab can no longer write, or null while it can. */
export function connectionLost(): ConnectionLoss | null {
	return lost;
}

export function onConnectionLost(listener: (why: ConnectionLoss) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
