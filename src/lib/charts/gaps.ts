/**
 * The gap chart: "what would it take". For each capability that blocks at least one open item —
 * no usable model meets the item's must-threshold on it — the best usable value, and each
 * threshold asked beyond it, from nearest to farthest, with the items each step would reach.
 */
import { mustRequirements, satisfies } from '../domain/readiness';
import { isOpen } from '../domain/entities';
import type { Item } from '../domain/schemas';
import { byDemand, type CapabilityDemand } from './demand';

export interface GapStep {
	threshold: number;
	/** Blocked items that need no more than this step on the capability (cumulative). */
	reached: string[];
	/** Of those, items with no other blocking capability: this step alone would make them buildable. */
	unlocked: string[];
}

export interface CapabilityGap {
	demand: CapabilityDemand;
	steps: GapStep[];
}

/** Capabilities of an item's must-requirements that no usable model meets. */
function blockingCapabilities(
	item: Item,
	demandOf: ReadonlyMap<string, CapabilityDemand>
): Map<string, number> {
	const out = new Map<string, number>();
	for (const r of mustRequirements(item)) {
		const d = demandOf.get(r.capabilityId);
		if (!d) continue;
		if (!d.best || !satisfies(d.capability.direction, d.best.value, r.threshold))
			out.set(r.capabilityId, r.threshold);
	}
	return out;
}

export function gapData(
	demand: readonly CapabilityDemand[],
	items: readonly Item[]
): CapabilityGap[] {
	const demandOf = new Map(demand.map((d) => [d.capability.id, d]));
	const blocked = new Map<string, { itemId: string; threshold: number; alone: boolean }[]>();
	for (const item of items) {
		if (!isOpen(item)) continue;
		const blocking = blockingCapabilities(item, demandOf);
		for (const [capabilityId, threshold] of blocking) {
			const list = blocked.get(capabilityId) ?? [];
			list.push({ itemId: item.id, threshold, alone: blocking.size === 1 });
			blocked.set(capabilityId, list);
		}
	}
	const gaps: CapabilityGap[] = [];
	for (const d of demand) {
		const list = blocked.get(d.capability.id);
		if (!list) continue;
		const order = byDemand(d.capability.direction);
		const thresholds = [...new Set(list.map((b) => b.threshold))].sort(order);
		gaps.push({
			demand: d,
			steps: thresholds.map((threshold) => {
				const within = list.filter((b) => order(b.threshold, threshold) <= 0);
				return {
					threshold,
					reached: within.map((b) => b.itemId),
					unlocked: within.filter((b) => b.alone).map((b) => b.itemId)
				};
			})
		});
	}
	// The capabilities whose every step together would unlock the most items lead.
	return gaps.sort(
		(a, b) =>
			b.steps.at(-1)!.unlocked.length - a.steps.at(-1)!.unlocked.length ||
			b.steps.at(-1)!.reached.length - a.steps.at(-1)!.reached.length ||
			a.demand.capability.name.localeCompare(b.demand.capability.name)
	);
}
