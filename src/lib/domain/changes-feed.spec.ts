/** The changes feed (docs/rules.md, "The changes feed"), on the two generated nightly runs. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseResults } from '../import/detect';
import { ingest } from '../import/ingest';
import { sample } from '../../test-support/sample';
import { changesFeed, importTriage, latestImport, worseInLatestImport } from './changes-feed';
import { importNoteTitle, triageNote } from './triage';
import type { Workspace } from './workspace';

const NIGHTLY = 'tests/fixtures/eval/promptfoo-nightly';
const MAP = JSON.parse(readFileSync(`${NIGHTLY}/map.json`, 'utf8'));
const AS_OF = '2026-11-24';
const night = (day: 'monday' | 'tuesday') =>
	parseResults(readFileSync(`${NIGHTLY}/results-${day}.json`, 'utf8'));

/** The sample after Monday's and Tuesday's imports, with Tuesday's note as written at import. */
function twoNights(names = { monday: 'results-monday.json', tuesday: 'results-tuesday.json' }) {
	const monday = ingest(sample(), night('monday'), MAP, names.monday, AS_OF);
	const tuesday = ingest(monday.workspace, night('tuesday'), MAP, names.tuesday, AS_OF);
	const note = triageNote(
		{ before: monday.workspace, after: tuesday.workspace, runs: tuesday.runs, asOf: AS_OF },
		importNoteTitle(tuesday.runs[0]!.ranAt, names.tuesday)
	);
	return { ws: tuesday.workspace, monday, tuesday, note };
}

describe('the changes feed', () => {
	it('lists each import newest first, with what it added and what it changed', () => {
		const { ws, monday, tuesday } = twoNights();
		const feed = changesFeed(ws, AS_OF);
		expect(
			feed.map(({ runs, key: _key, ...counts }) => ({ ...counts, runs: runs.map((r) => r.id) }))
		).toEqual([
			{
				file: 'results-tuesday.json',
				tool: 'promptfoo',
				ranAt: '2026-11-24T02:00:00.000Z',
				runs: [tuesday.runs[0]!.id],
				evidenceAdded: 1,
				regressed: 6,
				fixed: 1,
				worse: 1,
				better: 0
			},
			{
				file: 'results-monday.json',
				tool: 'promptfoo',
				ranAt: '2026-11-23T02:00:00.000Z',
				runs: [monday.runs[0]!.id],
				evidenceAdded: 1,
				regressed: 0,
				fixed: 0,
				worse: 0,
				better: 0
			}
		]);
		// Keys are stable: the same workspace gives the same feed.
		expect(changesFeed(ws, AS_OF).map((e) => e.key)).toEqual(feed.map((e) => e.key));
		expect(new Set(feed.map((e) => e.key)).size).toBe(2);
	});

	it('writes each import’s note as it was written at the import', () => {
		const { ws, note } = twoNights();
		const [latest] = changesFeed(ws, AS_OF);
		const input = importTriage(ws, latest!, AS_OF);
		expect(triageNote(input, importNoteTitle(latest!.ranAt, latest!.file))).toBe(note);
		expect(note).toContain('*🔴 Hotfix* — promptfoo · Ticket routing (nightly) · GPT-4o');
	});

	it('names the items the latest import made worse', () => {
		const { ws } = twoNights();
		const latest = worseInLatestImport(ws, AS_OF)!;
		expect(latest.itemIds).toEqual(['ticket-triage']);
		expect(latest.entry).toEqual(changesFeed(ws, AS_OF)[0]);
		expect(worseInLatestImport(sample(), AS_OF)).toBeUndefined();
		// What does not depend on the items, kept across an item edit, gives what a fresh start gives.
		const base = latestImport(ws, AS_OF);
		const edited = {
			...ws,
			items: ws.items.map((item) =>
				item.id === 'ticket-triage' ? { ...item, requirements: [] } : item
			)
		};
		expect(worseInLatestImport(edited, AS_OF, base)).toEqual(worseInLatestImport(edited, AS_OF));
		expect(worseInLatestImport(edited, AS_OF, base)!.itemIds).toEqual([]);
		expect(changesFeed(sample(), AS_OF)).toEqual([]);
	});

	it('tells two nights of the same file name apart by their day', () => {
		const { ws } = twoNights({ monday: 'results.json', tuesday: 'results.json' });
		const feed = changesFeed(ws, AS_OF);
		expect(feed.map((e) => [e.ranAt.slice(0, 10), e.evidenceAdded, e.worse])).toEqual([
			['2026-11-24', 1, 1],
			['2026-11-23', 1, 0]
		]);
	});

	it('counts no evidence of an earlier day that only shares the file’s name', () => {
		const { ws } = twoNights();
		const old = ws.evidence.find((e) => e.source.title.startsWith('promptfoo: results-monday'))!;
		const withOld: Workspace = {
			...ws,
			evidence: [...ws.evidence, { ...old, id: 'ev-october', observedAt: '2026-10-01' }]
		};
		expect(changesFeed(withOld, AS_OF).map((e) => e.evidenceAdded)).toEqual([1, 1]);
	});

	it('gives a CSV import the rows it dated on earlier days', () => {
		const csv = parseResults(
			'model,metric,value,date,samples\nhelio-prod,pass-rate,80,2026-11-20,400\nhelio-prod,pass-rate,81,2026-11-22,400\n'
		);
		const result = ingest(sample(), csv, MAP, 'week.csv', AS_OF);
		const [entry] = changesFeed(result.workspace, AS_OF);
		expect(entry).toMatchObject({ tool: 'csv', file: 'week.csv', evidenceAdded: 2, worse: 1 });
	});

	it('judges worse and better on the as-of date: a later import is not yet known', () => {
		const { ws } = twoNights();
		expect(changesFeed(ws, '2026-11-23').map((e) => e.worse)).toEqual([0, 0]);
	});
});
