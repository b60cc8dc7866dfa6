/**
 * Plain fields and their history. Yjs settles two values set at once for one field by itself
 * (one wins, the same on every copy) and forgets the other; Capmap keeps it. Every edit of a
 * plain field is written twice in one transaction: into the record's map as `{ $id, $v }`, and
 * into the doc's `writes` map under that id with its author, time, and the value it replaced
 * (`from`) and set (`to`). An edit removes from `writes` the write it knowingly replaced, the
 * one whose id the field held when it was made. So a write still in `writes` is either the
 * field's current value or a value that lost: set at the same time as another, from the same
 * starting point, and replaced by nobody who saw it. Every copy of the doc computes the same
 * history from the same state, with no client having to notice the conflict as it happened.
 */
import * as Y from 'yjs';
import { sameValue } from '../domain/patch';
import type { RecordKind } from './kinds';
import { EDITED, readPlain, type Stamp } from './record-map';
import { WRITES } from './workspace-doc';

/** The kind of record a write is on: a record kind, or the workspace's own name and settings. */
export type WriteTarget = RecordKind | 'workspace';

export interface Write extends Stamp {
	kind: WriteTarget;
	id: string;
	field: string;
	/** The value the editor saw; absent when the field was. */
	from?: unknown;
	/** The value the editor set; absent when they cleared the field. */
	to?: unknown;
}

/** A value that lost a conflict, as the record's history shows it: who, when, old → new. */
export interface LostValue extends Write {
	writeId: string;
}

export function writesMap(doc: Y.Doc): Y.Map<Write> {
	return doc.getMap<Write>(WRITES);
}

/**
 * An id no other write or change has, on any copy: this client's id and its next Yjs clock,
 * which only this client advances and every change advances.
 */
export function nextWriteId(doc: Y.Doc): string {
	return `${doc.clientID.toString(36)}.${Y.getState(doc.store, doc.clientID)}`;
}

/** The value of a field as the editor's device held it when they changed it (undefined: absent). */
export interface Seen<T = unknown> {
	value: T | undefined;
}

const sameOrBothAbsent = (held: { present: boolean; value?: unknown }, value: unknown) =>
	held.present ? sameValue(held.value, value) : value === undefined;

/**
 * Sets a plain field (`undefined` clears it), keeping who and when; false when nothing changed.
 *
 * The write replaces knowingly only the value the editor saw (`seen`; without it, the current
 * one). A current value they never saw — someone's write that reached the doc, not yet their
 * form — is overwritten all the same (the later write wins, on every copy alike) but stays in
 * `writes`, so it shows in the record's history as a value that lost, as at the same moment.
 */
export function writePlain(
	doc: Y.Doc,
	target: { kind: WriteTarget; id: string; map: Y.Map<unknown> },
	field: string,
	next: unknown,
	stamp: Stamp,
	seen?: Seen
): boolean {
	const current = readPlain(target.map.get(field));
	if (sameOrBothAbsent(current, next)) return false;
	const writes = writesMap(doc);
	const unseen = seen !== undefined && !sameOrBothAbsent(current, seen.value);
	if (!unseen) {
		if (current.writeId !== undefined) writes.delete(current.writeId);
	} else if (current.writeId === undefined && current.present)
		// A value as uploaded has no write to keep: one is made for it, so the history shows it.
		writes.set(nextWriteId(doc), {
			kind: target.kind,
			id: target.id,
			field,
			to: current.value,
			...uploadStamp(target.map, stamp)
		});
	const from = unseen ? { present: seen.value !== undefined, value: seen.value } : current;
	const writeId = nextWriteId(doc);
	writes.set(writeId, {
		kind: target.kind,
		id: target.id,
		field,
		...(from.present ? { from: from.value } : {}),
		...(next !== undefined ? { to: next } : {}),
		by: stamp.by,
		at: stamp.at
	});
	target.map.set(field, next === undefined ? { $id: writeId } : { $id: writeId, $v: next });
	return true;
}

/** Who last changed the record as a whole (an upload or import stamps it), else this change. */
function uploadStamp(map: Y.Map<unknown>, stamp: Stamp): Stamp {
	const edited = map.get(EDITED) as Stamp | undefined;
	return { by: edited?.by ?? stamp.by, at: edited?.at ?? stamp.at };
}

/** Who set a plain field's current value, and when; undefined for a value as uploaded. */
export function lastWrite(doc: Y.Doc, map: Y.Map<unknown>, field: string): Write | undefined {
	const { writeId } = readPlain(map.get(field));
	return writeId === undefined ? undefined : writesMap(doc).get(writeId);
}

/** The values that lost a conflict on this record, oldest first. */
export function lostValues(
	doc: Y.Doc,
	kind: WriteTarget,
	id: string,
	map: Y.Map<unknown>
): LostValue[] {
	const lost: LostValue[] = [];
	for (const [writeId, write] of writesMap(doc).entries()) {
		if (write.kind !== kind || write.id !== id) continue;
		if (readPlain(map.get(write.field)).writeId === writeId) continue;
		lost.push({ ...write, writeId });
	}
	return lost.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.writeId < b.writeId ? -1 : 1));
}
