import { describe, expect, it } from 'vitest';
import {
	boardColumns,
	DEFAULT_FILTER,
	filterFromParams,
	filterParams,
	type BoardCard,
	type BoardCards
} from './board';
import { sample } from '../../test-support/sample';
import { computeReadiness } from './readiness';

describe('the board’s filters in the URL', () => {
	it('leave defaults out and round-trip the rest', () => {
		const filter = { ...DEFAULT_FILTER, status: 'all', owner: 'Ann Lee', text: 'refund & co' };
		const params = filterParams(filter);
		expect(params.toString()).toBe('q=refund+%26+co&status=all&owner=Ann+Lee');
		expect(filterFromParams(new URLSearchParams(params.toString()))).toEqual(filter);
		expect(filterParams(DEFAULT_FILTER).toString()).toBe('');
	});
});

describe('boardColumns', () => {
	it('shows only the given items when asked to', () => {
		const ws = sample();
		const readiness = new Map(computeReadiness(ws, '2026-11-27').map((r) => [r.itemId, r]));
		const all = { ...DEFAULT_FILTER, status: 'all' };
		const only = new Set([ws.items[0]!.id, ws.items[3]!.id]);
		const cards = Object.values(boardColumns(ws.items, readiness, all, only)).flat();
		expect(cards.map((c) => c.item.id).sort()).toEqual([...only].sort());
		expect(Object.values(boardColumns(ws.items, readiness, all)).flat()).toHaveLength(
			ws.items.length
		);
	});

	it('keeps a card the same object while its item and result are', () => {
		const ws = sample();
		const readiness = new Map(computeReadiness(ws, '2026-11-27').map((r) => [r.itemId, r]));
		const all = { ...DEFAULT_FILTER, status: 'all' };
		const cards: BoardCards = new WeakMap();
		const before = Object.values(boardColumns(ws.items, readiness, all, undefined, cards)).flat();
		const edited = { ...ws.items[1]!, title: 'Renamed' };
		const items = ws.items.map((item, i) => (i === 1 ? edited : item));
		const after = Object.values(boardColumns(items, readiness, all, undefined, cards)).flat();
		const byId = (list: BoardCard[]) => new Map(list.map((card) => [card.item.id, card]));
		const [was, is] = [byId(before), byId(after)];
		for (const [id, card] of is)
			if (id === edited.id) expect(card).toEqual({ ...was.get(id), item: edited });
			else expect(card).toBe(was.get(id));
	});
});
