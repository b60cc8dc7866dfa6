/**
 * The app's one database connection. Writes fail with Dexie's DatabaseClosedError once another
 * tab upgrades or deletes the database; this module tells `status.ts` which it was, so the
 * message can tell the true cause and what to do.
 */
import { CapmapDatabase } from './database';
import { injectFaults } from './fault-injection';
import { lose } from './status';

export const db = new CapmapDatabase();
injectFaults(db);

db.on('versionchange', (event) => {
	// A deletion is a version change to no version at all. Said before closing, which has its
	// own event.
	lose(event.newVersion === null ? 'deleted' : 'upgraded');
	db.close();
	return false;
});
// Closed by the browser, not by us (site data cleared while the page is open).
db.on('close', () => lose('closed'));
