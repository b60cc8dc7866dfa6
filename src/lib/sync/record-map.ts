/**
 * One record as one Y.Map, and back. The map's keys:
 *
 *   <field>            a plain field's value: as uploaded, or once edited `{ $id, $v }` — the id
 *                      of the write that set it (writes.ts) and the value (no `$v`: cleared).
 *                      Domain values never have a `$id` key, so the two cannot be confused.
 *   <text field>       a long text (kinds.ts) as a Y.Text, made with the record even when the
 *                      field is absent, so that two people who start one at once share it
 *                      instead of one Y.Text replacing the other;
 *   $absent:<field>    true while an optional long text is absent (its Y.Text then holds nothing
 *                      that is shown);
 *   spec               an item's spec without its two texts (`spec.modelInput`, `spec.fallback`);
 *   $seq               the record's place in the workspace file's order (ties: by id);
 *   $edited            who changed the record last, and when;
 *   $deleted           the tombstone of a soft delete: who deleted it, and when, and the mark of
 *                      the change that did (records deleted together share it).
 *
 * The id is the record's key in its kind's map and is not repeated inside.
 */
import * as Y from 'yjs';
import { Spec } from '../domain/schemas';
import { fieldsOf, isTextField, SPEC_TEXTS, type RecordKind } from './kinds';

/** Who made a change, and when (ISO timestamp). */
export interface Stamp {
	by: string;
	at: string;
}

/**
 * A soft delete's tombstone. `change` marks the one change that deleted it — a model and the
 * evidence deleted with it share it, so they are restored together; tombstones written before
 * the mark existed are grouped by who and when alone.
 */
export interface Tombstone extends Stamp {
	change?: string;
}

export const SEQ = '$seq';
export const EDITED = '$edited';
export const DELETED = '$deleted';
export const absentKey = (field: string) => `$absent:${field}`;

/** A plain field as an edit left it: the write's id, and its value unless it was cleared. */
export interface Written {
	$id: string;
	$v?: unknown;
}

export function isWritten(value: unknown): value is Written {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		typeof (value as { $id?: unknown }).$id === 'string'
	);
}

/** A plain field's value read from its slot, and the write that set it, if an edit did. */
export function readPlain(raw: unknown): { present: boolean; value?: unknown; writeId?: string } {
	if (raw === undefined) return { present: false };
	if (!isWritten(raw)) return { present: true, value: raw };
	return '$v' in raw
		? { present: true, value: raw.$v, writeId: raw.$id }
		: { present: false, writeId: raw.$id };
}

type Fields = Record<string, unknown>;

/**
 * A new map holding a record, as an upload or a new record makes it. The map is built whole
 * before it joins the doc (a "prelim" map): about twice as fast to write and to load as setting
 * its keys one by one after, for a workspace of 50,000 records.
 */
export function newRecordMap(
	kind: RecordKind,
	record: object,
	seq: number,
	extra: [string, unknown][] = []
): Y.Map<unknown> {
	const fields = record as Fields;
	const entries: [string, unknown][] = [];
	const text = (field: string, value: unknown) => {
		entries.push([field, new Y.Text(typeof value === 'string' ? value : '')]);
		if (value === undefined) entries.push([absentKey(field), true]);
	};
	for (const field of fieldsOf(kind)) {
		if (field === 'id') continue;
		if (kind === 'items' && field === 'spec') {
			const spec = fields.spec as Fields | undefined;
			if (spec !== undefined) entries.push(['spec', withoutSpecTexts(spec)]);
			for (const name of SPEC_TEXTS) text(`spec.${name}`, spec?.[name]);
		} else if (isTextField(kind, field)) text(field, fields[field]);
		else if (fields[field] !== undefined) entries.push([field, fields[field]]);
	}
	entries.push([SEQ, seq], ...extra);
	return new Y.Map(entries);
}

function withoutSpecTexts(spec: Fields): Fields {
	const rest: Fields = {};
	for (const [key, value] of Object.entries(spec))
		if (!(SPEC_TEXTS as readonly string[]).includes(key)) rest[key] = value;
	return rest;
}

/** The record a map holds, its fields in the workspace file's order. */
export function readRecordMap(kind: RecordKind, id: string, map: Y.Map<unknown>): Fields {
	const record: Fields = { id };
	for (const field of fieldsOf(kind)) {
		if (field === 'id') continue;
		const value =
			kind === 'items' && field === 'spec'
				? readSpec(map)
				: isTextField(kind, field)
					? readText(map, field)
					: readPlain(map.get(field)).value;
		if (value !== undefined) record[field] = value;
	}
	return record;
}

export function readText(map: Y.Map<unknown>, field: string): string | undefined {
	if (map.get(absentKey(field)) === true) return undefined;
	const text = map.get(field);
	return text instanceof Y.Text ? text.toString() : undefined;
}

/** The spec is there when its plain part is, or when either of its texts is. */
function readSpec(map: Y.Map<unknown>): Fields | undefined {
	const plain = readPlain(map.get('spec'));
	const texts: Fields = {};
	for (const name of SPEC_TEXTS) {
		const value = readText(map, `spec.${name}`);
		if (value !== undefined) texts[name] = value;
	}
	if (!plain.present && Object.keys(texts).length === 0) return undefined;
	const parts = { ...(plain.value as Fields | undefined), ...texts };
	const spec: Fields = {};
	for (const key of Object.keys(Spec.shape)) if (parts[key] !== undefined) spec[key] = parts[key];
	return spec;
}
