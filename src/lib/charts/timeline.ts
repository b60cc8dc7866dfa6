/**
 * The readiness timeline: quarters across; each open item with a planned quarter, from that
 * quarter to its earliest feasible one (rule 7), over-promised items (rule 8) marked; announced
 * models' expected dates, and production models' ship dates still ahead, as markers. Pure: the page and the scenario panel both draw from it.
 */
import { dayNumber, quarterOf } from '../domain/dates';
import type { ItemReadiness } from '../domain/readiness';
import { isOpen } from '../domain/entities';
import type { Item, Model } from '../domain/schemas';

export interface TimelineRow {
	item: Item;
	result: ItemReadiness;
	planned: string;
	/** Earliest feasible quarter, or null: no known model makes it possible, or none has a date. */
	earliest: string | null;
}

export interface TimelineData {
	quarters: string[];
	rows: TimelineRow[];
	markers: { model: Model; date: string; quarter: string }[];
	/** Open items without a planned quarter: not drawn, counted. */
	unplanned: number;
}

/** "2026-Q3" → a sortable number. */
export function quarterIndex(quarter: string): number {
	const [year, q] = quarter.split('-Q');
	return Number(year) * 4 + Number(q) - 1;
}

export function quarterFromIndex(index: number): string {
	return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Every quarter from the first to the last, inclusive. */
export function quarterRange(first: string, last: string): string[] {
	const out: string[] = [];
	for (let i = quarterIndex(first); i <= quarterIndex(last); i++) out.push(quarterFromIndex(i));
	return out;
}

/** How far into its quarter a date is, 0 (first day) to just under 1. */
export function fractionOfQuarter(date: string): number {
	const quarter = quarterOf(date);
	const index = quarterIndex(quarter);
	const start = `${Math.floor(index / 4)}-${String((index % 4) * 3 + 1).padStart(2, '0')}-01`;
	const next = quarterFromIndex(index + 1);
	const end = `${next.slice(0, 4)}-${String((quarterIndex(next) % 4) * 3 + 1).padStart(2, '0')}-01`;
	return (dayNumber(date) - dayNumber(start)) / (dayNumber(end) - dayNumber(start));
}

export function timelineData(
	items: readonly Item[],
	readiness: ReadonlyMap<string, ItemReadiness>,
	models: readonly Model[],
	asOf: string
): TimelineData {
	const rows: TimelineRow[] = [];
	let unplanned = 0;
	for (const item of items) {
		if (!isOpen(item)) continue;
		const result = readiness.get(item.id);
		if (!result) continue;
		if (!item.quarter) {
			unplanned++;
			continue;
		}
		rows.push({ item, result, planned: item.quarter, earliest: result.earliestQuarter });
	}
	// Over-promised first, then by planned quarter: the promises at risk lead.
	rows.sort(
		(a, b) =>
			Number(b.result.overPromised) - Number(a.result.overPromised) ||
			quarterIndex(a.planned) - quarterIndex(b.planned)
	);
	// Announced models' expected dates, and production models that ship later (rule 7).
	const markers = models
		.filter(
			(m) =>
				m.expectedAt !== undefined &&
				(m.status === 'announced' || (m.status === 'production' && m.expectedAt > asOf))
		)
		.map((model) => ({ model, date: model.expectedAt!, quarter: quarterOf(model.expectedAt!) }))
		.sort((a, b) => a.date.localeCompare(b.date));
	const all = [
		quarterOf(asOf),
		...rows.flatMap((r) => (r.earliest ? [r.planned, r.earliest] : [r.planned])),
		...markers.map((m) => m.quarter)
	].sort((a, b) => quarterIndex(a) - quarterIndex(b));
	return { quarters: quarterRange(all[0]!, all.at(-1)!), rows, markers, unplanned };
}
