/**
 * "Recently deleted": the soft-deleted records of a shared workspace, each as it is now (with
 * any edit made while or after it was deleted), who deleted it and when, and who edited it last,
 * so that a deletion that crossed someone's edit can be seen and undone.
 */
import type * as Y from 'yjs';
import { RECORD_KINDS, type RecordKind } from './kinds';
import { DELETED, EDITED, readRecordMap, type Stamp } from './record-map';
import { kindMap } from './workspace-doc';

export interface DeletedRecord {
	kind: RecordKind;
	id: string;
	record: Record<string, unknown>;
	deleted: Stamp;
	/** The last edit, which may be later than the delete: someone kept working on it. */
	lastEdit?: Stamp;
}

/** Newest deletion first. */
export function recentlyDeleted(doc: Y.Doc): DeletedRecord[] {
	const deleted: DeletedRecord[] = [];
	for (const kind of RECORD_KINDS)
		for (const [id, map] of kindMap(doc, kind).entries()) {
			const tombstone = map.get(DELETED) as Stamp | undefined;
			if (tombstone === undefined) continue;
			const edited = map.get(EDITED) as Stamp | undefined;
			deleted.push({
				kind,
				id,
				record: readRecordMap(kind, id, map),
				deleted: tombstone,
				...(edited ? { lastEdit: edited } : {})
			});
		}
	return deleted.sort((a, b) =>
		a.deleted.at < b.deleted.at ? 1 : a.deleted.at > b.deleted.at ? -1 : 0
	);
}
