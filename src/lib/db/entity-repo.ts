/**
 * Saving and deleting single entities. Every delete returns what it removed or changed, so the
 * UI can offer Undo; a delete that touches several records (a capability that items require, a
 * model with evidence) is one transaction, and so is its undo.
 */
import type { Capability, Decision, Evidence, Item, Model } from '$lib/domain/schemas';
import type { CapmapDatabase, EntityTableName, Stored } from './database';

type Entity = { id: string };
type Tables = Pick<CapmapDatabase, EntityTableName>;

/** The records a change removed or overwrote, as they were: put them back to undo it. */
export type Snapshot = Partial<Record<EntityTableName, Stored<Entity>[]>>;

export class RefusedChange extends Error {}

/** Inserts a new entity at the end, or replaces the one with the same id in place. */
export async function saveEntity<T extends Entity>(
	db: CapmapDatabase,
	table: EntityTableName,
	entity: T,
	previousId: string = entity.id
): Promise<void> {
	const store = (db as Tables)[table] as unknown as import('dexie').Table<Stored<T>, number>;
	await db.transaction('rw', store, async () => {
		const existing = await store.where('id').equals(previousId).first();
		if (previousId !== entity.id && (await store.where('id').equals(entity.id).count()) > 0)
			throw new RefusedChange(`the id "${entity.id}" is already taken`);
		if (existing) await store.put({ ...entity, seq: existing.seq });
		else await store.add({ ...entity });
	});
}

async function take<T extends Entity>(
	table: import('dexie').Table<Stored<T>, number>,
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

export async function deleteDecision(db: CapmapDatabase, id: string): Promise<Snapshot> {
	return db.transaction('rw', db.decisions, async () => ({
		decisions: await take(db.decisions, await db.decisions.where('id').equals(id).toArray())
	}));
}

/** Deletes an item and takes it out of the decisions that name it. */
export async function deleteItem(db: CapmapDatabase, id: string): Promise<Snapshot> {
	return db.transaction('rw', db.items, db.decisions, async () => {
		const items = await take(db.items, await db.items.where('id').equals(id).toArray());
		const decisions = (await db.decisions.toArray()).filter((d) => d.itemIds?.includes(id));
		await db.decisions.bulkPut(
			decisions.map((d) => ({ ...d, itemIds: d.itemIds!.filter((x) => x !== id) }))
		);
		return { items, decisions } as Snapshot;
	});
}

/** The items that require a capability, must or nice-to-have. */
export function itemsRequiring(items: readonly Item[], capabilityId: string): Item[] {
	return items.filter((item) => item.requirements.some((r) => r.capabilityId === capabilityId));
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
	return db.transaction('rw', db.capabilities, db.items, db.evidence, async () => {
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
		return { capabilities, items: dependent, evidence } as Snapshot;
	});
}

/** Deletes a model and its evidence; refused while a saved brief is about it. */
export async function deleteModel(db: CapmapDatabase, id: string): Promise<Snapshot> {
	return db.transaction('rw', db.models, db.evidence, db.briefs, async () => {
		const briefs = await db.briefs.where('modelId').equals(id).count();
		if (briefs > 0)
			throw new RefusedChange(`${briefs} saved brief(s) are about this model; delete them first`);
		const evidence = await take(
			db.evidence,
			await db.evidence.where('modelId').equals(id).toArray()
		);
		const models = await take(db.models, await db.models.where('id').equals(id).toArray());
		return { models, evidence } as Snapshot;
	});
}

/** Puts back what a delete removed or changed, in one transaction. */
export async function restore(db: CapmapDatabase, snapshot: Snapshot): Promise<void> {
	const tables = Object.keys(snapshot) as EntityTableName[];
	await db.transaction(
		'rw',
		tables.map((t) => db[t]),
		async () => {
			for (const table of tables)
				await (db[table] as unknown as import('dexie').Table<Stored<Entity>, number>).bulkPut(
					snapshot[table]!
				);
		}
	);
}

/** Writes several models at once (a scenario applied for real): one transaction. */
export async function saveModels(db: CapmapDatabase, models: readonly Model[]): Promise<void> {
	await db.transaction('rw', db.models, async () => {
		for (const model of models) {
			const existing = await db.models.where('id').equals(model.id).first();
			if (existing) await db.models.put({ ...model, seq: existing.seq });
		}
	});
}

export type { Capability, Decision, Evidence, Item, Model };
