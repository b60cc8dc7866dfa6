/**
 * The workspace, live: read whole once, then read again after every committed change, in this
 * tab or another, reading only the tables and records that changed (`workspace-reader.ts`).
 *
 * Every result handed on is one moment of the database. A read takes what changed from one
 * read-only transaction and the rest from earlier reads; the rest is still true unless a commit
 * touched it since. A commit on this page's connections that a read sees has told us so before
 * that read's results come back (IndexedDB finishes a read-write transaction, and fires its
 * `complete`, before a later read-only one over the same tables starts; Dexie fires
 * `storagemutated` from that `complete`). So when a change that this read did not take arrives
 * while it runs, its result may mix two moments: it is dropped, and the change read. Changes to
 * what the read did take may or may not be in it: the result is handed on and read again.
 *
 * A commit in another tab or the ingest worker reaches us later, through Dexie's
 * BroadcastChannel; until it does, this page shows the workspace as it was before that commit,
 * as a whole read would have between the commit and its notice. One exception, narrow: when
 * this page reads after such a commit but before its notice, for a change of its own, tables
 * the other commit also changed can be a moment apart until the notice comes, a few
 * milliseconds later, and they are read again.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import type { Workspace } from '$lib/domain/workspace';
import { ENTITY_TABLES, type CapmapDatabase } from './database';
import { StorageChanges } from './storage-changes';
import { WorkspaceReader } from './workspace-reader';

export interface WorkspaceObserver {
	next(workspace: Workspace | null): void;
	error(error: unknown): void;
}

/** Every table the workspace is read from. */
const TABLES: readonly string[] = ['meta', ...ENTITY_TABLES];

/** Follows the workspace in `db` until the returned function is called. */
export function followWorkspace(db: CapmapDatabase, observer: WorkspaceObserver): () => void {
	const reader = new WorkspaceReader(db);
	/** Changes noticed and not read yet. */
	let pending = StorageChanges.everything(TABLES);
	let reading = false;
	let stopped = false;

	function noticed(parts: ObservabilitySet): void {
		const changes = StorageChanges.fromParts(parts, db.name, TABLES);
		if (changes.isEmpty) return;
		pending.merge(changes);
		if (!reading) void readWhilePending();
	}

	async function readWhilePending(): Promise<void> {
		reading = true;
		try {
			/** Results dropped in a row: a stream of commits must not keep the page from ever updating. */
			let dropped = 0;
			/** Failed reads in a row, for the wait before the next try. */
			let failed = 0;
			while (!stopped && !pending.isEmpty) {
				const batch = pending;
				pending = new StorageChanges();
				let result;
				try {
					result = await reader.read(batch);
					failed = 0;
				} catch (error) {
					// When in doubt, read everything: the failed batch's changes are not lost, they are
					// read again (after a wait that grows, so a closed database is not asked in a loop).
					reader.forget();
					if (!stopped) observer.error(error);
					pending = StorageChanges.everything(TABLES);
					await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 100 * 2 ** failed++)));
					continue;
				}
				if (stopped) return;
				// A change this read did not take arrived meanwhile: it may have been committed before
				// the read's moment, so the tables it handed on may be older than the ones it read.
				// After two such drops the next read takes every table, in one transaction: one moment
				// by itself, never dropped.
				if (!pending.coveredBy(result.read)) {
					if (++dropped >= 2) pending = StorageChanges.everything(TABLES);
					continue;
				}
				dropped = 0;
				observer.next(result.workspace);
			}
		} finally {
			reading = false;
		}
	}

	Dexie.on.storagemutated.subscribe(noticed);
	void readWhilePending();
	return () => {
		stopped = true;
		Dexie.on.storagemutated.unsubscribe(noticed);
	};
}
