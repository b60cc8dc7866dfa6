/**
 * Where Capmap keeps a workspace: one IndexedDB database, "capmap", in this browser profile.
 *
 *   capabilities, models, evidence, items, decisions, briefs — one record per entity, as the
 *     domain schemas define it, plus `seq`, an auto-increment key that keeps file order (the
 *     board, the exported file and `capmap readiness` all list items in the order they came).
 *   meta — one record, key "workspace": the workspace name and settings, and the remembered
 *     mapping of eval tools' names to workspace ids (not part of the workspace file).
 *   findings, evalRuns (v3) — workspace file version 2's findings and eval runs, kept so that a
 *     file imported and exported again loses nothing.
 *   briefVersions (v2) — every earlier text of a saved brief, so a save never loses the last one.
 *   briefOrigins (v2) — per brief, the Markdown it was generated as and the evidence behind each
 *     reference, to tell when the workspace has moved on ("out of date").
 *   Versions and origins are this browser's history of its briefs; the workspace file carries
 *   the briefs themselves (DESIGN.md), not their history.
 *
 * !!! The database name, table names and indexes below are a storage format. Change them only by
 * adding a new `this.version(n)` with an upgrade function, never by editing an old one, and add an
 * upgrade test from a fixture of the previous version (database.spec.ts). Users' data depends on it.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { BriefOrigin } from '$lib/domain/brief-status';
import type { ResultsMap } from '$lib/domain/results-map';
import type {
	Brief,
	Capability,
	Decision,
	EvalRun,
	Evidence,
	Finding,
	Item,
	Model,
	Settings
} from '$lib/domain/schemas';
import { DEFAULT_SETTINGS, RECORD_KINDS } from '$lib/domain/entities';
import { DATABASE_NAME } from './status';

/** A stored entity: the domain record plus its storage position. */
export type Stored<T> = T & { seq?: number };

/** A stored record as the workspace holds it: without the table's own `seq`. */
export const withoutSeq = <T>({ seq: _seq, ...record }: Stored<T>): T => record as T;

export interface WorkspaceMeta {
	key: 'workspace';
	name: string;
	settings: Settings;
	/** How this workspace maps eval tools' model and metric names (remembered between imports). */
	resultsMap?: ResultsMap;
	/** Content hashes of the eval-results files already imported, with when and under what name. */
	importedFiles?: { hash: string; name: string; at: string }[];
}

export interface BriefVersion {
	seq?: number;
	briefId: string;
	markdown: string;
	savedAt: string;
}

export type StoredBriefOrigin = BriefOrigin & { briefId: string };

/** Each schema version as it was released. Append a new one; never edit an old one. */
export const SCHEMA_VERSIONS: Record<number, Record<string, string>> = {
	1: {
		capabilities: '++seq, &id',
		models: '++seq, &id',
		evidence: '++seq, &id, modelId, capabilityId',
		items: '++seq, &id',
		decisions: '++seq, &id',
		briefs: '++seq, &id, modelId',
		meta: 'key'
	},
	2: {
		briefVersions: '++seq, briefId',
		briefOrigins: 'briefId'
	},
	3: {
		findings: '++seq, &id',
		evalRuns: '++seq, &id, modelId'
	}
};

/**
 * Upgrade functions by the version they upgrade to. v3 (workspace file version 2): settings gain
 * `minSampleSize`. Models and capabilities without roles keep meaning `llm`, so they are carried
 * over as they are.
 */
export const SCHEMA_UPGRADES: Record<number, (tx: Transaction) => Promise<unknown>> = {
	3: (tx) =>
		tx
			.table<WorkspaceMeta, string>('meta')
			.toCollection()
			.modify((meta) => {
				meta.settings = { ...DEFAULT_SETTINGS, ...meta.settings };
			})
};

/** One table per list of the workspace file, named as the list is (a storage format too). */
export const ENTITY_TABLES = RECORD_KINDS;
export type EntityTableName = (typeof ENTITY_TABLES)[number];

export class CapmapDatabase extends Dexie {
	capabilities!: Table<Stored<Capability>, number>;
	models!: Table<Stored<Model>, number>;
	evidence!: Table<Stored<Evidence>, number>;
	items!: Table<Stored<Item>, number>;
	decisions!: Table<Stored<Decision>, number>;
	findings!: Table<Stored<Finding>, number>;
	evalRuns!: Table<Stored<EvalRun>, number>;
	briefs!: Table<Stored<Brief>, number>;
	meta!: Table<WorkspaceMeta, string>;
	briefVersions!: Table<BriefVersion, number>;
	briefOrigins!: Table<StoredBriefOrigin, string>;

	constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
		super(name, options);
		for (const [version, stores] of Object.entries(SCHEMA_VERSIONS)) {
			const declared = this.version(Number(version)).stores(stores);
			const upgrade = SCHEMA_UPGRADES[Number(version)];
			if (upgrade) declared.upgrade(upgrade);
		}
	}
}
