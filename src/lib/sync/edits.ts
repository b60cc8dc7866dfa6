/**
 * The changes a person makes to a shared workspace, each one Yjs transaction carrying its
 * author and time: add a record, change some of its fields, delete it (softly) and restore it,
 * rename the workspace or change its settings. Plain fields go through writes.ts (conflicts kept
 * in history), long texts through text.ts (edits merged), so the app's typed commands call these
 * with the fields the user changed, as they do for the local database.
 */
import * as Y from 'yjs';
import type { Settings } from '../domain/schemas';
import { isTextField, SPEC_TEXTS, type RecordKind, type RecordOf } from './kinds';
import {
	absentKey,
	DELETED,
	EDITED,
	newRecordMap,
	SEQ,
	type Stamp,
	type Tombstone
} from './record-map';
import { rebaseText, replaceText } from './text';
import { kindMap, metaMap, SETTINGS_FIELDS } from './workspace-doc';
import { nextWriteId, writePlain, writesMap, type Seen } from './writes';

export class RecordError extends Error {}

function recordMap(doc: Y.Doc, kind: RecordKind, id: string): Y.Map<unknown> {
	const map = kindMap(doc, kind).get(id);
	if (!map) throw new RecordError(`no ${kind} record ${JSON.stringify(id)} in this workspace`);
	return map;
}

/**
 * Adds a record after the others. Its id must be new, deleted records' included: two people who
 * add a record with the same id at the same moment keep only one of the two, so the app makes
 * ids that another person cannot make at the same time.
 */
export function createRecord<K extends RecordKind>(
	doc: Y.Doc,
	kind: K,
	record: RecordOf<K>,
	stamp: Stamp
): void {
	createRecords(doc, kind, [record], stamp);
}

/** Adds records after the others, in their order, in one change (an import of 20,000 cases). */
export function createRecords<K extends RecordKind>(
	doc: Y.Doc,
	kind: K,
	records: readonly RecordOf<K>[],
	stamp: Stamp
): void {
	const map = kindMap(doc, kind);
	for (const record of records)
		if (map.has(record.id))
			throw new RecordError(`${kind} already has a record ${JSON.stringify(record.id)}`);
	const last = lastSeq(map);
	doc.transact(() => {
		records.forEach((record, i) =>
			map.set(record.id, newRecordMap(kind, record, last + 1 + i, [[EDITED, stamp]]))
		);
	});
}

function lastSeq(map: Y.Map<Y.Map<unknown>>): number {
	let last = -1;
	for (const recordMap of map.values()) {
		const seq = recordMap.get(SEQ);
		if (typeof seq === 'number' && seq > last) last = seq;
	}
	return last;
}

/**
 * Adds a new record in the place of a deleted one with the same id (someone deleted "search"
 * and made a new "search"): a new record, after the others, with a history of its own — the
 * deleted one's values that lost a conflict are not this one's past.
 */
export function recreateRecord<K extends RecordKind>(
	doc: Y.Doc,
	kind: K,
	record: RecordOf<K>,
	stamp: Stamp
): void {
	const map = kindMap(doc, kind);
	if (!isDeleted(doc, kind, record.id))
		throw new RecordError(`${kind} has a record ${JSON.stringify(record.id)} that is not deleted`);
	const writes = writesMap(doc);
	doc.transact(() => {
		for (const [writeId, write] of writes.entries())
			if (write.kind === kind && write.id === record.id) writes.delete(writeId);
		map.set(record.id, newRecordMap(kind, record, lastSeq(map) + 1, [[EDITED, stamp]]));
	});
}

/**
 * Changes the given fields of a record (`undefined` removes an optional one); fields not named
 * are left as they are. A long text is edited, not replaced: only the changed middle is written.
 *
 * `seen` is the record as the editor's device held it when the change was made. The doc may have
 * moved on since (someone's edit reached it, not yet the editor's form): a long text is then
 * changed as the editor changed it, where that is now (their words stay), and a plain field the
 * editor set over a value they never saw still takes the editor's value, but keeps the unseen one
 * in the record's history, as a same-moment conflict would. Without `seen`, the editor saw the
 * doc as it is.
 */
export function updateRecord<K extends RecordKind>(
	doc: Y.Doc,
	kind: K,
	id: string,
	patch: Partial<Omit<RecordOf<K>, 'id'>>,
	stamp: Stamp,
	seen?: Partial<RecordOf<K>>
): void {
	const map = recordMap(doc, kind, id);
	const saw = seen as Record<string, unknown> | undefined;
	doc.transact(() => {
		let changed = false;
		for (const [field, value] of Object.entries(patch)) {
			if (field === 'id') throw new RecordError('a record keeps its id; add a new record instead');
			const sawField = saw && { value: saw[field] };
			if (kind === 'items' && field === 'spec')
				changed =
					writeSpec(
						doc,
						map,
						id,
						value as Record<string, unknown>,
						stamp,
						sawField as Seen<Record<string, unknown>>
					) || changed;
			else if (isTextField(kind, field))
				changed = writeText(map, field, value, sawField as Seen<string>) || changed;
			else changed = writePlain(doc, { kind, id, map }, field, value, stamp, sawField) || changed;
		}
		if (changed) map.set(EDITED, stamp);
	});
}

