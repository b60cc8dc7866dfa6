/**
 * What the open roadmap asks of each capability: which open items need it, the thresholds they
 * ask, and the most urgent priority among them. The brief ranks by it and the charts size and
 * judge capabilities by it, so "demand" means one thing everywhere.
 */
import { mustRequirements } from './readiness';
import type { Item } from './schemas';

const PRIORITY_RANK: Record<string, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };
/** An item without a priority sorts after P3. */
export const NO_PRIORITY = 4;

/** 0 for P0 … 3 for P3, then NO_PRIORITY. */
export function priorityRank(item: Pick<Item, 'priority'>): number {
	return PRIORITY_RANK[item.priority ?? ''] ?? NO_PRIORITY;
}

/** How much one capability matters to the open roadmap. */
export interface CapabilityAsk {
	/** The open items (positions in the list given) that require it, each once, in order. */
	items: number[];
	/** Every threshold they ask of it, one per requirement, in order. */
	thresholds: number[];
	/** The best priority among them. */
	priority: number;
}

/** The capabilities that open items need: through must-requirements only, and through any. */
export interface Demand {
	must: Map<string, CapabilityAsk>;
	any: Map<string, CapabilityAsk>;
}

/** Demand of the open items given (the caller decides which items are open). */
export function demandOf(openItems: readonly Item[]): Demand {
	const must = new Map<string, CapabilityAsk>();
	const any = new Map<string, CapabilityAsk>();
	const add = (
		map: Map<string, CapabilityAsk>,
		id: string,
		position: number,
		rank: number,
		threshold: number
	) => {
		const entry = map.get(id);
		if (!entry) {
			map.set(id, { items: [position], thresholds: [threshold], priority: rank });
			return;
		}
		entry.thresholds.push(threshold);
		if (entry.items.at(-1) !== position) entry.items.push(position);
		entry.priority = Math.min(entry.priority, rank);
	};
	openItems.forEach((item, position) => {
		const rank = priorityRank(item);
		for (const r of item.requirements) add(any, r.capabilityId, position, rank, r.threshold);
		for (const r of mustRequirements(item)) add(must, r.capabilityId, position, rank, r.threshold);
	});
	return { must, any };
}
