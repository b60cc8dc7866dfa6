/**
 * Brevity for the leadership brief (DESIGN.md): each list shows its five most important entries,
 * by priority, then by how many items depend on it, and counts the rest. Importance is computed
 * over the open items the brief speaks of.
 */
import { NO_PRIORITY, priorityRank, type CapabilityAsk, type Demand } from './demand';
import { mustRequirements } from './readiness';
import type { Item } from './schemas';

/** How many entries one list of the brief shows; the rest are counted, so a brief stays a page. */
export const BRIEF_LIST_LIMIT = 5;

export { priorityRank };

export interface Importance {
	/** 0 is P0; lower is more important. */
	priority: number;
	/** How many open items depend on the entry; more is more important. */
	dependents: number;
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
	demand: ReadonlyMap<string, CapabilityAsk>,
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
