/**
 * A shared workspace as a Y.Doc, and back. The doc holds:
 *
 *   meta          the workspace's name and settings (staleAfterDays, minSampleSize), each a
 *                 plain field of its own, so that two people changing different settings both
 *                 keep theirs; and `$replaced`: who uploaded or imported the content, when.
 *   capabilities, models, evidence, items, decisions, findings, evalRuns, briefs
 *                 one Y.Map per kind, record id → one Y.Map per record (record-map.ts).
 *   writes        every edit of a plain field not yet knowingly replaced (writes.ts): the
 *                 current values' authors and the values that lost a conflict.
 *
 * !!! These names are a storage format shared by every copy of every shared workspace (browsers,
 * servers): change them only with a migration that every client runs.
 */
import * as Y from 'yjs';
import { validateWorkspace } from '../domain/workspace';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION } from '../domain/entities';
import type { ValidationResult, Workspace } from '../domain/workspace';
import { RECORD_KINDS, type RecordKind } from './kinds';
import { withoutLinksToDeleted, type DeletedIds } from './links';
import { DELETED, readPlain, newRecordMap, readRecordMap, SEQ, type Stamp } from './record-map';

export const META = 'meta';
export const WRITES = 'writes';
export const REPLACED = '$replaced';
export const SETTINGS_FIELDS = ['staleAfterDays', 'minSampleSize'] as const;

export function kindMap(doc: Y.Doc, kind: RecordKind): Y.Map<Y.Map<unknown>> {
	return doc.getMap<Y.Map<unknown>>(kind);
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap(META);
}

/**
 * Replaces everything in the doc with this workspace, in one transaction (one change for every
 * client): the first upload of a shared workspace, or an import into one. Records, their
 * history and their tombstones all go; the new records carry no history.
 */
export function writeWorkspace(doc: Y.Doc, workspace: Workspace, stamp: Stamp): void {
	doc.transact(() => {
		const meta = metaMap(doc);
		meta.clear();
		meta.set('name', workspace.name);
		for (const field of SETTINGS_FIELDS) meta.set(field, workspace.settings[field]);
		meta.set(REPLACED, stamp);
		doc.getMap(WRITES).clear();
		for (const kind of RECORD_KINDS) {
			const records = kindMap(doc, kind);
			records.clear();
			(workspace[kind] as { id: string }[]).forEach((record, seq) =>
				records.set(record.id, newRecordMap(kind, record, seq))
			);
		}
	});
}

/** The live records of a kind (not soft-deleted), in the workspace file's order. */
export function liveRecords(doc: Y.Doc, kind: RecordKind): [string, Y.Map<unknown>][] {
	return [...kindMap(doc, kind).entries()]
		.filter(([, map]) => map.get(DELETED) === undefined)
		.sort(([a, x], [b, y]) => seqOf(x) - seqOf(y) || (a < b ? -1 : a > b ? 1 : 0));
}

const seqOf = (map: Y.Map<unknown>) => {
	const seq = map.get(SEQ);
	return typeof seq === 'number' ? seq : Number.MAX_SAFE_INTEGER;
};

function deletedIds(doc: Y.Doc, kind: RecordKind): Set<string> {
	const ids = new Set<string>();
	for (const [id, map] of kindMap(doc, kind).entries())
		if (map.get(DELETED) !== undefined) ids.add(id);
	return ids;
}

/** The workspace file the doc stands for, as the file reader would have it. */
export function workspaceFromDoc(doc: Y.Doc): Record<string, unknown> {
	const meta = metaMap(doc);
	const settings: Record<string, unknown> = {};
	for (const field of SETTINGS_FIELDS) {
		const value = readPlain(meta.get(field));
		if (value.present) settings[field] = value.value;
	}
	const file: Record<string, unknown> = {
		format: WORKSPACE_FORMAT,
		version: WORKSPACE_VERSION,
		name: readPlain(meta.get('name')).value ?? '',
		settings
	};
	const records = {} as Record<RecordKind, Record<string, unknown>[]>;
	const deleted = {} as DeletedIds;
	for (const kind of RECORD_KINDS) {
		records[kind] = liveRecords(doc, kind).map(([id, map]) => readRecordMap(kind, id, map));
		deleted[kind] = deletedIds(doc, kind);
	}
	return { ...file, ...withoutLinksToDeleted(records, deleted) };
}

/**
 * The workspace, checked as a workspace file is checked: a doc is written by every editor's
 * client, so what it holds is outside input like any file (a broken or hostile client could
 * write anything an editor may write).
 */
export function readWorkspace(doc: Y.Doc): ValidationResult {
	return validateWorkspace(workspaceFromDoc(doc));
}
