/**
 * Every change the UI can make, one typed command per action on each aggregate, in the spirit
 * of Actual Budget's handlers. Each command is one transaction (a user action changes all it
 * must, or nothing), checks its records as the workspace file would, and answers with a
 * `WriteResult` whose failure is in words (write-result.ts). Pages and components call these;
 * none of them imports the database or runs a query of its own.
 *
 *   items.save(edit) · items.remove(id) · items.add(items)
 *   capabilities.save(edit) · capabilities.remove(id, mode)
 *   models.save(edit) · models.remove(id) · models.applyScenario(overrides, decision?)
 *     · models.undoScenario(applied)
 *   evidence.save(edit) · evidence.remove(id)
 *   decisions.save(edit) · decisions.remove(id)
 *   findings.save(edit) · findings.remove(id)
 *   briefs.create(brief, origin) · briefs.save(id, edit) · briefs.regenerate(id, origin, unsaved?)
 *     · briefs.remove(id)
 *   workspace.replace(ws) · workspace.start(ws) · workspace.open(parsed file) · workspace.settings(edit) · workspace.close()
 *   undo(snapshot)
 *
 * While the workspace is open read-only (access.svelte.ts: a reader's token), every command
 * answers a `read-only` failure and touches nothing: the server would drop the change anyway,
 * and saying so here keeps a form's text and the person's trust.
 *
 * A save takes an `Edit`: the record as the form opened (null for a new one) and as it is now;
 * only the changed fields are written (entity-repo.ts).
 */
import { db as appDb } from '$lib/db';
import * as briefRepo from '$lib/db/brief-repo';
import type { CapmapDatabase } from '$lib/db/database';
import * as deletes from '$lib/db/delete-repo';
import * as saves from '$lib/db/entity-repo';
import * as imports from '$lib/db/import-repo';
import * as workspaceRepo from '$lib/db/workspace-repo';
import type { BriefOrigin } from '$lib/domain/brief-status';
import type { ModelOverride } from '$lib/domain/scenario';
import type {
	Brief,
	Capability,
	Decision,
	Evidence,
	Finding,
	Item,
	Model
} from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';
import { connectionLost, type ConnectionLoss } from '$lib/db/status';
import { access } from './access.svelte';
import { drafts } from './drafts';
import { sharingHandle } from './sharing-handle.svelte';
import {
	APPLY,
	attempt,
	DELETE,
	GENERATE,
	IMPORT,
	OPEN,
	readOnlyFailure,
	SAVE,
	UNDO,
	type Action,
	type WriteResult
} from './write-result';

export type { Edit } from '$lib/db/entity-repo';
export type { Snapshot } from '$lib/db/delete-repo';
export type { BriefText } from '$lib/db/brief-repo';
export type { WorkspaceSettings } from '$lib/db/workspace-repo';
export type { WriteFailure, WriteResult } from './write-result';

type BriefEdit = Parameters<typeof briefRepo.saveBrief>[2];
type SettingsEdit = Parameters<typeof workspaceRepo.saveSettings>[1];

/**
 * A shared workspace, when this device's is one: a whole new workspace (an import, a file
 * opened) replaces the shared content for everyone, and the local tables follow from it;
 * closing the workspace first stops sharing it on this device.
 */
export interface SharedTarget {
	replace(input: unknown): Promise<void>;
	leave(): Promise<void>;
}

