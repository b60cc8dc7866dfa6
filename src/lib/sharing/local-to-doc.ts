/**
 * This browser's changes to a shared workspace, from its local database into the shared doc.
 *
 * Every command still writes the local database first, in its one checked transaction (the
 * repositories in db/ are unchanged, and a failed write changes nothing anywhere). Dexie's hooks
 * see each record that transaction adds, changes or deletes, with its value before and after;
 * once it commits, the same change is made in the doc as field-level edits (sync/edits.ts): the
 * fields that changed and nothing else, long texts as the smallest text edit. So two people who
 * change different fields of one record both keep theirs, and the doc is what everyone shares.
 * The change is the one between the record before and after the write, as this device held it;
 * the doc may be ahead of the tables, and edits.ts replays it onto the doc as the doc is now.
 * The read model's own writes (doc-to-local.ts) are marked, and not sent back.
 */
import Dexie, { type Transaction } from 'dexie';
import type * as Y from 'yjs';
import { withoutSeq, type CapmapDatabase, type WorkspaceMeta } from '$lib/db/database';
import { sameValue } from '$lib/domain/patch';
import {
	createRecords,
	deleteRecord,
	isDeleted,
	newChangeMark,
	recreateRecord,
	restoreRecord,
	updateRecord,
	updateWorkspace
} from '$lib/sync/edits';
import { RECORD_KINDS, type RecordKind, type RecordOf } from '$lib/sync/kinds';
import { readRecordMap, type Stamp } from '$lib/sync/record-map';
import { kindMap } from '$lib/sync/workspace-doc';

/** The origin of the doc transactions that carry this browser's own changes. */
export const LOCAL_ORIGIN = Symbol('capmap local change');

/** The origin of undone deletes: restored in the doc, then read back like anyone's change. */
const UNDO_ORIGIN = Symbol('capmap undo');

const idOf = (change: { record: Fields }) => String(change.record.id);

/** Transactions that write what the doc already holds (the read model): not sent back. */
export const fromDoc = new WeakSet<Transaction>();

type Fields = Record<string, unknown>;

/** One record's change within one local transaction, as the doc will be told. */
type Change =
	| { type: 'create'; kind: RecordKind; record: Fields; undo: boolean }
	| { type: 'update'; kind: RecordKind; id: string; before: Fields; after: Fields }
	| { type: 'delete'; kind: RecordKind; id: string }
	| { type: 'workspace'; before: Fields; after: Fields };

/** The record after an update, from Dexie's hook: the record before and the changed key paths. */
function applyModifications(before: Fields, modifications: Fields): Fields {
	const after = structuredClone(before);
	for (const [path, value] of Object.entries(modifications)) Dexie.setByKeyPath(after, path, value);
	return after;
}

/** The fields to write: each one that differs, `undefined` for one removed. */
function patchOf(before: Fields, after: Fields): Fields {
	const patch: Fields = {};
	for (const field of new Set([...Object.keys(before), ...Object.keys(after)]))
		if (field !== 'id' && !sameValue(before[field], after[field])) patch[field] = after[field];
	return patch;
}

/**
 * Starts sending the local database's committed changes into `doc`; returns the function that
 * stops. `stamp` says who makes a change, and when (asked once per transaction).
 */