/** A long text: typed into (its Y.Text edited) or removed (marked absent, its text kept). */
function writeText(
	map: Y.Map<unknown>,
	field: string,
	value: unknown,
	seen?: Seen<string>
): boolean {
	const absent = map.get(absentKey(field)) === true;
	if (value === undefined) {
		if (absent) return false;
		map.set(absentKey(field), true);
		return true;
	}
	const text = map.get(field);
	if (!(text instanceof Y.Text)) throw new RecordError(`${field} is not a text in this record`);
	const before = text.toString();
	const shown = absent ? undefined : before;
	// Someone changed the text since the editor's device read it: the editor's change, replayed.
	if (seen && seen.value !== shown) rebaseText(text, seen.value ?? '', String(value));
	else replaceText(text, String(value));
	if (absent) map.delete(absentKey(field));
	return absent || before !== text.toString();
}

/** The spec: its two texts as texts, the rest (examples, scope lists) as one plain value. */
function writeSpec(
	doc: Y.Doc,
	map: Y.Map<unknown>,
	id: string,
	spec: Record<string, unknown> | undefined,
	stamp: Stamp,
	seen?: Seen<Record<string, unknown>>
): boolean {
	let changed = false;
	for (const name of SPEC_TEXTS)
		changed =
			writeText(
				map,
				`spec.${name}`,
				spec?.[name],
				seen && { value: seen.value?.[name] as string | undefined }
			) || changed;
	const rest = specRest(spec);
	const seenRest = seen && { value: specRest(seen.value) };
	return writePlain(doc, { kind: 'items', id, map }, 'spec', rest, stamp, seenRest) || changed;
}

/** The spec without its two texts (what its plain value holds); undefined without a spec. */
function specRest(spec: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
	if (spec === undefined) return undefined;
	const rest: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(spec))
		if (!(SPEC_TEXTS as readonly string[]).includes(key) && value !== undefined) rest[key] = value;
	return rest;
}

/**
 * Deletes softly: the record leaves the workspace but keeps everything, with a tombstone saying
 * who deleted it and when. An edit made meanwhile by someone who had not seen the delete lands
 * in the record all the same, and shows when it is listed as recently deleted. Records deleted
 * in one change (a model and its evidence) are given one `change` mark (`newChangeMark`), so
 * they come back together (deleted.ts).
 */
export function deleteRecord(
	doc: Y.Doc,
	kind: RecordKind,
	id: string,
	stamp: Stamp,
	change?: string
): void {
	const map = recordMap(doc, kind, id);
	if (map.get(DELETED) !== undefined) return;
	const tombstone: Tombstone = change ? { ...stamp, change } : stamp;
	map.set(DELETED, tombstone);
}

/**
 * A mark for the records one change deletes: no other change, on any copy, has it. Apart from
 * write ids (which it is made from, taken before the change's first write) by its prefix.
 */
export const newChangeMark = (doc: Y.Doc): string => `deleted:${nextWriteId(doc)}`;

/** Brings a deleted record back, with every edit it received since. */
export function restoreRecord(doc: Y.Doc, kind: RecordKind, id: string, stamp: Stamp): void {
	const map = recordMap(doc, kind, id);
	if (map.get(DELETED) === undefined) return;
	doc.transact(() => {
		map.delete(DELETED);
		map.set(EDITED, stamp);
	});
}

/**
 * Renames the workspace or changes its settings, each field on its own; `seen`, as in
 * `updateRecord`, is the name and settings as the editor's device held them.
 */
export function updateWorkspace(
	doc: Y.Doc,
	patch: { name?: string; settings?: Partial<Settings> },
	stamp: Stamp,
	seen?: { name?: string; settings?: Partial<Settings> }
): void {
	const map = metaMap(doc);
	const target = { kind: 'workspace' as const, id: 'workspace', map };
	doc.transact(() => {
		if (patch.name !== undefined)
			writePlain(doc, target, 'name', patch.name, stamp, seen && { value: seen.name });
		for (const field of SETTINGS_FIELDS)
			if (patch.settings?.[field] !== undefined)
				writePlain(
					doc,
					target,
					field,
					patch.settings[field],
					stamp,
					seen && { value: seen.settings?.[field] }
				);
	});
}

/** Whether a record is soft-deleted now. */
export function isDeleted(doc: Y.Doc, kind: RecordKind, id: string): boolean {
	return kindMap(doc, kind).get(id)?.get(DELETED) !== undefined;
}
