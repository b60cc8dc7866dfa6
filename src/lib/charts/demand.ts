/**
 * What the open roadmap asks of each capability, and how far the usable models are from it. The
 * dependency map, the capability matrix and the gap chart all read this, so "bottleneck" means
 * one thing everywhere.
 *
 * Open items are ideas, planned and in-progress items (shipped and cut ones ask nothing more);
 * usable models are production and available ones (announced models are not usable yet, retired
 * ones are ignored), and only candidates count: a model is judged only on capabilities of its
 * roles (docs/rules.md).
 */
import { demandOf } from '../domain/demand';
import { bestUsable, satisfies, type BestValue, type ReadinessContext } from '../domain/readiness';
import { isOpen } from '../domain/entities';
import type { Capability, Item } from '../domain/schemas';

export interface CapabilityDemand {
	capability: Capability;
	/** Must-requirements of open items on it (an item asking twice counts twice). */
	dependents: number;
	/** The must-thresholds open items ask for, each once, from least to most demanding. */
	thresholds: number[];
	/** The most demanding of them; null when no open item needs it. */
	strictest: number | null;
	/** The best effective value among usable candidates (ties: smaller model id); null when none known. */
	best: BestValue | null;
	/** No usable model meets the strictest must-threshold. */
	bottleneck: boolean;
	/** Must-requirements of open items on it that no usable candidate meets. */
	blocked: number;
}

/** Least to most demanding: ascending for `higher`, descending for `lower`. */
export function byDemand(direction: Capability['direction']): (a: number, b: number) => number {
	return direction === 'higher' ? (a, b) => a - b : (a, b) => b - a;
}

export function capabilityDemand(
	ctx: ReadinessContext,
	capabilities: readonly Capability[],
	items: readonly Item[]
): CapabilityDemand[] {
	const asked = demandOf(items.filter(isOpen)).must;
	return capabilities.map((capability) => {
		const all = asked.get(capability.id)?.thresholds ?? [];
		const thresholds = [...new Set(all)].sort(byDemand(capability.direction));
		const strictest = thresholds.at(-1) ?? null;
		const best = bestUsable(ctx, capability.id);
		const meets = (t: number) => best !== null && satisfies(capability.direction, best.value, t);
		return {
			capability,
			dependents: all.length,
			thresholds,
			strictest,
			best,
			bottleneck: strictest !== null && !meets(strictest),
			blocked: all.filter((t) => !meets(t)).length
		};
	});
}

/** Bottleneck impact: most blocked items first, then most dependents, then name. */
export function byImpact(a: CapabilityDemand, b: CapabilityDemand): number {
	return (
		b.blocked - a.blocked ||
		b.dependents - a.dependents ||
		a.capability.name.localeCompare(b.capability.name)
	);
}