export function sendLocalChanges(
	db: CapmapDatabase,
	doc: Y.Doc,
	stamp: () => Stamp,
	onSent: () => void = () => {},
	onFailed: (error: unknown) => void = (error) => console.error(error)
): () => void {
	const pending = new Map<Transaction, Change[]>();

	function record(transaction: Transaction, change: Change): void {
		if (fromDoc.has(transaction)) return;
		let changes = pending.get(transaction);
		if (!changes) {
			changes = [];
			pending.set(transaction, changes);
			transaction.on('complete', () => {
				pending.delete(transaction);
				send(changes!);
			});
			transaction.on('abort', () => pending.delete(transaction));
		}
		changes.push(change);
	}

	function send(changes: Change[]): void {
		try {
			sendNow(changes);
		} catch (error) {
			// The doc refused the change (a broken client left a field the wrong shape): said, and
			// the caller reads the doc again, rather than a silent difference between the two.
			onFailed(error);
		}
	}

	function sendNow(changes: Change[]): void {
		const by = stamp();
		// The records this transaction deletes share one mark: a model and the evidence deleted
		// with it are restored together from "Recently deleted".
		const deletion = newChangeMark(doc);
		const undone: Extract<Change, { type: 'create' }>[] = [];
		doc.transact(() => {
			// Records created together are added together: one scan for the next place in order.
			let created: { kind: RecordKind; records: Fields[] } | undefined;
			const flushCreated = () => {
				if (created)
					createRecords(doc, created.kind, created.records as RecordOf<RecordKind>[], by);
				created = undefined;
			};
			for (const change of changes) {
				if (change.type === 'create' && change.undo && isDeleted(doc, change.kind, idOf(change))) {
					undone.push(change);
					continue;
				}
				if (change.type === 'create' && !kindMap(doc, change.kind).has(idOf(change))) {
					if (created?.kind !== change.kind) flushCreated();
					created ??= { kind: change.kind, records: [] };
					created.records.push(change.record);
					continue;
				}
				flushCreated();
				applyChange(doc, change, by, deletion);
			}
			flushCreated();
		}, LOCAL_ORIGIN);
		// An undone delete brings the record back as the doc holds it — with any edit someone
		// made to it meanwhile, which this device's snapshot lacks — so this device's tables
		// follow the doc for it (its own origin: the read model does not skip it).
		if (undone.length > 0)
			doc.transact(() => {
				for (const change of undone) restoreRecord(doc, change.kind, idOf(change), by);
			}, UNDO_ORIGIN);
		onSent();
	}

	const unsubscribe: (() => void)[] = [];
	for (const kind of RECORD_KINDS) {
		const table = db[kind] as unknown as Dexie.Table<Fields, number>;
		// Each hook returns before copying anything for the read model's own writes: a join
		// writes 55,000 records at once, and a copy of each costs a quarter of a second.
		const creating = function (_key: unknown, value: Fields, transaction: Transaction) {
			if (fromDoc.has(transaction)) return;
			// A record put back with its old place (`seq`) is an undone delete (delete-repo's restore).
			const undo = value.seq !== undefined;
			record(transaction, {
				type: 'create',
				kind,
				record: withoutSeq(structuredClone(value)),
				undo
			});
		};
		const updating = function (
			modifications: object,
			_key: unknown,
			value: Fields,
			transaction: Transaction
		) {
			if (fromDoc.has(transaction)) return;
			const before = withoutSeq(value);
			const after = withoutSeq(applyModifications(value, modifications as Fields));
			record(transaction, { type: 'update', kind, id: String(value.id), before, after });
		};
		const deleting = function (_key: unknown, value: Fields, transaction: Transaction) {
			record(transaction, { type: 'delete', kind, id: String(value.id) });
		};
		table.hook('creating', creating);
		table.hook('updating', updating);
		table.hook('deleting', deleting);
		unsubscribe.push(() => {
			table.hook('creating').unsubscribe(creating);
			table.hook('updating').unsubscribe(updating);
			table.hook('deleting').unsubscribe(deleting);
		});
	}
	const metaUpdating = function (
		modifications: object,
		_key: unknown,
		value: WorkspaceMeta,
		transaction: Transaction
	) {
		const before = value as unknown as Fields;
		record(transaction, {
			type: 'workspace',
			before,
			after: applyModifications(before, modifications as Fields)
		});
	};
	db.meta.hook('updating', metaUpdating);
	unsubscribe.push(() => db.meta.hook('updating').unsubscribe(metaUpdating));

	return () => {
		for (const stop of unsubscribe) stop();
		pending.clear();
	};
}

function applyChange(doc: Y.Doc, change: Change, by: Stamp, deletion: string): void {
	switch (change.type) {
		case 'create': {
			// The record is in the doc already: a new record made with an id deleted before takes
			// that id's place, new, with a history of its own (an undone delete is sent apart, in
			// `sendNow`). One the doc holds live (its read had not reached this device) gets the
			// fields this device gave it.
			const id = String(change.record.id);
			if (isDeleted(doc, change.kind, id))
				return recreateRecord(doc, change.kind, change.record as RecordOf<RecordKind>, by);
			const current = kindMap(doc, change.kind).get(id);
			const patch = patchOf(current ? readRecordMap(change.kind, id, current) : {}, change.record);
			if (Object.keys(patch).length > 0) updateRecord(doc, change.kind, id, patch, by);
			return;
		}
		case 'update': {
			const patch = patchOf(change.before, change.after);
			if (!kindMap(doc, change.kind).has(change.id)) {
				createRecords(doc, change.kind, [change.after as RecordOf<RecordKind>], by);
				return;
			}
			// Against the record as this device held it, not as the doc holds it now: the doc may
			// hold someone's change this device's tables had not received when the save was made.
			if (Object.keys(patch).length > 0)
				updateRecord(doc, change.kind, change.id, patch, by, change.before);
			return;
		}
		case 'delete':
			if (kindMap(doc, change.kind).has(change.id))
				deleteRecord(doc, change.kind, change.id, by, deletion);
			return;
		case 'workspace': {
			const name = change.after.name as string;
			const before = (change.before.settings ?? {}) as Fields;
			const after = (change.after.settings ?? {}) as Fields;
			updateWorkspace(
				doc,
				{
					...(name !== change.before.name ? { name } : {}),
					settings: patchOf(before, after)
				},
				by,
				{ name: change.before.name as string, settings: before }
			);
			return;
		}
	}
}
