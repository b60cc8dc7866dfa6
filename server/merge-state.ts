/**
 * Two states of one Y.Doc made one. Several servers behind Redis each hold a copy of a document
 * and each stores it; a copy that has not yet received another server's last edits must not
 * overwrite them. Applying both states to a fresh Y.Doc keeps every edit of either (Yjs updates
 * merge like the edits themselves) and lets the document's garbage collection drop what both
 * deleted, which `Y.mergeUpdates` would keep.
 */
import * as Y from 'yjs';

export function mergeStates(stored: Uint8Array | null, current: Uint8Array): Uint8Array {
	if (stored === null) return current;
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, stored);
		Y.applyUpdate(doc, current);
		return Y.encodeStateAsUpdate(doc);
	} finally {
		doc.destroy();
	}
}
