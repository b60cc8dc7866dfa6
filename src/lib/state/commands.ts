/**
 * Every change the UI can make, bound to the app's database. Pages and components call these;
 * none of them imports the database or runs a query of its own.
 */
import { db } from '$lib/db';
import * as entities from '$lib/db/entity-repo';
import * as workspace from '$lib/db/workspace-repo';
import type { EntityTableName } from '$lib/db/database';
import type { Model } from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';

export { RefusedChange, itemsRequiring, type Snapshot } from '$lib/db/entity-repo';

export const commands = {
	replaceWorkspace: (ws: Workspace) => workspace.replaceWorkspace(db, ws),
	updateWorkspaceMeta: (changes: Parameters<typeof workspace.updateWorkspaceMeta>[1]) =>
		workspace.updateWorkspaceMeta(db, changes),
	clearWorkspace: () => workspace.clearWorkspace(db),
	saveEntity: <T extends { id: string }>(table: EntityTableName, entity: T, previousId?: string) =>
		entities.saveEntity(db, table, entity, previousId),
	saveModels: (models: readonly Model[]) => entities.saveModels(db, models),
	deleteItem: (id: string) => entities.deleteItem(db, id),
	deleteCapability: (id: string, mode: 'refuse' | 'cascade') =>
		entities.deleteCapability(db, id, mode),
	deleteModel: (id: string) => entities.deleteModel(db, id),
	deleteEvidence: (id: string) => entities.deleteEvidence(db, id),
	deleteDecision: (id: string) => entities.deleteDecision(db, id),
	restore: (snapshot: entities.Snapshot) => entities.restore(db, snapshot)
};

import * as briefs from '$lib/db/brief-repo';
import type { BriefOrigin } from '$lib/domain/brief-status';
import type { Brief } from '$lib/domain/schemas';

const now = () => new Date().toISOString();

export const briefCommands = {
	create: (brief: Brief, origin: BriefOrigin) => briefs.createBrief(db, brief, origin),
	save: (id: string, changes: { title: string; markdown: string }) =>
		briefs.saveBrief(db, id, changes, now()),
	regenerate: (id: string, origin: BriefOrigin) => briefs.regenerateBrief(db, id, origin, now()),
	remove: (id: string) => briefs.deleteBrief(db, id),
	now
};

import * as imports from '$lib/db/import-repo';
import type { Evidence, Item } from '$lib/domain/schemas';
import type { ResultsMap } from '$lib/import/ingest';

export const importCommands = {
	commit: (evidence: readonly Evidence[], map: ResultsMap, file: { hash: string; name: string }) =>
		imports.commitImport(db, evidence, map, { ...file, at: now() }),
	importedBefore: (hash: string) => imports.importedBefore(db, hash),
	rememberedMap: () => imports.rememberedMap(db),
	addItems: (items: readonly Item[]) => imports.addItems(db, items)
};
