/**
 * Brevity for the leadership brief (DESIGN.md): each list shows its five most important entries,
 * by priority, then by how many items depend on it, and counts the rest. Importance is computed
 * over the open items the brief speaks of.
 */
import { mustRequirements } from './readiness';
import type { Item } from './schemas';

/** How many entries one list of the brief shows; the rest are counted, so a brief stays a page. */
export const BRIEF_LIST_LIMIT = 5;

const PRIORITY_RANK: Record<string, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };
/** An item without a priority sorts after P3. */
const NO_PRIORITY = 4;

export function priorityRank(item: Pick<Item, 'priority'>): number {
	return PRIORITY_RANK[item.priority ?? ''] ?? NO_PRIORITY;
}

export interface Importance {
	/** 0 is P0; lower is more important. */
	priority: number;
	/** How many open items depend on the entry; more is more important. */
	dependents: number;
}

/** How much one capability matters to the open roadmap. */
export interface CapabilityDemand {
	/** The open items (positions in `openItems`) that require it, in workspace order. */
	items: number[];
	/** The best priority among them. */
	priority: number;
}

/** The capabilities that open items need: with must-requirements only, and with any requirement. */
export interface Demand {
	must: Map<string, CapabilityDemand>;
	any: Map<string, CapabilityDemand>;
}

export function demandOf(openItems: readonly Item[]): Demand {
	const must = new Map<string, CapabilityDemand>();
	const any = new Map<string, CapabilityDemand>();
	const add = (map: Map<string, CapabilityDemand>, id: string, position: number, rank: number) => {
		const entry = map.get(id);
		if (!entry) map.set(id, { items: [position], priority: rank });
		else {
			entry.items.push(position);
			entry.priority = Math.min(entry.priority, rank);
		}
	};
	openItems.forEach((item, position) => {
		const rank = priorityRank(item);
		for (const id of new Set(item.requirements.map((r) => r.capabilityId)))
			add(any, id, position, rank);
		for (const id of new Set(mustRequirements(item).map((r) => r.capabilityId)))
			add(must, id, position, rank);
	});
	return { must, any };
}

/**
 * Importance of an open item. Roadmap items do not depend on one another, so "how many items
 * depend on it" is read as how many *other* open items share at least one of its
 * must-capabilities: an eval or a model decision that settles this item settles theirs too.
 * Counted exactly (a union, not a sum), and only for the items a list actually ranks.
 */
export class ItemImportance {
	#positions: Map<string, number>;
	#dependents = new Map<string, number>();
	#seen: Int32Array;
	#stamp = 0;

	constructor(
		private readonly openItems: readonly Item[],
		private readonly demand: Demand
	) {
		this.#positions = new Map(openItems.map((item, i) => [item.id, i]));
		this.#seen = new Int32Array(openItems.length);
	}

	of(item: Item): Importance {
		return { priority: priorityRank(item), dependents: this.dependents(item) };
	}

	dependents(item: Item): number {
		let count = this.#dependents.get(item.id);
		if (count !== undefined) return count;
		const stamp = ++this.#stamp;
		const self = this.#positions.get(item.id);
		count = 0;
		for (const requirement of mustRequirements(item))
			for (const i of this.demand.must.get(requirement.capabilityId)?.items ?? []) {
				if (i === self || this.#seen[i] === stamp) continue;
				this.#seen[i] = stamp;
				count++;
			}
		this.#dependents.set(item.id, count);
		return count;
	}
}

/** Importance of a capability: the best priority among the items that need it, then how many do. */
export function capabilityImportance(
	demand: ReadonlyMap<string, CapabilityDemand>,
	capabilityId: string
): Importance {
	const entry = demand.get(capabilityId);
	return { priority: entry?.priority ?? NO_PRIORITY, dependents: entry?.items.length ?? 0 };
}

/**
 * The `limit` most important entries (priority first, then dependents, then the order given,
 * which is workspace order for items) and how many were left out.
 */
export function mostImportant<T>(
	entries: readonly T[],
	importanceOf: (entry: T) => Importance,
	limit = BRIEF_LIST_LIMIT
): { shown: T[]; more: number } {
	const ranked = entries
		.map((entry, order) => ({ entry, order, ...importanceOf(entry) }))
		.sort((a, b) => a.priority - b.priority || b.dependents - a.dependents || a.order - b.order)
		.map(({ entry }) => entry);
	return { shown: ranked.slice(0, limit), more: Math.max(0, ranked.length - limit) };
}

/** The first `limit` entries of a list already in order, and how many were left out. */
export function firstOf<T>(
	entries: readonly T[],
	limit = BRIEF_LIST_LIMIT
): { shown: T[]; more: number } {
	return { shown: entries.slice(0, limit), more: Math.max(0, entries.length - limit) };
}
