/**
 * Deleting entities, and undoing a delete. Every delete returns what it removed or changed, so
 * the UI can offer Undo; a delete that touches several records (a capability that items require,
 * a model with evidence) is one transaction, and so is its undo. What a delete leaves behind
 * still validates: records that named the deleted one are unlinked from it in the same
 * transaction, and an undo is checked like any other write before it is stored.
 */
import type { Table } from 'dexie';
import { itemsRequiring } from '$lib/domain/links';
import { sameValue } from '$lib/domain/patch';
import type { Item } from '$lib/domain/schemas';
import { loadChecks, NAMED_BY, type TableName } from './check';
import { withoutSeq, type CapmapDatabase, type EntityTableName, type Stored } from './database';
import { RefusedChange } from './errors';
import { relink } from './relink';

type Entity = { id: string };

/** The records a change removed or overwrote, as they were: put them back to undo it. */
export type Snapshot = Partial<Record<EntityTableName, Stored<Entity>[]>>;

async function take<T extends Entity>(
	table: Table<Stored<T>, number>,
	records: Stored<T>[]
): Promise<Stored<T>[]> {
	await table.bulkDelete(records.map((r) => r.seq!));
	return records;
}

export async function deleteEvidence(db: CapmapDatabase, id: string): Promise<Snapshot> {
	return db.transaction('rw', db.evidence, async () => ({
		evidence: await take(db.evidence, await db.evidence.where('id').equals(id).toArray())
	}));
}

/**
 * Takes `id` out of a reference field of every record that names it (a list such as a decision's
 * `itemIds`, or a single id such as a finding's `modelId`), so that the workspace still validates
 * after a delete. Returns the records as they were, for Undo.
 */
async function unlink<T extends Entity>(
	table: Table<Stored<T>, number>,
	field: keyof T & string,
	id: string
): Promise<Stored<T>[]> {
	const naming = (await table.toArray()).filter((record) => {
		const value = (record as Record<string, unknown>)[field];
		return Array.isArray(value) ? value.includes(id) : value === id;
	});
	await table.bulkPut(
		naming.map((record) => {
			const copy: Record<string, unknown> = { ...record };
			const value = copy[field];
			if (Array.isArray(value)) copy[field] = value.filter((x) => x !== id);
			else delete copy[field];
			return copy as Stored<T>;
		})
	);
	return naming;
}

/** Deletes a decision; a decision that superseded it no longer names it. */
export async function deleteDecision(db: CapmapDatabase, id: string): Promise<Snapshot> {
	return db.transaction('rw', db.decisions, async () => {
		const decisions = await take(db.decisions, await db.decisions.where('id').equals(id).toArray());
		const superseding = await unlink(db.decisions, 'supersedes', id);
		return { decisions: [...decisions, ...superseding] } as Snapshot;
	});
}

/** Deletes a finding; the decisions that cite it no longer name it. */
export async function deleteFinding(db: CapmapDatabase, id: string): Promise<Snapshot> {
	return db.transaction('rw', db.findings, db.decisions, async () => {
		const findings = await take(db.findings, await db.findings.where('id').equals(id).toArray());
		const decisions = await unlink(db.decisions, 'findingIds', id);
		return { findings, decisions } as Snapshot;
	});
}

/** Deletes an item and takes it out of the decisions and findings that name it. */
export async function deleteItem(db: CapmapDatabase, id: string): Promise<Snapshot> {
	return db.transaction('rw', db.items, db.decisions, db.findings, async () => {
		const items = await take(db.items, await db.items.where('id').equals(id).toArray());
		const decisions = await unlink(db.decisions, 'itemIds', id);
		const findings = await unlink(db.findings, 'itemIds', id);
		return { items, decisions, findings } as Snapshot;
	});
}

/**
 * Deletes a capability. Items that require it: `refuse` stops and names them; `cascade` removes
 * those requirements too. Its evidence goes with it either way (evidence about nothing is noise).
 */
export async function deleteCapability(
	db: CapmapDatabase,
	id: string,
	mode: 'refuse' | 'cascade'
): Promise<Snapshot> {
	return db.transaction('rw', db.capabilities, db.items, db.evidence, db.findings, async () => {
		const dependent = itemsRequiring(await db.items.toArray(), id) as Stored<Item>[];
		if (dependent.length > 0 && mode === 'refuse')
			throw new RefusedChange(`required by ${dependent.map((i) => i.title).join(', ')}`);
		await db.items.bulkPut(
			dependent.map((item) => ({
				...item,
				requirements: item.requirements.filter((r) => r.capabilityId !== id)
			}))
		);
		const evidence = await take(
			db.evidence,
			await db.evidence.where('capabilityId').equals(id).toArray()
		);
		const capabilities = await take(
			db.capabilities,
			await db.capabilities.where('id').equals(id).toArray()
		);
		const findings = await unlink(db.findings, 'capabilityId', id);
		return { capabilities, items: dependent, evidence, findings } as Snapshot;
	});
}

