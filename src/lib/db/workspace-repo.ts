/**
 * Reading and replacing a whole workspace. Import replaces everything in one transaction, so a
 * failed import leaves the database exactly as it was; export reads everything in one
 * transaction, so the file is one consistent moment. A workspace is checked as its file would be
 * before it is written, and so are the name and settings.
 */
import { mergeEdit } from '$lib/domain/patch';
import { DEFAULT_SETTINGS, WORKSPACE_FORMAT, WORKSPACE_VERSION } from '$lib/domain/entities';
import type { Evidence } from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';
import { loadChecks } from './check';
import { ENTITY_TABLES, type CapmapDatabase, type Stored } from './database';
import { EditConflict } from './errors';

function strip<T>(records: Stored<T>[]): T[] {
	return records.map(({ seq: _seq, ...entity }) => entity as T);
}

/**
 * Evidence is read a page at a time. One read of 100,000 records deserialises them in a single
 * task of a second or more, freezing the page; pages keep every task short.
 */
const EVIDENCE_PAGE = 5000;

async function readEvidence(db: CapmapDatabase): Promise<Stored<Evidence>[]> {
	const out: Stored<Evidence>[] = [];
	for (;;) {
		const last = out.at(-1)?.seq;
		const page = await (
			last === undefined
				? db.evidence.limit(EVIDENCE_PAGE)
				: db.evidence.where(':id').above(last).limit(EVIDENCE_PAGE)
		).toArray();
		for (const record of page) out.push(record);
		if (page.length < EVIDENCE_PAGE) return out;
	}
}

/** The stored workspace, or null before the first workspace is loaded or started. */
export async function loadWorkspace(db: CapmapDatabase): Promise<Workspace | null> {
	return db.transaction('r', [db.meta, ...ENTITY_TABLES.map((t) => db[t])], async () => {
		const meta = await db.meta.get('workspace');
		if (!meta) return null;
		const [capabilities, models, evidence, items, decisions, findings, evalRuns, briefs] =
			await Promise.all([
				db.capabilities.toArray(),
				db.models.toArray(),
				readEvidence(db),
				db.items.toArray(),
				db.decisions.toArray(),
				db.findings.toArray(),
				db.evalRuns.toArray(),
				db.briefs.toArray()
			]);
		const workspace: Workspace = {
			format: WORKSPACE_FORMAT,
			version: WORKSPACE_VERSION,
			name: meta.name,
			settings: { ...DEFAULT_SETTINGS, ...meta.settings },
			capabilities: strip(capabilities),
			models: strip(models),
			evidence: strip(evidence),
			items: strip(items),
			decisions: strip(decisions),
			findings: strip(findings),
			evalRuns: strip(evalRuns),
			briefs: strip(briefs)
		};
		return workspace;
	});
}

const everyTable = (db: CapmapDatabase) => [
	db.meta,
	db.briefVersions,
	db.briefOrigins,
	...ENTITY_TABLES.map((t) => db[t])
];

/**
 * Replaces the whole workspace in one transaction: all of it is written, or nothing is. `input`
 * is a `Workspace`, or a parsed workspace file as it came: either is checked here, once, as the
 * file format says, and only what passes is written.
 */
export async function replaceWorkspace(
	db: CapmapDatabase,
	input: Workspace | unknown
): Promise<void> {
	const workspace = (await loadChecks()).workspace(input);
	await db.transaction('rw', everyTable(db), async () => {
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
