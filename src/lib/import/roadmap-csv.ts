/**
 * Roadmap items from the CSV exports of Jira, Linear, Notion or a spreadsheet. The user maps
 * columns to item fields and the file's status and priority values to Capmap's; the importer
 * suggests both from the usual names but never writes without the user seeing them. Items arrive
 * with no requirements: "no capability dependency yet". Each item is checked against the Item
 * schema before it is offered, so a row the workspace format would refuse (a 400-character title)
 * is named and left out rather than stored and refused on the next export.
 */
import { readCsvTable, type CsvTable } from './csv-table';
import { slug, uniqueId } from '../domain/ids';
import { quarterOf } from '../domain/dates';
import { ITEM_STATUSES, PRIORITIES } from '../domain/entities';
import { Item, type ItemStatus, type Priority } from '../domain/schemas';
import { formatPath, issueSentence } from '../domain/problems';
import { fromCsvCell } from '../domain/items-csv';
import { DecodeError, decodeText } from './decode';
import { isoDay, ResultsError } from './results';

export const ITEM_FIELDS = [
	'title',
	'description',
	'quarter',
	'dueDate',
	'status',
	'owner',
	'priority',
	'labels',
	'externalKey',
	'externalUrl'
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

export type RoadmapTable = CsvTable;

export interface RoadmapMapping {
	columns: Partial<Record<ItemField, number>>;
	statuses: Record<string, ItemStatus>;
	priorities: Record<string, Priority | ''>;
}

const COLUMN_HINTS: Record<ItemField, string[]> = {
	title: ['title', 'summary', 'name', 'issue', 'feature'],
	description: ['description', 'details', 'body'],
	quarter: ['quarter', 'target quarter', 'release'],
	dueDate: ['due date', 'due', 'target date', 'end date', 'deadline'],
	status: ['status', 'state', 'stage'],
	owner: ['owner', 'assignee', 'lead', 'dri'],
	priority: ['priority'],
	labels: ['labels', 'tags', 'label', 'components'],
	// Jira's "Issue key", Linear's "ID" (ENG-123), a plain "Key"; Notion's and Linear's "URL".
	externalKey: ['key', 'issue key', 'issue id', 'id', 'identifier', 'ticket'],
	externalUrl: ['url', 'link', 'issue url', 'web url']
};

const STATUS_HINTS: [RegExp, ItemStatus][] = [
	[/done|shipped|released|complete|closed|launched/i, 'shipped'],
	[/cancel|won.?t|cut|declined|duplicate/i, 'cut'],
	[/progress|doing|started|review|active|building/i, 'in-progress'],
	[/todo|to do|planned|next|selected|ready|committed|scheduled/i, 'planned'],
	[/backlog|idea|triage|new|open|proposed|someday/i, 'idea']
];

const PRIORITY_HINTS: [RegExp, Priority][] = [
	[/^p0$|urgent|highest|critical|blocker/i, 'P0'],
	[/^p1$|high/i, 'P1'],
	[/^p2$|medium|normal/i, 'P2'],
	[/^p3$|low|minor|trivial/i, 'P3']
];

/** A CSV export as text, or as a file's bytes (decoded as every file is: decode.ts). */
export function readRoadmapCsv(file: string | Uint8Array): RoadmapTable {
	if (typeof file === 'string') return readCsvTable(file);
	try {
		return readCsvTable(decodeText(file));
	} catch (error) {
		if (error instanceof DecodeError) throw new ResultsError('(file)', error.message);
		throw error;
	}
}

/** Suggested mapping: columns by their usual names, values by their usual meanings. */
export function suggestMapping(table: RoadmapTable): RoadmapMapping {
	const lower = table.header.map((h) => h.toLowerCase());
	const columns: Partial<Record<ItemField, number>> = {};
	for (const field of ITEM_FIELDS) {
		// The hints in their order: Jira's "Issue key" wins over its numeric "Issue id".
		const index = COLUMN_HINTS[field].map((hint) => lower.indexOf(hint)).find((i) => i >= 0);
		if (index !== undefined) columns[field] = index;
	}
	return {
		columns,
		statuses: suggestStatuses(distinctValues(table, columns.status)),
		priorities: suggestPriorities(distinctValues(table, columns.priority))
	};
}

export function suggestStatuses(values: readonly string[]): Record<string, ItemStatus> {
	return Object.fromEntries(
		values.map((value) => [
			value,
			(ITEM_STATUSES as readonly string[]).includes(value.toLowerCase())
				? (value.toLowerCase() as ItemStatus)
				: (STATUS_HINTS.find(([re]) => re.test(value))?.[1] ?? 'idea')
		])
	);
}

export function suggestPriorities(values: readonly string[]): Record<string, Priority | ''> {
	return Object.fromEntries(
		values.map((value) => [value, PRIORITY_HINTS.find(([re]) => re.test(value))?.[1] ?? ''])
	);
}

export function distinctValues(table: RoadmapTable, column: number | undefined): string[] {
	if (column === undefined) return [];
	return [...new Set(table.rows.map((r) => (r[column] ?? '').trim()).filter(Boolean))].sort();
}

/** "2027-Q1", "Q1 2027", "2027 Q1", "Q1-2027" → "2027-Q1". */
export function normaliseQuarter(text: string): string | undefined {
	const match = /^(?:(\d{4})[\s-]*Q([1-4])|Q([1-4])[\s-]*(\d{4}))$/i.exec(text.trim());
	if (!match) return undefined;
	return `${match[1] ?? match[4]}-Q${match[2] ?? match[3]}`;
}

export interface RowProblem {
	row: number;
	message: string;
}

export function toItems(
	table: RoadmapTable,
	mapping: RoadmapMapping,
	takenIds: readonly string[],
	existingKeys: ReadonlyMap<string, string> = new Map()
): { items: Item[]; problems: RowProblem[] } {
	if (mapping.columns.title === undefined)
		return { items: [], problems: [{ row: 1, message: 'no column is mapped to the title' }] };
	const taken = new Set(takenIds);
	/** Tracker keys already in the workspace (or earlier in the file) → the item's title. */
	const keys = new Map(existingKeys);
	const items: Item[] = [];
	const problems: RowProblem[] = [];
	table.rows.forEach((row, i) => {
		const rowNo = i + 2;
		const cell = (field: ItemField) => {
			const index = mapping.columns[field];
			return index === undefined ? '' : fromCsvCell((row[index] ?? '').trim());
		};
		const title = cell('title');
		if (!title) {
			problems.push({ row: rowNo, message: 'has no title' });
			return;
		}
		const key = cell('externalKey');
		const known = key ? keys.get(key) : undefined;
		if (known) {
			problems.push({ row: rowNo, message: `${key} is already here as “${known}”; skipped` });
			return;
		}
		if (key) keys.set(key, title);
		let quarter: string | undefined;
		if (cell('quarter')) {
			quarter = normaliseQuarter(cell('quarter'));
			if (!quarter)
				problems.push({
					row: rowNo,
					message: `quarter "${cell('quarter')}" is not like 2027-Q1; left empty`
				});
		} else if (cell('dueDate')) {
			try {
				quarter = quarterOf(isoDay(cell('dueDate'), `row ${rowNo}`));
			} catch {
				problems.push({
					row: rowNo,
					message: `due date "${cell('dueDate')}" is not a date; no quarter`
				});
			}
		}
		const id = uniqueId(slug(title), taken);
		taken.add(id);
		const priority = mapping.priorities[cell('priority')] || undefined;
		const labels = cell('labels')
			.split(/[,;]/)
			.map((l) => l.trim())
			.filter(Boolean);
		const item: Item = {
			id,
			title,
			status: mapping.statuses[cell('status')] ?? 'idea',
			requirements: [],
			...(cell('description') ? { description: cell('description') } : {}),
			...(quarter ? { quarter } : {}),
			...(cell('owner') ? { owner: cell('owner') } : {}),
			...(priority && (PRIORITIES as readonly string[]).includes(priority) ? { priority } : {}),
			...(labels.length > 0 ? { tags: labels } : {}),
			...(key ? { externalKey: key } : {}),
			...(cell('externalUrl') ? { externalUrl: cell('externalUrl') } : {})
		};
		const checked = Item.safeParse(item);
		if (checked.success) items.push(item);
		else
			problems.push({
				row: rowNo,
				message: `${checked.error.issues
					.map((issue) => `${formatPath(issue.path)} ${issueSentence(issue, item)}`)
					.join('; ')}; left out`
			});
	});
	return { items, problems };
}
