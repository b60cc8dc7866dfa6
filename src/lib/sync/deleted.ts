/**
 * "Recently deleted": the soft-deleted records of a shared workspace, each as it is now (with
 * any edit made while or after it was deleted), who deleted it and when, and who edited it last,
 * so that a deletion that crossed someone's edit can be seen and undone.
 *
 * Records deleted in one change are one entry: a model with the evidence and eval runs deleted
 * with it, a capability with its evidence. The entry is the record the others belonged to (the
 * first kind in the file's order: capabilities, then models, …), and restoring it brings back
 * the rest of that change, as undoing the delete would have.
 */
import type * as Y from 'yjs';
import { RECORD_KINDS, type RecordKind } from './kinds';
import { DELETED, EDITED, readRecordMap, type Stamp, type Tombstone } from './record-map';
import { restoreRecord } from './edits';
import { kindMap } from './workspace-doc';

export interface DeletedRecord {
	kind: RecordKind;
	id: string;
	record: Record<string, unknown>;
	deleted: Stamp;
	/** The last edit, which may be later than the delete: someone kept working on it. */
	lastEdit?: Stamp;
	/** The records deleted in the same change, which come back with it. */
	along: { kind: RecordKind; id: string }[];
}

/** Which change deleted a record: its mark, or (tombstones from before marks) who and when. */
const changeOf = (tombstone: Tombstone): string =>
	tombstone.change ?? `${tombstone.by}\u0000${tombstone.at}`;

function* tombstones(doc: Y.Doc): Generator<[RecordKind, string, Y.Map<unknown>, Tombstone]> {
	for (const kind of RECORD_KINDS)
		for (const [id, map] of kindMap(doc, kind).entries()) {
			const tombstone = map.get(DELETED) as Tombstone | undefined;
			if (tombstone !== undefined) yield [kind, id, map, tombstone];
		}
}

/** Newest deletion first; one entry per change (the records deleted with it in `along`). */
export function recentlyDeleted(doc: Y.Doc): DeletedRecord[] {
	const byChange = new Map<string, DeletedRecord>();
	// Kinds in the file's order: a change's first record is the one the others belonged to.
	for (const [kind, id, map, tombstone] of tombstones(doc)) {
		const change = changeOf(tombstone);
		const entry = byChange.get(change);
		if (entry) {
			entry.along.push({ kind, id });
			continue;
		}
		const edited = map.get(EDITED) as Stamp | undefined;
		byChange.set(change, {
			kind,
			id,
			record: readRecordMap(kind, id, map),
			deleted: { by: tombstone.by, at: tombstone.at },
			...(edited ? { lastEdit: edited } : {}),
			along: []
		});
	}
	return [...byChange.values()].sort((a, b) =>
		a.deleted.at < b.deleted.at ? 1 : a.deleted.at > b.deleted.at ? -1 : 0
	);
}

/**
 * Brings back a deleted record, with every edit it received since, and every record deleted in
 * the same change (a model's evidence and eval runs): all in the caller's one transaction.
 */
export function restoreDeleted(doc: Y.Doc, kind: RecordKind, id: string, stamp: Stamp): void {
	const tombstone = kindMap(doc, kind).get(id)?.get(DELETED) as Tombstone | undefined;
	if (tombstone === undefined) return;
	const change = changeOf(tombstone);
	const together = [...tombstones(doc)].filter(([, , , other]) => changeOf(other) === change);
	doc.transact(() => {
		for (const [otherKind, otherId] of together) restoreRecord(doc, otherKind, otherId, stamp);
	});
}
