/**
 * Reading and replacing a whole workspace. Import replaces everything in one transaction, so a
 * failed import leaves the database exactly as it was; export reads everything in one
 * transaction, so the file is one consistent moment. A workspace is checked as its file would be
 * before it is written, and so are the name and settings.
 */
import { mergeEdit } from '$lib/domain/patch';
import { DEFAULT_SETTINGS } from '$lib/domain/entities';
import type { Workspace } from '$lib/domain/workspace';
import { loadChecks } from './check';
import { ENTITY_TABLES, type CapmapDatabase } from './database';
import { EditConflict, RefusedChange } from './errors';

export { loadWorkspace } from './workspace-read';

const everyTable = (db: CapmapDatabase) => [
	db.meta,
	db.briefVersions,
	db.briefOrigins,
	...ENTITY_TABLES.map((t) => db[t])
];

/**
 * Replaces the whole workspace in one transaction: all of it is written, or nothing is. `input`
 * is a `Workspace`, or a parsed workspace file as it came: either is checked here, once, as the
 * file format says, and only what passes is written. `onlyIfNone` refuses when a workspace is
 * already stored: the welcome page's first workspace never replaces one it has not seen.
 */
export async function replaceWorkspace(
	db: CapmapDatabase,
	input: Workspace | unknown,
	{ onlyIfNone = false } = {}
): Promise<void> {
	const workspace = (await loadChecks()).workspace(input);
	await db.transaction('rw', everyTable(db), async () => {
		if (onlyIfNone && (await db.meta.get('workspace')))
			throw new RefusedChange(
				'this browser already holds a workspace, which is opening now — nothing was replaced'
			);
		await Promise.all([
			db.briefVersions.clear(),
			db.briefOrigins.clear(),
			...ENTITY_TABLES.map((table) => db[table].clear())
		]);
		await db.meta.put({ key: 'workspace', name: workspace.name, settings: workspace.settings });
		// bulkAdd in file order: the auto-increment `seq` then keeps that order.
		await db.capabilities.bulkAdd(workspace.capabilities);
		await db.models.bulkAdd(workspace.models);
		await db.evidence.bulkAdd(workspace.evidence);
		await db.items.bulkAdd(workspace.items);
		await db.decisions.bulkAdd(workspace.decisions);
		await db.findings.bulkAdd(workspace.findings);
		await db.evalRuns.bulkAdd(workspace.evalRuns);
		await db.briefs.bulkAdd(workspace.briefs);
	});
}

/** The workspace's name and settings, as the settings form edits them. */
export interface WorkspaceSettings {
	name: string;
	staleAfterDays: number;
	minSampleSize: number;
}

/** Saves the settings that changed from `base`, as any field-level edit (entity-repo.ts). */
export async function saveSettings(
	db: CapmapDatabase,
	edit: { base: WorkspaceSettings; next: WorkspaceSettings; overwrite?: readonly string[] }
): Promise<WorkspaceSettings> {
	const check = await loadChecks();
	return db.transaction('rw', db.meta, async () => {
		const meta = await db.meta.get('workspace');
		if (!meta) throw new Error('there is no workspace yet');
		const settings = { ...DEFAULT_SETTINGS, ...meta.settings };
		const stored: WorkspaceSettings = { name: meta.name, ...settings };
		const merged = mergeEdit(stored, edit.base, edit.next, edit.overwrite);
		if (merged.conflicts.length > 0) throw new EditConflict(merged.conflicts, stored);
		const { name, ...next } = merged.record;
		const checked = check.settings(name, { ...settings, ...next });
		await db.meta.put({ ...meta, ...checked });
		return { name: checked.name, ...checked.settings };
	});
}

/** Forgets the workspace: the welcome page shows again. */
export async function clearWorkspace(db: CapmapDatabase): Promise<void> {
	await db.transaction('rw', everyTable(db), async () => {
		await Promise.all(everyTable(db).map((table) => table.clear()));
	});
}
