/**
 * The shared doc into the local database: the tables every page, chart, brief and export reads
 * are the doc's read model, kept in step with it.
 *
 * A change that only edits fields of records that are there (someone typed, renamed, moved a
 * date) is written record by record, each checked as a form's save is. Anything else — records
 * added, deleted or restored, a whole upload or import, or a record that fails its check alone —
 * re-reads the whole doc, checks it as the workspace file is checked, and writes what differs, in
 * one transaction. A doc that fails the check (a broken client wrote it) is not written at all:
 * the local tables keep the last good state and `onProblem` says what is wrong.
 *
 * A whole write into tables that hold no workspace yet (a join), or one of many records, takes
 * seconds; the workspace it writes has been read and checked by then, so it is handed to
 * `showWhileWriting` first, with a promise of the write's commit: the app draws it from memory
 * meanwhile instead of waiting for its tables.
 */
import Dexie, { type Table } from 'dexie';
import * as Y from 'yjs';
import { loadChecks, NAMED_BY } from '$lib/db/check';
import { withoutSeq, type CapmapDatabase, type Stored } from '$lib/db/database';
import { DEFAULT_SETTINGS } from '$lib/domain/entities';
import { sameValue } from '$lib/domain/patch';
import type { ValidationResult, Workspace } from '$lib/domain/workspace';
import { PERF_MARKS } from '$lib/perf-marks';
import { RECORD_KINDS, type RecordKind } from '$lib/sync/kinds';
import { fromDoc, LOCAL_ORIGIN } from './local-to-doc';
import { DELETED, readRecordMap } from '$lib/sync/record-map';
import { kindMap, META, readWorkspace } from '$lib/sync/workspace-doc';

