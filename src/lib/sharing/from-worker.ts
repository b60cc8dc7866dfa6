/**
 * A commit made off the main thread (the eval-results import's worker) in a shared workspace.
 * Dexie's hooks fire only in the context that writes, so the worker opens the shared doc itself
 * (its stored copy, through y-dexie) and sends its own commit into it as the page would; y-dexie
 * stores the change, every tab's copy of the doc picks it up from storage, and the page's
 * connection sends it to the server. Without this, the page's read model would later find the
 * import's records in the local tables but not in the doc, and remove them.
 */
import { DexieYProvider } from 'y-dexie';
import type { CapmapDatabase } from '$lib/db/database';
import { sendLocalChanges } from './local-to-doc';
import { SharedDatabase } from './shared-db';

export interface SharedCommit {
	workspaceId: string;
	/** Who imports: the name the page's changes carry. */
	author: string;
}

/**
 * Starts sending `db`'s committed changes into the shared doc; `finish` stops, once the doc's
 * change is stored, so the page can read it back.
 */
export async function sendCommitsToSharedDoc(
	db: CapmapDatabase,
	shared: SharedCommit
): Promise<{ finish(): Promise<void> }> {
	const store = new SharedDatabase();
	const row = await store.shared.get(shared.workspaceId);
	if (!row?.doc)
		throw new Error(`the shared workspace ${shared.workspaceId} is not on this device`);
	const doc = row.doc;
	await DexieYProvider.load(doc).whenLoaded;
	let sent = false;
	const stop = sendLocalChanges(
		db,
		doc,
		() => ({ by: shared.author, at: new Date().toISOString() }),
		() => (sent = true)
	);
	return {
		async finish() {
			stop();
			// y-dexie adds each update to its table as the doc changes; a transaction opened after
			// that one on the same table ends after it.
			if (sent) await store.transaction('r', store.tables, () => Promise.resolve());
			DexieYProvider.release(doc);
			store.close();
		}
	};
}
