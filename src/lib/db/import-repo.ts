/**
 * Committing imports. Eval results: the new evidence, the file's eval runs, the mapping that
 * produced them and the file's content hash, in one transaction, so tomorrow's import of the same
 * tool needs no clicks, the same file is recognised, and a failure adds nothing. Roadmap items from a CSV: all or none.
 * Either way every record is checked as the workspace file would check it first: a results file
 * that yields a record the file format refuses (a fractional sample count, say) imports nothing,
 * and the message names the record.
 */
import type { ResultsMap } from '$lib/domain/results-map';
import type { Capability, EvalRun, Evidence, Item, Model } from '$lib/domain/schemas';
import { loadChecks } from './check';
import { withoutSeq, type CapmapDatabase } from './database';

export interface ImportedFile {
	hash: string;
	name: string;
	at: string;
}

export async function commitImport(
	db: CapmapDatabase,
	evidence: readonly Evidence[],
	map: ResultsMap,
	file: ImportedFile,
	runs: readonly EvalRun[] = [],
	created: { models: readonly Model[]; capabilities: readonly Capability[] } = {
		models: [],
		capabilities: []
	}
): Promise<void> {
	const tables = [db.evidence, db.evalRuns, db.meta, db.models, db.capabilities];
	const check = await loadChecks();
	await db.transaction('rw', tables, async () => {
		const meta = await db.meta.get('workspace');
		if (!meta) throw new Error('there is no workspace yet');
		// Made on the mapping screen: checked as the file would check them, added first.
		const storedModels = (await db.models.toArray()).map(withoutSeq);
		const storedCapabilities = (await db.capabilities.toArray()).map(withoutSeq);
		const newModels = check.records('models', created.models, { models: storedModels });
		const newCapabilities = check.records('capabilities', created.capabilities, {
			capabilities: storedCapabilities
		});
		const models = [...storedModels, ...newModels];
		const capabilities = [...storedCapabilities, ...newCapabilities];
		const checked = check.records(
			'evidence',
			evidence,
			{ models, capabilities },
			(e) => `${e.modelId} on ${e.capabilityId}, from “${e.source.title}”`
		);
		// Run ids are unique in the table: a run stored meanwhile fails the whole transaction.
		const checkedRuns = check.records(
			'evalRuns',
			runs,
			{ models },
			(r) => `${r.tool} ${r.suite || 'default suite'} on ${r.modelId} (${r.ranAt})`
		);
		const previous = meta.resultsMap ?? { models: {}, metrics: {} };
		await db.meta.put({
			...meta,
			resultsMap: {
				models: { ...previous.models, ...map.models },
				metrics: { ...previous.metrics, ...map.metrics }
			},
			importedFiles: [...(meta.importedFiles ?? []).filter((f) => f.hash !== file.hash), file]
		});
		await db.models.bulkAdd(newModels);
		await db.capabilities.bulkAdd(newCapabilities);
		await db.evidence.bulkAdd(checked);
		await db.evalRuns.bulkAdd(checkedRuns);
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

/** Adds roadmap items at the end, in the order given: all of them, or none. */
export async function addItems(db: CapmapDatabase, items: readonly Item[]): Promise<void> {
	const check = await loadChecks();
	await db.transaction('rw', db.items, db.capabilities, async () => {
		const checked = check.records(
			'items',
			items,
			{
				items: (await db.items.toArray()).map(withoutSeq),
				capabilities: (await db.capabilities.toArray()).map(withoutSeq)
			},
			(item) => `“${item.title}”`
		);
		await db.items.bulkAdd(checked);
	});
}
