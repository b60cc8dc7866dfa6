/**
 * What changed in the stored tables, as Dexie's `storagemutated` event tells it: per table,
 * either the primary keys (`seq`) of the records put or deleted, or "the whole table" when the
 * event does not say which (a bulk write of 50 records or more, a clear, a range delete).
 *
 * Dexie fires the event once per committed read-write transaction, with everything that
 * transaction changed, for this context's connections at once and for other tabs' and workers'
 * through a BroadcastChannel (their parts arrive structured-cloned: plain objects, no RangeSet
 * methods, so the trees are walked here by hand).
 */
import type { IntervalTree, IntervalTreeNode, ObservabilitySet } from 'dexie';

/** A table's changed primary keys, or `'whole'` when any record may have changed. */
export type TableChange = ReadonlySet<number> | 'whole';

/** A table is read whole rather than record by record when more keys than this changed. */
export const RECORD_READ_LIMIT = 200;

export class StorageChanges {
	readonly #tables = new Map<string, Set<number> | 'whole'>();

	/** Every table changed, for a first read or when in doubt. */
	static everything(tables: readonly string[]): StorageChanges {
		const changes = new StorageChanges();
		for (const table of tables) changes.#tables.set(table, 'whole');
		return changes;
	}

	/** These records of `table` changed. */
	static ofRecords(table: string, keys: Iterable<number>): StorageChanges {
		const changes = new StorageChanges();
		changes.#add(table, keys);
		return changes;
	}

	/**
	 * The changes to database `dbName`'s `tables` in one event's parts; empty when it is about
	 * another database or tables not listed.
	 */
	static fromParts(
		parts: ObservabilitySet,
		dbName: string,
		tables: readonly string[]
	): StorageChanges {
		const changes = new StorageChanges();
		// Dexie's "all" part: everything may have changed (a page restored from the back-forward
		// cache missed its events).
		if ('all' in parts) return StorageChanges.everything(tables);
		for (const table of tables) {
			// The primary-key part lists every record put or deleted; the index parts add nothing.
			const tree = parts[`idb://${dbName}/${table}/`];
			if (!tree) continue;
			const keys = keysOf(tree);
			if (keys === 'whole') changes.#tables.set(table, 'whole');
			else if (keys.size > 0) changes.#add(table, keys);
		}
		return changes;
	}

	get isEmpty(): boolean {
		return this.#tables.size === 0;
	}

	/** How `table` changed, or undefined when it did not. */
	of(table: string): TableChange | undefined {
		return this.#tables.get(table);
	}

	/** Adds `other`'s changes to these. */
	merge(other: StorageChanges): void {
		for (const [table, change] of other.#tables)
			if (change === 'whole') this.#tables.set(table, 'whole');
			else this.#add(table, change);
	}

	/**
	 * Whether every change here is covered by `read`: tables read whole, or records read by key.
	 * A change that is not may have committed before that read's moment without being in it.
	 */
	coveredBy(read: StorageChanges): boolean {
		for (const [table, change] of this.#tables) {
			const done = read.#tables.get(table);
			if (done === 'whole') continue;
			if (done === undefined || change === 'whole') return false;
			for (const key of change) if (!done.has(key)) return false;
		}
		return true;
	}

	#add(table: string, keys: Iterable<number>): void {
		const known = this.#tables.get(table);
		if (known === 'whole') return;
		const merged = known ?? new Set<number>();
		for (const key of keys) merged.add(key);
		this.#tables.set(table, merged.size > RECORD_READ_LIMIT ? 'whole' : merged);
	}
}

/**
 * The single keys in an interval tree of primary keys, or `'whole'` when it holds a range (or
 * a key that is not a `seq` number): then which records changed is not known.
 */
function keysOf(tree: IntervalTree): Set<number> | 'whole' {
	const keys = new Set<number>();
	const stack: (IntervalTree | null | undefined)[] = [tree];
	while (stack.length > 0) {
		const node = stack.pop();
		if (!node || !isNode(node)) continue;
		if (typeof node.from !== 'number' || node.from !== node.to) return 'whole';
		keys.add(node.from);
		if (keys.size > RECORD_READ_LIMIT) return 'whole';
		stack.push(node.l, node.r);
	}
	return keys;
}

/** An empty tree is `{ d: 0 }`; a node has a depth of 1 or more. */
function isNode(tree: IntervalTree): tree is IntervalTreeNode {
	return tree.d > 0;
}
