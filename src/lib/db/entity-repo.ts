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
import type { Capability, Decision, Evidence, Finding, Item, Model } from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';
import { loadChecks, NAMED_BY, type Checks, type TableName } from './check';
import { withoutSeq, type CapmapDatabase, type Stored } from './database';
import { EditConflict, MissingRecord, RefusedChange } from './errors';

/** A form's change to one record: as it opened (null for a new record) and as it is now. */
export interface Edit<T> {
	base: T | null;
	next: T;
	/** Fields changed elsewhere too, where the user chose to keep their own value. */
	overwrite?: readonly string[];
}

type Savable = 'capabilities' | 'models' | 'evidence' | 'items' | 'decisions' | 'findings';
type Row<K extends TableName> = Workspace[K][number];

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
			const current = withoutSeq(existing);
			const merged = mergeEdit(current, edit.base, edit.next, edit.overwrite);
			if (merged.conflicts.length > 0) throw new EditConflict(merged.conflicts, current);
			if (merged.changed.length === 0) return current;
			record = merged.record;
		}
		const named: Partial<Workspace> = {};
		for (const pool of pools) {
			const rows = (await (db[pool] as Table<Stored<{ id: string }>, number>).toArray()).map(
				withoutSeq
			);
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
export const saveFinding = (db: CapmapDatabase, edit: Edit<Finding>) =>
	saveRecord(db, 'findings', edit);

/** What applying a scenario changed, so one Undo can put it back. */
export interface AppliedScenario {
	/** The models' statuses and expected dates as they were. */
	before: Pick<Model, 'id' | 'status' | 'expectedAt'>[];
	/** The decision that records the change, when one was written. */
	decisionId?: string;
}

/** Each model's status and expected date, only those two fields, over the model as stored now. */
async function writeStatuses(
	db: CapmapDatabase,
	check: Checks,
	overrides: readonly ModelOverride[],
	clearMissingDate: boolean
): Promise<Model[]> {
	const saved: Model[] = [];
	for (const override of overrides) {
		const existing = await db.models.where('id').equals(override.modelId).first();
		if (!existing) throw new MissingRecord(`there is no model "${override.modelId}" any more`);
		const next: Model = { ...withoutSeq(existing), status: override.status };
		if (override.expectedAt !== undefined) next.expectedAt = override.expectedAt;
		else if (clearMissingDate) delete next.expectedAt;
		const [checked] = check.records('models', [next]);
		await db.models.put({ ...checked!, seq: existing.seq });
		saved.push(checked!);
	}
	return saved;
}

/**
 * A scenario applied for real: each model's status (and expected date, when given), and the
 * decision that records it, in one transaction. Only those two fields of a model are written, so
 * its other fields edited meanwhile in another tab are kept.
 */
export async function applyScenario(
	db: CapmapDatabase,
	overrides: readonly ModelOverride[],
	decision?: Decision
): Promise<AppliedScenario> {
	const check = await loadChecks();
	return db.transaction('rw', [db.models, db.decisions, db.items, db.findings], async () => {
		const before: AppliedScenario['before'] = [];
		for (const o of overrides) {
			const m = await db.models.where('id').equals(o.modelId).first();
			if (m)
				before.push({
					id: m.id,
					status: m.status,
					...(m.expectedAt ? { expectedAt: m.expectedAt } : {})
				});
		}
		await writeStatuses(db, check, overrides, false);
		if (!decision) return { before };
		if (await db.decisions.where('id').equals(decision.id).first())
			throw new RefusedChange(`the id "${decision.id}" is already taken`);
		const pools = {
			items: (await db.items.toArray()).map(withoutSeq),
			models: (await db.models.toArray()).map(withoutSeq),
			findings: (await db.findings.toArray()).map(withoutSeq),
			decisions: (await db.decisions.toArray()).map(withoutSeq)
		};
		const [checked] = check.records('decisions', [decision], pools);
		await db.decisions.add({ ...checked! });
		return { before, decisionId: decision.id };
	});
}

/** Undo of `applyScenario`: the statuses and dates as they were, and its decision gone. */
export async function undoScenario(db: CapmapDatabase, applied: AppliedScenario): Promise<void> {
	const check = await loadChecks();
	await db.transaction('rw', [db.models, db.decisions], async () => {
		await writeStatuses(
			db,
			check,
			applied.before.map((m) => ({
				modelId: m.id,
				status: m.status,
				...(m.expectedAt ? { expectedAt: m.expectedAt } : {})
			})),
			true
		);
		if (!applied.decisionId) return;
		const id = applied.decisionId;
		// A decision that later named this one as superseded keeps standing on its own.
		const naming = await db.decisions.filter((d) => d.supersedes === id).toArray();
		await db.decisions.bulkPut(naming.map(({ supersedes: _gone, ...d }) => d));
		await db.decisions.where('id').equals(id).delete();
	});
}