/**
 * Deletes a model with its evidence and eval runs, and takes it out of the decisions and
 * findings that name it; refused while a saved brief is about it.
 */
export async function deleteModel(db: CapmapDatabase, id: string): Promise<Snapshot> {
	const tables = [db.models, db.evidence, db.evalRuns, db.briefs, db.decisions, db.findings];
	return db.transaction('rw', tables, async () => {
		const briefs = await db.briefs.where('modelId').equals(id).count();
		if (briefs > 0)
			throw new RefusedChange(`${briefs} saved brief(s) are about this model; delete them first`);
		const evidence = await take(
			db.evidence,
			await db.evidence.where('modelId').equals(id).toArray()
		);
		const evalRuns = await take(
			db.evalRuns,
			await db.evalRuns.where('modelId').equals(id).toArray()
		);
		const models = await take(db.models, await db.models.where('id').equals(id).toArray());
		const decisions = await unlink(db.decisions, 'modelIds', id);
		const findings = await unlink(db.findings, 'modelId', id);
		return { models, evidence, evalRuns, decisions, findings } as Snapshot;
	});
}

/**
 * Puts back what a delete removed or changed, in one transaction — checked first, so an undo
 * after other changes (the model its evidence named is gone since) is refused, not stored broken.
 * A removed record comes back as it was; a record the delete only unlinked gets its links back
 * and keeps everything else as it is now (relink.ts): what others changed on it since stays.
 */
export async function restore(db: CapmapDatabase, snapshot: Snapshot): Promise<void> {
	const changed = (Object.keys(snapshot) as EntityTableName[]).filter(
		(t) => (snapshot[t] ?? []).length > 0
	);
	const involved = [...new Set([...changed, ...changed.flatMap((t) => NAMED_BY[t])])];
	const check = await loadChecks();
	await db.transaction(
		'rw',
		involved.map((t) => db[t]),
		async () => {
			const stored = new Map<TableName, Map<string, Stored<Entity>>>();
			for (const table of involved) {
				const rows = await (db[table] as Table<Stored<Entity>, number>).toArray();
				stored.set(table, new Map(rows.map((row) => [row.id, row])));
			}
			// The records the undo brings back: in the snapshot, gone from the tables.
			const back = new Map(
				changed.map((t) => [
					t,
					new Set(snapshot[t]!.filter((r) => !stored.get(t)!.has(r.id)).map((r) => r.id))
				])
			);
			const writes = new Map<EntityTableName, Stored<Entity>[]>();
			for (const table of changed) {
				const rows: Stored<Entity>[] = [];
				for (const row of snapshot[table]!) {
					const now = stored.get(table)!.get(row.id);
					if (!now) {
						rows.push(row);
						continue;
					}
					const relinked = relink(table, withoutSeq(now), withoutSeq(row), back) as Entity;
					if (!sameValue(relinked, withoutSeq(now))) rows.push({ ...relinked, seq: now.seq });
				}
				writes.set(table, rows);
			}
			// Each involved table as it will be after the undo: stored records, the undo's over them.
			const after = new Map<TableName, Entity[]>();
			for (const table of involved) {
				const written = (writes.get(table as EntityTableName) ?? []).map(withoutSeq);
				const ids = new Set(written.map((r) => r.id));
				const kept = [...stored.get(table)!.values()].map(withoutSeq).filter((r) => !ids.has(r.id));
				after.set(table, [...kept, ...written]);
			}
			for (const [table, rows] of writes) {
				const ids = new Set(rows.map((r) => r.id));
				const pools = Object.fromEntries(
					NAMED_BY[table].map((t) => [
						t,
						t === table ? after.get(t)!.filter((r) => !ids.has(r.id)) : after.get(t)!
					])
				);
				check.records(table, rows.map(withoutSeq) as never[], pools);
			}
			for (const [table, rows] of writes)
				if (rows.length > 0) await (db[table] as Table<Stored<Entity>, number>).bulkPut(rows);
		}
	);
}
