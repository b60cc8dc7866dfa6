/** Which nodes and edges the dependency map shows, for a quarter and readiness filter. */
import type { ItemReadiness, Readiness } from '../domain/readiness';
import { isOpen } from '../domain/entities';
import type { Item } from '../domain/schemas';
import type { Workspace } from '../domain/workspace';
import type { CapabilityDemand } from './demand';

export interface MapFilter {
	/** A quarter, "none" for items without one, or "" for all. */
	quarter: string;
	readiness: Readiness | '';
}

export interface MapEdge {
	itemId: string;
	capabilityId: string;
	threshold: number;
	must: boolean;
}

export interface MapGraph {
	items: { item: Item; result: ItemReadiness }[];
	capabilities: CapabilityDemand[];
	edges: MapEdge[];
}

/**
 * Open items that pass the filter, and their requirement edges. Unfiltered, every capability is
 * shown (an unused one is worth seeing too); filtered, only those the shown items need.
 */
export function mapGraph(
	ws: Pick<Workspace, 'items'>,
	readiness: ReadonlyMap<string, ItemReadiness>,
	demand: readonly CapabilityDemand[],
	filter: MapFilter
): MapGraph {
	const known = new Set(demand.map((d) => d.capability.id));
	const items: MapGraph['items'] = [];
	const edges: MapEdge[] = [];
	for (const item of ws.items) {
		if (!isOpen(item)) continue;
		if (
			filter.quarter &&
			(filter.quarter === 'none' ? item.quarter : item.quarter !== filter.quarter)
		)
			continue;
		const result = readiness.get(item.id);
		if (!result || (filter.readiness && result.readiness !== filter.readiness)) continue;
		items.push({ item, result });
		for (const r of item.requirements)
			if (known.has(r.capabilityId))
				edges.push({
					itemId: item.id,
					capabilityId: r.capabilityId,
					threshold: r.threshold,
					must: r.must !== false
				});
	}
	const filtered = filter.quarter !== '' || filter.readiness !== '';
	const linked = new Set(edges.map((e) => e.capabilityId));
	return {
		items,
		capabilities: filtered ? demand.filter((d) => linked.has(d.capability.id)) : [...demand],
		edges
	};
}
