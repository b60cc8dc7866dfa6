/**
 * Committing imports. Eval results: the new evidence, the mapping that produced it and the
 * file's content hash, in one transaction, so tomorrow's import of the same tool needs no clicks,
 * the same file is recognised, and a failure adds nothing. Roadmap items from a CSV: all or none.
 */
import type { Evidence, Item } from '$lib/domain/schemas';
import type { ResultsMap } from '$lib/import/ingest';
import type { CapmapDatabase } from './database';

export interface ImportedFile {
	hash: string;
	name: string;
	at: string;
}

export async function commitImport(
	db: CapmapDatabase,
	evidence: readonly Evidence[],
	map: ResultsMap,
	file: ImportedFile
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
			},
			importedFiles: [...(meta.importedFiles ?? []).filter((f) => f.hash !== file.hash), file]
		});
		await db.evidence.bulkAdd([...evidence]);
	});
}

export async function rememberedMap(db: CapmapDatabase): Promise<ResultsMap> {
	return (await db.meta.get('workspace'))?.resultsMap ?? { models: {}, metrics: {} };
}

/** When a file with this content was imported before, its record. */
export async function importedBefore(
	db: CapmapDatabase,
	hash: string
): Promise<ImportedFile | undefined> {
	return (await db.meta.get('workspace'))?.importedFiles?.find((f) => f.hash === hash);
}

export async function addItems(db: CapmapDatabase, items: readonly Item[]): Promise<void> {
	await db.transaction('rw', db.items, async () => {
		await db.items.bulkAdd([...items]);
	});
}
