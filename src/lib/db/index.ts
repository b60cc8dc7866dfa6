/**
 * The app's one database connection. When a newer Capmap opens the database with a higher schema
 * version in another tab, this tab closes its connection at once (so the upgrade can proceed) and
 * reports it, so the page asks to reload instead of writing data in an old shape.
 */
import { CapmapDatabase } from './database';

export const db = new CapmapDatabase();

type Listener = () => void;
const outdatedListeners = new Set<Listener>();

db.on('versionchange', () => {
	db.close();
	for (const listener of outdatedListeners) listener();
	return false;
});

export function onOutdated(listener: Listener): () => void {
	outdatedListeners.add(listener);
	return () => outdatedListeners.delete(listener);
}
