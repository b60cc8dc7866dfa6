import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Item } from '../domain/schemas';
import { itemsCsv } from '../domain/items-csv';
import type { Item as ItemRecord } from '../domain/schemas';
import { normaliseQuarter, readRoadmapCsv, suggestMapping, toItems } from './roadmap-csv';

const jira = () => readRoadmapCsv(readFileSync('tests/fixtures/roadmap/jira-export.csv', 'utf8'));

describe('roadmap CSV import', () => {
	it('suggests the usual Jira columns and values', () => {
		const mapping = suggestMapping(jira());
		expect(mapping.columns).toMatchObject({
			title: 0,
			externalKey: 1,
			description: 3,
			dueDate: 6,
			status: 4,
			owner: 5,
			priority: 2,
			labels: 7
		});
		expect(mapping.statuses).toEqual({
			Backlog: 'idea',
			Done: 'shipped',
			'In Progress': 'in-progress',
			'To Do': 'planned'
		});
		expect(mapping.priorities).toEqual({ High: 'P1', Highest: 'P0', Low: 'P3', Medium: 'P2' });
	});

	it('makes valid items with quarters from due dates and no requirements', () => {
		const table = jira();
		const { items, problems } = toItems(table, suggestMapping(table), ['smart-reply-suggestions']);
		expect(problems).toEqual([{ row: 6, message: 'due date "someday" is not a date; no quarter' }]);
		expect(items).toHaveLength(5);
		for (const item of items) expect(Item.safeParse(item).success).toBe(true);
		expect(items[0]).toEqual({
			id: 'smart-reply-suggestions-2',
			title: 'Smart reply suggestions',
			status: 'in-progress',
			requirements: [],
			description: 'Suggest replies, in the agent\'s tone, "from the KB"',
			quarter: '2027-Q1',
			owner: 'Priya Shah',
			priority: 'P1',
			tags: ['agent-tools', 'ai'],
			externalKey: 'HEL-101'
		});
	});

	it('skips a row whose tracker key the workspace already has, naming the item', () => {
		const table = jira();
		const { items, problems } = toItems(
			table,
			suggestMapping(table),
			[],
			new Map([['HEL-103', 'Voice support']])
		);
		expect(items.map((i) => i.externalKey)).toEqual(['HEL-101', 'HEL-102', 'HEL-104', 'HEL-105']);
		expect(problems).toContainEqual({
			row: 4,
			message: 'HEL-103 is already here as “Voice support”; skipped'
		});
	});

	it('reads back what “Export items as CSV” wrote: the same items', () => {
		const original: ItemRecord[] = [
			{
				id: 'formula',
				title: '=HYPERLINK("http://evil")',
				status: 'in-progress',
				requirements: [],
				description: 'Line one, with a comma\nand "quotes"\n-minus first on a line',
				quarter: '2027-Q1',
				owner: '@ann',
				priority: 'P0',
				tags: ['ai', 'agent-tools'],
				externalKey: 'HEL-7',
				externalUrl: 'https://tracker.example/HEL-7'
			},
			{ id: 'plain', title: 'Plain', status: 'idea', requirements: [] },
			{ id: 'minus', title: '-1 day SLA', status: 'cut', requirements: [], priority: 'P3' }
		];
		const text = itemsCsv(original);
		expect(text.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\)",/);
		const table = readRoadmapCsv(text);
		const { items, problems } = toItems(table, suggestMapping(table), []);
		expect(problems).toEqual([]);
		expect(items.map(({ id: _id, ...rest }) => rest)).toEqual(
			original.map(({ id: _id, ...rest }) => rest)
		);
	});

	it('reads quarters written several ways', () => {
		expect(['2027-Q1', 'Q1 2027', '2027 q1', 'Q1-2027'].map(normaliseQuarter)).toEqual([
			'2027-Q1',
			'2027-Q1',
			'2027-Q1',
			'2027-Q1'
		]);
		expect(normaliseQuarter('spring')).toBeUndefined();
	});

	it('names the row of a broken file', () => {
		expect(() => readRoadmapCsv('Summary,Status\n"Unclosed,Done\n')).toThrow(
			/^row 2: has a quote that is never closed/
		);
		expect(() => readRoadmapCsv('')).toThrow('(file): is empty');
	});

	it('reads a file’s bytes as every file is read: BOM, UTF-16, or a clear refusal', () => {
		const text = readFileSync('tests/fixtures/roadmap/jira-export.csv', 'utf8');
		const utf16 = new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
		expect(readRoadmapCsv(utf16)).toEqual(jira());
		expect(readRoadmapCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))).toEqual(
			jira()
		);
		expect(() => readRoadmapCsv(new Uint8Array([0x53, 0xff, 0x0a]))).toThrow(
			/^\(file\): is not UTF-8 text/
		);
	});

	it('leaves out, by row, an item the workspace format would refuse', () => {
		const table = readRoadmapCsv(`Summary,Due date\n${'t'.repeat(301)},\nFine,2027-02-30\n`);
		const { items, problems } = toItems(table, suggestMapping(table), []);
		expect(items.map((i) => i.title)).toEqual(['Fine']);
		expect(problems).toEqual([
			{ row: 2, message: 'title must be at most 300 characters (it has 301); left out' },
			{ row: 3, message: 'due date "2027-02-30" is not a date; no quarter' }
		]);
	});
});
