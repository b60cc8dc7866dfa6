/**
 * The dependency map's layout: capabilities in a middle column, the items that need them on
 * either side, requirement edges between. A layered layout rather than a force simulation: it
 * is computed in a few sorts (milliseconds for 2,000 nodes, where d3-force takes seconds here),
 * it is the same every time the page opens, and reading it needs no settling.
 *
 * Order: capabilities start by impact; then, twice, each item moves to the mean position of its
 * capabilities and each capability to the mean position of its items (the barycentre heuristic,
 * which removes most edge crossings). Items alternate left and right of the middle, which halves
 * the height; each capability then sits level with its items, nudged apart so none overlap.
 */
export interface MapItemInput {
	id: string;
	label: string;
}

export interface MapCapabilityInput {
	id: string;
	label: string;
	/** Open items that depend on it: the node's size. */
	weight: number;
}

export interface MapEdgeInput {
	itemId: string;
	capabilityId: string;
}

export interface PlacedNode {
	kind: 'item' | 'capability';
	id: string;
	x: number;
	y: number;
	/** Radius of a capability's circle; an item's marker is fixed. */
	r: number;
	side: 'left' | 'right' | 'middle';
}

export interface MapLayout {
	nodes: PlacedNode[];
	width: number;
	height: number;
}

export const MAP_GEOMETRY = {
	row: 22,
	/** Room for an item's label beside its marker. */
	itemWidth: 230,
	/** From an item column to the capability column. */
	gap: 260,
	minRadius: 6,
	maxRadius: 26,
	/** Below each capability's circle: its name. */
	labelHeight: 22,
	margin: 24
};

export function radiusFor(weight: number, maxWeight: number): number {
	const { minRadius, maxRadius } = MAP_GEOMETRY;
	if (maxWeight <= 0) return minRadius;
	// Area, not radius, proportional to weight: the eye reads circles by area.
	return minRadius + (maxRadius - minRadius) * Math.sqrt(weight / maxWeight);
}

function mean(values: readonly number[]): number {
	let sum = 0;
	for (const v of values) sum += v;
	return sum / values.length;
}

/** Sorts ids by a key; ids without a key (no edges) keep their order after the rest. */
function orderBy(ids: string[], key: Map<string, number>, previous: Map<string, number>): string[] {
	return [...ids].sort((a, b) => {
		const ka = key.get(a);
		const kb = key.get(b);
		if (ka === undefined || kb === undefined)
			return ka === kb ? previous.get(a)! - previous.get(b)! : ka === undefined ? 1 : -1;
		return ka - kb || previous.get(a)! - previous.get(b)!;
	});
}

const positions = (ids: readonly string[]) => new Map(ids.map((id, i) => [id, i]));

export function layoutMap(
	items: readonly MapItemInput[],
	capabilities: readonly MapCapabilityInput[],
	edges: readonly MapEdgeInput[]
): MapLayout {
	const { row, itemWidth, gap, margin } = MAP_GEOMETRY;
	const itemCaps = new Map<string, string[]>();
	const capItems = new Map<string, string[]>();
	for (const e of edges) {
		(itemCaps.get(e.itemId) ?? itemCaps.set(e.itemId, []).get(e.itemId)!).push(e.capabilityId);
		(capItems.get(e.capabilityId) ?? capItems.set(e.capabilityId, []).get(e.capabilityId)!).push(
			e.itemId
		);
	}

	let capOrder = [...capabilities]
		.sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label))
		.map((c) => c.id);
	let itemOrder = items.map((i) => i.id);
	for (let sweep = 0; sweep < 2; sweep++) {
		const capAt = positions(capOrder);
		const itemKey = new Map<string, number>();
		for (const [id, caps] of itemCaps) itemKey.set(id, mean(caps.map((c) => capAt.get(c) ?? 0)));
		itemOrder = orderBy(itemOrder, itemKey, positions(itemOrder));
		const itemAt = positions(itemOrder);
		const capKey = new Map<string, number>();
		for (const [id, its] of capItems) capKey.set(id, mean(its.map((i) => itemAt.get(i) ?? 0)));
		capOrder = orderBy(capOrder, capKey, capAt);
	}

	const maxWeight = Math.max(0, ...capabilities.map((c) => c.weight));
	const weight = new Map(capabilities.map((c) => [c.id, c.weight]));
	const radius = new Map(capOrder.map((id) => [id, radiusFor(weight.get(id) ?? 0, maxWeight)]));
	// When the capabilities need more height than the items, spread the items to match, so each
	// capability can sit level with its items instead of trailing far below them.
	const rows = Math.ceil(itemOrder.length / 2);
	let capabilityHeight = 0;
	for (const r of radius.values()) capabilityHeight += 2 * r + MAP_GEOMETRY.labelHeight;
	const step = rows > 0 ? Math.max(row, capabilityHeight / rows) : row;

	const middle = margin + itemWidth + gap;
	const nodes: PlacedNode[] = [];
	const itemY = new Map<string, number>();
	itemOrder.forEach((id, i) => {
		const side = i % 2 === 0 ? 'left' : 'right';
		const y = margin + step / 2 + Math.floor(i / 2) * step;
		itemY.set(id, y);
		nodes.push({
			kind: 'item',
			id,
			x: side === 'left' ? margin + itemWidth : middle + gap,
			y,
			r: 5,
			side
		});
	});

	let cursor = margin;
	for (const id of capOrder) {
		const r = radius.get(id)!;
		const its = capItems.get(id) ?? [];
		const wanted = its.length > 0 ? mean(its.map((i) => itemY.get(i) ?? 0)) : cursor + r;
		// Level with its items, but never overlapping the capability (and label) above.
		const y = Math.max(wanted, cursor + r);
		cursor = y + r + MAP_GEOMETRY.labelHeight;
		nodes.push({ kind: 'capability', id, x: middle, y, r, side: 'middle' });
	}

	return {
		nodes,
		width: middle + gap + itemWidth + margin,
		height: Math.max(margin * 2 + rows * step, cursor + margin)
	};
}
