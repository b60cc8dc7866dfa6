/**
 * Committing imports. Eval results: the new evidence and the mapping that produced it, in one
 * transaction, so tomorrow's import of the same tool needs no clicks and a failure adds nothing.
 * Roadmap items from a CSV: all of them, or none.
 */
import type { Evidence, Item } from '$lib/domain/schemas';
import type { ResultsMap } from '$lib/import/ingest';
import type { CapmapDatabase } from './database';

export async function commitImport(
	db: CapmapDatabase,
	evidence: readonly Evidence[],
	map: ResultsMap
): Promise<void> {
	await db.transaction('rw', db.evidence, db.meta, async () => {
		const meta = await db.meta.get('workspace');
		if (!meta) throw new Error('there is no workspace yet');
		const previous = meta.resultsMap ?? { models: {}, metrics: {} };
		await db.meta.put({
			...meta,
			resultsMap: {
				models: { ...previous.models, ...map.models },
				metrics: { ...previous.metrics, ...map.metrics }
			}
		});
		await db.evidence.bulkAdd([...evidence]);
	});
}

export async function rememberedMap(db: CapmapDatabase): Promise<ResultsMap> {
	return (await db.meta.get('workspace'))?.resultsMap ?? { models: {}, metrics: {} };
}

export async function addItems(db: CapmapDatabase, items: readonly Item[]): Promise<void> {
	await db.transaction('rw', db.items, async () => {
		await db.items.bulkAdd([...items]);
	});
}
