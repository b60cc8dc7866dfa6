/**
 * The app's one database connection, and why it may be lost. Two things close it from another
 * tab, and each means something different to the user:
 *   - a newer Capmap opens the database at a higher schema version: this tab closes its
 *     connection at once (so the upgrade can proceed) and must not write data in the old shape;
 *   - the database is deleted (another tab, or the site's data cleared): nothing is stored any
 *     more, and what this tab still shows is the only copy.
 * Either way writes fail from then on with Dexie's DatabaseClosedError; `connectionLost` says
 * which it was, so the message can tell the true cause and what to do.
 */
import { CapmapDatabase } from './database';
import { injectFaults } from './fault-injection';

export type ConnectionLoss = 'upgraded' | 'deleted' | 'closed';

export const db = new CapmapDatabase();
injectFaults(db);

let lost: ConnectionLoss | null = null;
const listeners = new Set<(why: ConnectionLoss) => void>();

/** Remembers the first cause only: closing our side of the connection is not a second one. */
function lose(why: ConnectionLoss) {
	if (lost) return;
	lost = why;
	for (const listener of listeners) listener(why);
}

db.on('versionchange', (event) => {
	// A deletion is a version change to no version at all. Said before closing, which has its
	// own event.
	lose(event.newVersion === null ? 'deleted' : 'upgraded');
	db.close();
	return false;
});
// Closed by the browser, not by us (site data cleared while the page is open).
db.on('close', () => lose('closed'));

/** Why this tab can no longer write, or null while it can. */
export function connectionLost(): ConnectionLoss | null {
	return lost;
}

export function onConnectionLost(listener: (why: ConnectionLoss) => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
