/**
 * Reading the whole workspace, in one transaction so that it is one consistent moment: what
 * every page draws from and what an export writes. Apart from the repositories that write, so
 * that a first screen that only reads loads none of the write checks.
 */
import { DEFAULT_SETTINGS, WORKSPACE_FORMAT, WORKSPACE_VERSION } from '$lib/domain/entities';
import type { Evidence, Settings } from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';
import {
	ENTITY_TABLES,
	withoutSeq,
	type CapmapDatabase,
	type EntityTableName,
	type Stored
} from './database';

/** The workspace of these tables' records, under this name and these (complete) settings. */
export function assembleWorkspace(
	name: string,
	settings: Settings,
	rows: { [K in EntityTableName]: Workspace[K] }
): Workspace {
	return { format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, name, settings, ...rows };
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

/** One entity table, whole, in `seq` order (evidence a page at a time). */
export function readTable(
	db: CapmapDatabase,
	table: EntityTableName
): Promise<Stored<Workspace[EntityTableName][number]>[]> {
	return table === 'evidence' ? readEvidence(db) : db[table].toArray();
}

/** The stored workspace, or null before the first workspace is loaded or started. */
export async function loadWorkspace(db: CapmapDatabase): Promise<Workspace | null> {
	return db.transaction('r', [db.meta, ...ENTITY_TABLES.map((t) => db[t])], async () => {
		const meta = await db.meta.get('workspace');
		if (!meta) return null;
		const tables = await Promise.all(ENTITY_TABLES.map((table) => readTable(db, table)));
		const rows = Object.fromEntries(
			ENTITY_TABLES.map((table, i) => [table, tables[i]!.map(withoutSeq)])
		) as { [K in EntityTableName]: Workspace[K] };
		return assembleWorkspace(meta.name, { ...DEFAULT_SETTINGS, ...meta.settings }, rows);
	});
}
