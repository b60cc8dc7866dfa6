/**
 * Reading the whole workspace, in one transaction so that it is one consistent moment: what
 * every page draws from and what an export writes. Apart from the repositories that write, so
 * that a first screen that only reads loads none of the write checks.
 */
import { DEFAULT_SETTINGS, WORKSPACE_FORMAT, WORKSPACE_VERSION } from '$lib/domain/entities';
import type { Evidence } from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';
import { ENTITY_TABLES, type CapmapDatabase, type EntityTableName, type Stored } from './database';

export function strip<T>(records: Stored<T>[]): T[] {
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
