/** The board's filters and columns: pure, so the board, its tests and the benchmark share them. */
import type { ItemReadiness, Readiness } from './readiness';
import { READINESS_STATES } from './readiness';
import { isOpen } from './entities';
import type { Item } from './schemas';

export interface BoardFilter {
	quarter: string;
	/** `open` (idea, planned, in-progress), `all`, or one status. */
	status: string;
	owner: string;
	tag: string;
	text: string;
}

export const DEFAULT_FILTER: BoardFilter = {
	quarter: '',
	status: 'open',
	owner: '',
	tag: '',
	text: ''
};

export interface BoardCard {
	item: Item;
	result: ItemReadiness;
}

export function matches(item: Item, filter: BoardFilter): boolean {
	if (
		filter.status === 'open'
			? !isOpen(item)
			: filter.status !== 'all' && item.status !== filter.status
	)
		return false;
	if (
		filter.quarter &&
		(filter.quarter === 'none' ? item.quarter : item.quarter !== filter.quarter)
	)
		return false;
	if (filter.owner && item.owner !== filter.owner) return false;
	if (filter.tag && !item.tags?.includes(filter.tag)) return false;
	if (filter.text) {
		const needle = filter.text.toLowerCase();
		const haystack =
			`${item.title} ${item.description ?? ''} ${item.id} ${item.owner ?? ''}`.toLowerCase();
		if (!haystack.includes(needle)) return false;
	}
	return true;
}

export function boardColumns(
	items: readonly Item[],
	readiness: ReadonlyMap<string, ItemReadiness>,
	filter: BoardFilter
): Record<Readiness, BoardCard[]> {
	const columns = Object.fromEntries(READINESS_STATES.map((s) => [s, [] as BoardCard[]])) as Record<
		Readiness,
		BoardCard[]
	>;
	for (const item of items) {
		if (!matches(item, filter)) continue;
		const result = readiness.get(item.id);
		if (result) columns[result.readiness].push({ item, result });
	}
	return columns;
}

/** The values the filters offer, from the items themselves. */
export function filterOptions(items: readonly Item[]): {
	quarters: string[];
	owners: string[];
	tags: string[];
} {
	const quarters = new Set<string>();
	const owners = new Set<string>();
	const tags = new Set<string>();
	for (const item of items) {
		if (item.quarter) quarters.add(item.quarter);
		if (item.owner) owners.add(item.owner);
		for (const tag of item.tags ?? []) tags.add(tag);
	}
	const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b));
	return { quarters: sorted(quarters), owners: sorted(owners), tags: sorted(tags) };
}
