/**
 * What the app can know about its database without loading Dexie: its name, whether this browser
 * has one at all, and whether this tab's connection to it was lost (index.ts reports that). The
 * first screen reads these, so the welcome page can show before the storage code has loaded.
 */

/** The IndexedDB database Capmap keeps a workspace in, in this browser profile. */
export const DATABASE_NAME = 'capmap';

let asked: Promise<boolean> | undefined;

/**
 * True when this browser had no Capmap database at all as the app started — a first visit, or
 * the site's data was cleared — so there is certainly no workspace. False when there was one, or
 * when the browser cannot say (then the database itself is asked). Asked once, as early as
 * possible (hooks.client.ts), so the answer is there when the first screen is drawn.
 */
export function startedWithoutDatabase(): Promise<boolean> {
	asked ??= (async () => {
		try {
			const databases = await indexedDB.databases();
			return !databases.some((database) => database.name === DATABASE_NAME);
		} catch {
			return false;
		}
	})();
	return asked;
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
