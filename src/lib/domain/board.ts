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

/**
 * An item with no requirement at all that the PM has not marked "no model dependency". The rules
 * call it ready (nothing it needs is missing) and the CLI reports it so; the board keeps it out of
 * "Ready now", in a column of its own, until it is mapped or marked.
 */
export function isNotMapped(item: Pick<Item, 'requirements' | 'noModelDependency'>): boolean {
	return item.requirements.length === 0 && !item.noModelDependency;
}

/** The board's columns: the four readiness states, then the items not mapped yet. */
export type BoardColumn = Readiness | 'unmapped';
export const BOARD_COLUMNS: readonly BoardColumn[] = [...READINESS_STATES, 'unmapped'];

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

/**
 * The board's cards by their readiness result. A card stays the same object while its item and
 * result do, so after one edit the board draws one card again, not every card.
 */
export type BoardCards = WeakMap<ItemReadiness, BoardCard>;

function cardOf(item: Item, result: ItemReadiness, cards: BoardCards | undefined): BoardCard {
	const known = cards?.get(result);
	if (known?.item === item) return known;
	const card = { item, result };
	cards?.set(result, card);
	return card;
}

export function boardColumns(
	items: readonly Item[],
	readiness: ReadonlyMap<string, ItemReadiness>,
	filter: BoardFilter,
	/** When given, only these items (e.g. those worse since the latest import). */
	only?: ReadonlySet<string>,
	/** The cards of the last columns, to keep those whose item and result are the same. */
	cards?: BoardCards
): Record<BoardColumn, BoardCard[]> {
	const columns = Object.fromEntries(BOARD_COLUMNS.map((s) => [s, [] as BoardCard[]])) as Record<
		BoardColumn,
		BoardCard[]
	>;
	for (const item of items) {
		if ((only && !only.has(item.id)) || !matches(item, filter)) continue;
		const result = readiness.get(item.id);
		if (result)
			columns[isNotMapped(item) ? 'unmapped' : result.readiness].push(cardOf(item, result, cards));
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

/** Each filter's name in the board's URL (`/?status=all&owner=Ann`); defaults are left out. */
const FILTER_PARAMS: Record<keyof BoardFilter, string> = {
	text: 'q',
	quarter: 'quarter',
	status: 'status',
	owner: 'owner',
	tag: 'tag'
};

/** The filters as query parameters, so Back, reload and a shared link keep them. */
export function filterParams(filter: BoardFilter): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, name] of Object.entries(FILTER_PARAMS) as [keyof BoardFilter, string][])
		if (filter[key] !== DEFAULT_FILTER[key]) params.set(name, filter[key]);
	return params;
}

export function filterFromParams(params: URLSearchParams): BoardFilter {
	const filter = { ...DEFAULT_FILTER };
	for (const [key, name] of Object.entries(FILTER_PARAMS) as [keyof BoardFilter, string][]) {
		const value = params.get(name);
		if (value !== null) filter[key] = value;
	}
	return filter;
}
