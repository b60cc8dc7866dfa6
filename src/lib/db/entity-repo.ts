/**
 * Saving single entities, one typed function per aggregate. A save is a field-level edit: the
 * form's record as it opened (`base`) and as the user left it (`next`). Only the fields that
 * differ are written, over the record as stored now, in one transaction; a field that changed
 * elsewhere meanwhile, to something else, stops the save with an `EditConflict` until the user
 * chooses (`overwrite` lists the fields they chose to keep). `base: null` adds a new entity at
 * the end, keeping file order. Every record is checked as the workspace file would check it.
 */
import type { Table } from 'dexie';
import { mergeEdit } from '$lib/domain/patch';
import type { ModelOverride } from '$lib/domain/scenario';
import type { Capability, Decision, Evidence, Item, Model } from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';
import { loadChecks, NAMED_BY, type TableName } from './check';
import type { CapmapDatabase, Stored } from './database';
import { EditConflict, MissingRecord, RefusedChange } from './errors';

/** A form's change to one record: as it opened (null for a new record) and as it is now. */
export interface Edit<T> {
	base: T | null;
	next: T;
	/** Fields changed elsewhere too, where the user chose to keep their own value. */
	overwrite?: readonly string[];
}

type Savable = 'capabilities' | 'models' | 'evidence' | 'items' | 'decisions';
type Row<K extends TableName> = Workspace[K][number];

const strip = <T>({ seq: _seq, ...record }: Stored<T>): T => record as T;

async function saveRecord<K extends Savable>(
	db: CapmapDatabase,
	table: K,
	edit: Edit<Row<K>>
): Promise<Row<K>> {
	const store = db[table] as unknown as Table<Stored<Row<K>>, number>;
	const pools = NAMED_BY[table];
	const tables = [store, ...pools.filter((t) => t !== table).map((t) => db[t])];
	const check = await loadChecks();
	return db.transaction('rw', tables, async () => {
		const id = edit.base?.id ?? edit.next.id;
		if (edit.next.id !== id) throw new RefusedChange('an id cannot change once it is saved');
		const existing = await store.where('id').equals(id).first();
		let record: Row<K>;
		if (!edit.base) {
			if (existing) throw new RefusedChange(`the id "${id}" is already taken`);
			record = edit.next;
		} else {
			if (!existing)
				throw new MissingRecord('it was deleted, in another tab, after this form opened');
			const current = strip(existing);
			const merged = mergeEdit(current, edit.base, edit.next, edit.overwrite);
			if (merged.conflicts.length > 0) throw new EditConflict(merged.conflicts, current);
			if (merged.changed.length === 0) return current;
			record = merged.record;
		}
		const named: Partial<Workspace> = {};
		for (const pool of pools) {
			const rows = (await (db[pool] as Table<Stored<{ id: string }>, number>).toArray()).map(strip);
			(named as Record<string, unknown>)[pool] =
				pool === table ? rows.filter((r) => r.id !== id) : rows;
		}
		const [checked] = check.records(table, [record], named);
		if (existing) await store.put({ ...checked!, seq: existing.seq });
		else await store.add({ ...checked! });
		return checked!;
	});
}

export const saveCapability = (db: CapmapDatabase, edit: Edit<Capability>) =>
	saveRecord(db, 'capabilities', edit);
export const saveModel = (db: CapmapDatabase, edit: Edit<Model>) => saveRecord(db, 'models', edit);
export const saveEvidence = (db: CapmapDatabase, edit: Edit<Evidence>) =>
	saveRecord(db, 'evidence', edit);
export const saveItem = (db: CapmapDatabase, edit: Edit<Item>) => saveRecord(db, 'items', edit);
export const saveDecision = (db: CapmapDatabase, edit: Edit<Decision>) =>
	saveRecord(db, 'decisions', edit);

/**
 * A scenario applied for real: each model's status (and expected date, when given) in one
 * transaction. Only those two fields are written, so a model's other fields edited meanwhile in
 * another tab are kept.
 */
export async function setModelStatuses(
	db: CapmapDatabase,
	overrides: readonly ModelOverride[]
): Promise<Model[]> {
	const check = await loadChecks();
	return db.transaction('rw', db.models, async () => {
		const saved: Model[] = [];
		for (const override of overrides) {
			const existing = await db.models.where('id').equals(override.modelId).first();
			if (!existing) throw new MissingRecord(`there is no model "${override.modelId}" any more`);
			const next: Model = { ...strip(existing), status: override.status };
			if (override.expectedAt !== undefined) next.expectedAt = override.expectedAt;
			const [checked] = check.records('models', [next]);
			await db.models.put({ ...checked!, seq: existing.seq });
			saved.push(checked!);
		}
		return saved;
	});
}
