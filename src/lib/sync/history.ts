/**
 * What the item page shows of a record's past: each value that lost a conflict (who set it,
 * when, the value they saw → the value they set), and who changed each field last.
 */
import type * as Y from 'yjs';
import type { RecordKind } from './kinds';
import { EDITED, type Stamp } from './record-map';
import { kindMap, metaMap } from './workspace-doc';
import { lastWrite, lostValues, type LostValue, type Write } from './writes';

export type { LostValue };

/** The values of this record that lost a conflict, oldest first; none for an unknown record. */
export function recordHistory(doc: Y.Doc, kind: RecordKind, id: string): LostValue[] {
	const map = kindMap(doc, kind).get(id);
	return map ? lostValues(doc, kind, id, map) : [];
}

/** The workspace name's and settings' lost values. */
export function workspaceHistory(doc: Y.Doc): LostValue[] {
	return lostValues(doc, 'workspace', 'workspace', metaMap(doc));
}

/** Who set a plain field's current value, and when (undefined: as uploaded). */
export function fieldAuthor(
	doc: Y.Doc,
	kind: RecordKind,
	id: string,
	field: string
): Write | undefined {
	const map = kindMap(doc, kind).get(id);
	return map ? lastWrite(doc, map, field) : undefined;
}

/** Who changed the record last, and when (undefined: untouched since the upload). */
export function lastEdit(doc: Y.Doc, kind: RecordKind, id: string): Stamp | undefined {
	return kindMap(doc, kind).get(id)?.get(EDITED) as Stamp | undefined;
}