export function createCommands(
	db: CapmapDatabase,
	lost: () => ConnectionLoss | null = () => null,
	now: () => string = () => new Date().toISOString(),
	shared: () => SharedTarget | null = () => null
) {
	const replace = (input: unknown) => {
		const target = shared();
		return target ? target.replace(input) : workspaceRepo.replaceWorkspace(db, input);
	};
	const run = async <T>(work: () => Promise<T>, action: Action = SAVE): Promise<WriteResult<T>> =>
		access.canEdit
			? attempt(work, action, lost)
			: { ok: false, failure: readOnlyFailure(action, access.readOnlyReason) };
	return {
		items: {
			save: (edit: saves.Edit<Item>) => run(() => saves.saveItem(db, edit)),
			remove: (id: string) => run(() => deletes.deleteItem(db, id), DELETE),
			/** Roadmap items from a CSV, added at the end: all of them or none. */
			add: (items: readonly Item[]) => run(() => imports.addItems(db, items), IMPORT)
		},
		capabilities: {
			save: (edit: saves.Edit<Capability>) => run(() => saves.saveCapability(db, edit)),
			/** `refuse` while items require it (the failure names them); `cascade` removes those requirements. */
			remove: (id: string, mode: 'refuse' | 'cascade') =>
				run(() => deletes.deleteCapability(db, id, mode), DELETE)
		},
		models: {
			save: (edit: saves.Edit<Model>) => run(() => saves.saveModel(db, edit)),
			remove: (id: string) => run(() => deletes.deleteModel(db, id), DELETE),
			/** A scenario applied for real: statuses (and dates) of several models, and its decision. */
			applyScenario: (overrides: readonly ModelOverride[], decision?: Decision) =>
				run(() => saves.applyScenario(db, overrides, decision), APPLY),
			undoScenario: (applied: saves.AppliedScenario) =>
				run(() => saves.undoScenario(db, applied), UNDO)
		},
		evidence: {
			save: (edit: saves.Edit<Evidence>) => run(() => saves.saveEvidence(db, edit)),
			remove: (id: string) => run(() => deletes.deleteEvidence(db, id), DELETE)
		},
		decisions: {
			save: (edit: saves.Edit<Decision>) => run(() => saves.saveDecision(db, edit)),
			remove: (id: string) => run(() => deletes.deleteDecision(db, id), DELETE)
		},
		findings: {
			save: (edit: saves.Edit<Finding>) => run(() => saves.saveFinding(db, edit)),
			remove: (id: string) => run(() => deletes.deleteFinding(db, id), DELETE)
		},
		briefs: {
			create: (brief: Brief, origin: BriefOrigin) =>
				run(() => briefRepo.createBrief(db, brief, origin), GENERATE),
			save: (id: string, edit: BriefEdit) => run(() => briefRepo.saveBrief(db, id, edit, now())),
			/** New text from the generator; `unsaved` text in the editor is kept as a version. */
			regenerate: (id: string, origin: BriefOrigin, unsaved?: string) =>
				run(() => briefRepo.regenerateBrief(db, id, origin, now(), unsaved)),
			remove: (id: string) => run(() => briefRepo.deleteBrief(db, id), DELETE),
			now
		},
		workspace: {
			/** Replaces the whole workspace: all of it, or nothing. */
			replace: (workspace: Workspace) => run(() => replace(workspace), OPEN),
			/**
			 * A first workspace (or file), from the welcome page: refused if one is stored after all
			 * (the welcome page can show before storage has been read: app.svelte.ts).
			 */
			start: (input: Workspace | unknown) =>
				run(() => workspaceRepo.replaceWorkspace(db, input, { onlyIfNone: true }), OPEN),
			/**
			 * A parsed workspace file, as it came: checked once, here, and written whole — or
			 * refused with every problem (`failure.problems`, as `path: sentence`).
			 */
			open: (file: unknown) => run(() => replace(file), OPEN),
			settings: (edit: SettingsEdit) => run(() => workspaceRepo.saveSettings(db, edit)),
			/** Forgets the workspace in this browser, and every unsaved draft with it. */
			close: async () => {
				const result = await run(async () => {
					await shared()?.leave();
					await workspaceRepo.clearWorkspace(db);
				}, DELETE);
				if (result.ok) drafts.clear();
				return result;
			}
		},
		/** Puts back what a delete removed. */
		undo: (snapshot: deletes.Snapshot) => run(() => deletes.restore(db, snapshot), UNDO)
	};
}

export type Commands = ReturnType<typeof createCommands>;

const bound = createCommands(appDb, connectionLost, undefined, () =>
	sharingHandle.current?.session ? sharingHandle.current : null
);

export const commands = bound;

export const {
	items,
	capabilities,
	models,
	evidence,
	decisions,
	findings,
	briefs,
	workspace,
	undo
} = bound;
