/**
 * Items as a CSV table for Jira, Linear, Notion or a spreadsheet, with the column names the
 * roadmap importer recognises, so an export imported again gives the same items. A cell that a
 * spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) is
 * written with a leading apostrophe, the spreadsheet convention for "this is text"; the importer
 * takes that apostrophe off again.
 */
import type { Item } from './schemas';

export const ITEMS_CSV_HEADER = [
	'Title',
	'Description',
	'Quarter',
	'Status',
	'Owner',
	'Priority',
	'Labels',
	'Key',
	'URL'
] as const;

const FORMULA = /^[=+\-@\t\r]/;

/** One cell: text with a formula start defused, quoted when it holds a comma, quote or newline. */
export function csvCell(value: string): string {
	const text = FORMULA.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A cell read back: the apostrophe `csvCell` put before a formula start is taken off. */
export function fromCsvCell(value: string): string {
	return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

export function itemsCsv(items: readonly Item[]): string {
	const rows = items.map((item) =>
		[
			item.title,
			item.description ?? '',
			item.quarter ?? '',
			item.status,
			item.owner ?? '',
			item.priority ?? '',
			(item.tags ?? []).join(', '),
			item.externalKey ?? '',
			item.externalUrl ?? ''
		].map(csvCell)
	);
	return [ITEMS_CSV_HEADER.map(csvCell), ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}
