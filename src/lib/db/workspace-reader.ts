/**
 * Reading the workspace again after a change, reading only what changed. A field edit on a
 * workspace of 55,000 records re-read whole costs most of a second (deserialising every record);
 * read here, it costs the one record. The reader keeps its last read of each table: tables that
 * did not change are handed on as the same arrays, records that did not change as the same
 * objects, so what is derived from them downstream can tell what stayed (and skip it).
 *
 * Each read is one read-only transaction over every table, so what it reads is one moment.
 * Whether the tables it did not read are still that moment's is the caller's to check
 * (`workspace-follow.ts`): it knows which changes arrived while the read ran.
 */
import { DEFAULT_SETTINGS } from '$lib/domain/entities';
import type { Settings } from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';
import {
	ENTITY_TABLES,
	withoutSeq,
	type CapmapDatabase,
	type EntityTableName,
	type Stored
} from './database';
import { StorageChanges } from './storage-changes';
import { assembleWorkspace, readTable } from './workspace-read';

type Entity = Workspace[EntityTableName][number];

/** One table as last read: its records without `seq`, and their `seq`s, both in `seq` order. */
interface TableRead {
	seqs: number[];
	rows: Entity[];
}

interface MetaRead {
	/** The name and settings as stored, to tell whether they changed. */
	stored: string;
	name: string;
	settings: Settings;
}

export interface WorkspaceRead {
	workspace: Workspace | null;
	/** What this read took from the database (the rest it handed on from the last read). */
	read: StorageChanges;
}

export class WorkspaceReader {
	readonly #db: CapmapDatabase;
	#tables = new Map<EntityTableName, TableRead>();
	#meta: MetaRead | undefined;

	constructor(db: CapmapDatabase) {
		this.#db = db;
	}

	/** Drops the last read: the next one reads everything. */
	forget(): void {
		this.#tables = new Map();
		this.#meta = undefined;
	}

	/**
	 * The workspace now, reading the tables and records in `changed` (and any table not read
	 * before) and taking the rest from the last read.
	 */
	async read(changed: StorageChanges): Promise<WorkspaceRead> {
		const db = this.#db;
		// The name and settings (one record) are read every time.
		const read = StorageChanges.everything(['meta']);
		const result = await db.transaction(
			'r',
			[db.meta, ...ENTITY_TABLES.map((table) => db[table])],
			async () => {
				const meta = await db.meta.get('workspace');
				if (!meta) return null;
				const tables = new Map<EntityTableName, TableRead>();
				await Promise.all(
					ENTITY_TABLES.map(async (table) => {
						const last = this.#tables.get(table);
						const change = changed.of(table);
						if (!last || change === 'whole') {
							tables.set(table, await this.#readWhole(table));
							read.merge(StorageChanges.everything([table]));
						} else if (change === undefined) tables.set(table, last);
						else {
							tables.set(table, await this.#readRecords(table, last, change));
							read.merge(StorageChanges.ofRecords(table, change));
						}
					})
				);
				return { meta: this.#metaOf(meta.name, meta.settings), tables };
			}
		);
		if (!result) {
			this.forget();
			return { workspace: null, read: StorageChanges.everything(['meta', ...ENTITY_TABLES]) };
		}
		this.#tables = result.tables;
		this.#meta = result.meta;
		const rows = Object.fromEntries(
			ENTITY_TABLES.map((table) => [table, result.tables.get(table)!.rows])
		) as { [K in EntityTableName]: Workspace[K] };
		const workspace = assembleWorkspace(result.meta.name, result.meta.settings, rows);
		return { workspace, read };
	}

	/** The name and settings, as the same object as last time when they did not change. */
	#metaOf(name: string, settings: Settings): MetaRead {
		const stored = JSON.stringify([name, settings]);
		if (this.#meta?.stored === stored) return this.#meta;
		return { stored, name, settings: { ...DEFAULT_SETTINGS, ...settings } };
	}

	async #readWhole(table: EntityTableName): Promise<TableRead> {
		const records = await readTable(this.#db, table);
		const seqs = new Array<number>(records.length);
		const rows = new Array<Entity>(records.length);
		records.forEach(({ seq, ...entity }, i) => {
			seqs[i] = seq!;
			rows[i] = entity as Entity;
		});
		return { seqs, rows };
	}

	/** The last read of `table` with the records of `keys` read again: put, added or deleted. */
	async #readRecords(
		table: EntityTableName,
		last: TableRead,
		keys: ReadonlySet<number>
	): Promise<TableRead> {
		const wanted = [...keys].sort((a, b) => a - b);
		const records = (await this.#db[table].bulkGet(wanted)) as (Stored<Entity> | undefined)[];
		const seqs = [...last.seqs];
		const rows = [...last.rows];
		wanted.forEach((seq, i) => {
			const record = records[i];
			const at = positionOf(seqs, seq);
			const there = seqs[at] === seq;
			if (record) {
				const entity = withoutSeq<Entity>(record);
				if (there) rows[at] = entity;
				else {
					seqs.splice(at, 0, seq);
					rows.splice(at, 0, entity);
				}
			} else if (there) {
				seqs.splice(at, 1);
				rows.splice(at, 1);
			}
		});
		return { seqs, rows };
	}
}

/** Where `seq` is in the ascending `seqs`, or where it would go. */
function positionOf(seqs: readonly number[], seq: number): number {
	let low = 0;
	let high = seqs.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (seqs[mid]! < seq) low = mid + 1;
		else high = mid;
	}
	return low;
}