type Fields = Record<string, unknown> & { id: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types by their events
type YType = Y.AbstractType<any>;
type Rows = Table<Stored<Fields>, number>;

/** What a batch of doc changes touched. */
interface Touched {
	/** Records added, removed, deleted or restored, or the meta: the whole doc is read again. */
	whole: boolean;
	records: Map<RecordKind, Set<string>>;
}

/**
 * Told when a long whole write starts: `workspace` is what the tables will hold once `written`
 * resolves (it rejects if the write fails, and the tables keep what they held).
 */
export type ShowWhileWriting = (workspace: Workspace, written: Promise<void>) => void;

export interface ReadModel {
	/** Re-reads the whole doc into the local tables now (a first load, a reconnect). */
	refresh(): Promise<void>;
	/** Resolves once every change seen so far is in the local tables. */
	settled(): Promise<void>;
	stop(): void;
}

/**
 * Keeps the local tables in step with `doc` from now on. `onProblem` hears why the doc could not
 * be read (undefined once it can again); `showWhileWriting`, when a long whole write starts.
 */
export function keepReadModel(
	db: CapmapDatabase,
	doc: Y.Doc,
	onProblem: (problem: string | undefined) => void,
	showWhileWriting?: ShowWhileWriting
): ReadModel {
	const kindOf = new Map<YType, RecordKind>(
		RECORD_KINDS.map((kind) => [kindMap(doc, kind) as YType, kind])
	);
	const meta = doc.getMap(META);
	let touched: Touched = { whole: false, records: new Map() };
	let running: Promise<void> = Promise.resolve();
	let scheduled = false;
	/** The last whole read failed its check: the next change is read whole again. */
	let needsWhole = false;

	/** The record a changed type belongs to: its kind and id, if it is inside one. */
	function recordOf(type: YType): [RecordKind, string] | undefined {
		let child = type;
		for (;;) {
			const item = child._item;
			if (!item) return undefined;
			const parent = item.parent as YType;
			const kind = kindOf.get(parent);
			if (kind) return item.parentSub ? [kind, item.parentSub] : undefined;
			child = parent;
		}
	}

	function note(transaction: Y.Transaction): void {
		if (transaction.origin === LOCAL_ORIGIN) return;
		for (const [type, keys] of transaction.changed) {
			if (kindOf.has(type) || type === (meta as YType)) touched.whole = true;
			else if (type._item === null)
				continue; // the history of writes: nothing to read
			else {
				const found = recordOf(type);
				if (!found) continue;
				if (keys.has(DELETED)) touched.whole = true;
				const [kind, id] = found;
				let ids = touched.records.get(kind);
				if (!ids) touched.records.set(kind, (ids = new Set()));
				ids.add(id);
			}
		}
		if (!scheduled && (touched.whole || touched.records.size > 0)) {
			scheduled = true;
			// After the current task: a burst of updates from the server is read once.
			setTimeout(() => {
				scheduled = false;
				const batch = touched;
				touched = { whole: false, records: new Map() };
				running = running.then(() => apply(batch)).catch(reportFailure);
			}, 0);
		}
	}

	function reportFailure(error: unknown): void {
		onProblem(`the shared workspace could not be written on this device: ${String(error)}`);
	}

	async function apply(batch: Touched): Promise<void> {
		if (batch.whole || needsWhole) return applyWhole();
		const start = performance.now();
		const written = await applyRecords(batch.records);
		performance.measure(PERF_MARKS.readModelRecords, { start, end: performance.now() });
		if (!written) await applyWhole();
	}

	/** Writes the touched records one by one; false when the whole doc must be read instead. */
	async function applyRecords(records: Map<RecordKind, Set<string>>): Promise<boolean> {
		const check = await loadChecks();
		const kinds = RECORD_KINDS.filter((kind) => records.has(kind));
		const tables = new Set(kinds.flatMap((kind) => [kind, ...NAMED_BY[kind]]));
		return db.transaction(
			'rw',
			[...tables].map((name) => db[name]),
			async (transaction) => {
				fromDoc.add(transaction);
				for (const kind of kinds) {
					const ids = [...records.get(kind)!];
					const table = db[kind] as unknown as Rows;
					const stored = await table.where('id').anyOf(ids).toArray();
					if (stored.length !== ids.length) return false;
					const maps = ids.map((id) => kindMap(doc, kind).get(id));
					if (maps.some((map) => !map || map.get(DELETED) !== undefined)) return false;
					const next = ids.map((id, i) => readRecordMap(kind, id, maps[i]!) as Fields);
					const pools: Partial<Workspace> = {};
					for (const pool of NAMED_BY[kind]) {
						const rows = (await (db[pool] as unknown as Rows).toArray()).map(withoutSeq);
						(pools as Record<string, Fields[]>)[pool] =
							pool === kind ? rows.filter((row) => !ids.includes(row.id)) : rows;
					}
					let checked: Fields[];
					try {
						checked = check.records(kind, next as never[], pools) as unknown as Fields[];
					} catch {
						return false;
					}
					const seqOf = new Map(stored.map((row) => [row.id, row.seq]));
					await table.bulkPut(checked.map((record) => ({ ...record, seq: seqOf.get(record.id) })));
				}
				return true;
			}
		);
	}

	async function applyWhole(): Promise<void> {
		const read = () => {
			const start = performance.now();
			const result = readWorkspace(doc);
			performance.measure(PERF_MARKS.readModelRead, { start, end: performance.now() });
			return result;
		};
		const shown = handOver(showWhileWriting);
		const problem = await writeWhole(db, read, shown.show).catch((error: unknown) => {
			shown.failed(error);
			throw error;
		});
		shown.committed();
		// Owed until a whole read succeeds: a later field edit alone must not clear it.
		needsWhole = problem !== undefined;
		onProblem(problem);
	}

	const observer = (transaction: Y.Transaction) => note(transaction);
	doc.on('afterTransaction', observer);

	return {
		refresh() {
			running = running.then(applyWhole).catch(reportFailure);
			return running;
		},
		async settled() {
			while (scheduled) await new Promise((resolve) => setTimeout(resolve, 0));
			await running;
		},
		stop() {
			doc.off('afterTransaction', observer);
		}
	};
}

/**
 * Records that make a whole write long enough to show the workspace before it is written: about
 * half a second of writing (a join of 55,000 records takes three).
 */
const LONG_WRITE = 10_000;

/**
 * Makes the local tables hold `workspace`, writing only what differs: records kept keep their
 * place, new ones go after them in the doc's order, removed ones go. Into tables that hold no
 * workspace, or with LONG_WRITE records or more to write, the workspace is given to `show` before
 * the first is written.
 */
async function writeWhole(
	db: CapmapDatabase,
	read: () => ValidationResult,
	show: (workspace: Workspace) => void
): Promise<string | undefined> {
	return db.transaction('rw', [db.meta, ...RECORD_KINDS.map((kind) => db[kind])], async (tx) => {
		fromDoc.add(tx);
		const meta = await db.meta.get('workspace');
		// The doc is read now, with the tables held: a local change that committed before this
		// transaction is in the doc already, so its value is not written over with an older one.
		const result = read();
		if (!result.ok) {
			const first = result.problems[0]!;
			const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
			return `the shared workspace holds something this app cannot read — ${first.path}: ${first.message}${more}`;
		}
		const written = performance.now();
		const workspace = result.workspace;
		const changes = await changesFrom(db, workspace);
		const puts = changes.reduce((sum, change) => sum + change.put.length, 0);
		if (!meta || puts >= LONG_WRITE) show(workspace);
		const settings = { ...DEFAULT_SETTINGS, ...workspace.settings };
		if (!meta || meta.name !== workspace.name || !sameValue(meta.settings, settings))
			await db.meta.put({ ...meta, key: 'workspace', name: workspace.name, settings });
		for (const { table, put, gone } of changes) {
			if (gone.length > 0) await table.bulkDelete(gone);
			await putInChunks(table, put);
		}
		performance.measure(PERF_MARKS.readModelWrite, { start: written, end: performance.now() });
		return undefined;
	});
}

/**
 * Gives a workspace about to be written to `showWhileWriting` (if any) with a promise of the
 * write's end, which `committed` or `failed` settles once the write's transaction has.
 */
function handOver(showWhileWriting: ShowWhileWriting | undefined) {
	let written: { resolve(): void; reject(error: unknown): void } | undefined;
	return {
		show(workspace: Workspace): void {
			if (!showWhileWriting) return;
			const promise = new Promise<void>((resolve, reject) => (written = { resolve, reject }));
			// Outside the write's transaction: what the app does with it is not part of the write.
			Dexie.ignoreTransaction(() => showWhileWriting(workspace, promise));
		},
		committed: () => written?.resolve(),
		failed: (error: unknown) => written?.reject(error)
	};
}

interface TableChange {
	table: Rows;
	put: Stored<Fields>[];
	/** The `seq` of the rows to delete. */
	gone: number[];
}

/** What differs between the local tables and `workspace`, table by table. */
async function changesFrom(db: CapmapDatabase, workspace: Workspace): Promise<TableChange[]> {
	const changes: TableChange[] = [];
	for (const kind of RECORD_KINDS) {
		const table = db[kind] as unknown as Rows;
		// Kept records keep their place (and their `seq`, which an undo's snapshot holds); new
		// ones go last. So a record restored on another device is listed last here.
		const stored = new Map((await table.toArray()).map((row) => [row.id, row]));
		const put: Stored<Fields>[] = [];
		for (const record of workspace[kind] as Fields[]) {
			const row = stored.get(record.id);
			stored.delete(record.id);
			if (!row) put.push(record);
			else if (!sameValue(withoutSeq(row), record)) put.push({ ...record, seq: row.seq });
		}
		changes.push({ table, put, gone: [...stored.values()].map((row) => row.seq!) });
	}
	return changes;
}

/**
 * Records written per batch of requests. A join writes 55,000 records: in one batch that is
 * over a second of the main thread in one task (each put copies its record there), with the
 * page frozen. In batches the page gets a frame between them; one batch is always queued while
 * the one before is written, so the database never waits for the page and the total stays the
 * same.
 */
const CHUNK = 2000;

async function putInChunks(table: Rows, rows: Stored<Fields>[]): Promise<void> {
	let writing: Promise<unknown> = Promise.resolve();
	for (let start = 0; start < rows.length; start += CHUNK) {
		const queued = table.bulkPut(rows.slice(start, start + CHUNK));
		await writing;
		writing = queued;
	}
	await writing;
}
