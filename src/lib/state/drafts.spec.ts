import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftKeeper, DraftStore } from './drafts';
import { MemoryStorage } from '../../test-support/memory-storage';

afterEach(() => vi.useRealTimers());

describe('drafts kept in the browser', () => {
	it('keeps a draft per editor and record, with the record it began from', () => {
		const store = new DraftStore(new MemoryStorage(), new MemoryStorage());
		expect(store.read('item:a')).toBeNull();
		expect(store.write('item:a', { id: 'a', owner: 'Maya' }, { owner: 'Ann' }, 't1')).toBe(true);
		expect(store.read('item:a')).toMatchObject({
			base: { id: 'a', owner: 'Maya' },
			fields: { owner: 'Ann' },
			savedAt: 't1'
		});
		expect(store.read('item:b')).toBeNull();
	});

	it("does not throw away another tab's draft, unless told to", () => {
		const local = new MemoryStorage();
		const tabA = new DraftStore(local, new MemoryStorage());
		const tabB = new DraftStore(local, new MemoryStorage());
		tabB.write('item:a', null, { owner: 'typed in B' });
		tabA.remove('item:a'); // tab A saved its own edit: B's draft stays
		expect(tabA.read('item:a')?.fields).toEqual({ owner: 'typed in B' });
		tabA.remove('item:a', true); // the user discarded it
		expect(tabA.read('item:a')).toBeNull();
	});

	it('forgets every draft when the workspace closes, and survives a full or broken storage', () => {
		const local = new MemoryStorage();
		local.setItem('other-app', 'x');
		const store = new DraftStore(local, new MemoryStorage());
		store.write('item:a', null, {});
		store.write('brief:b', null, {});
		store.clear();
		expect([local.length, local.getItem('other-app')]).toEqual([1, 'x']);
		local.full = true;
		expect(store.write('item:a', null, {})).toBe(false);
		local.full = false;
		local.setItem('capmap:draft:v1:item:z', '{not json');
		expect(store.read('item:z')).toBeNull();
		expect(new DraftStore(null, null).write('item:a', null, {})).toBe(false);
	});

	it('writes a draft shortly after typing, and at once when the page is hidden', () => {
		vi.useFakeTimers();
		const store = new DraftStore(new MemoryStorage(), new MemoryStorage());
		const keeper = new DraftKeeper<null, { text: string }>('brief:b', store, 300);
		const page = new EventTarget();
		const detach = keeper.attach(page as unknown as Window);
		keeper.keep(null, { text: 'a' });
		keeper.keep(null, { text: 'ab' });
		expect(store.read('brief:b')).toBeNull();
		vi.advanceTimersByTime(300);
		expect(store.read('brief:b')?.fields).toEqual({ text: 'ab' });

		keeper.keep(null, { text: 'abc' });
		page.dispatchEvent(new Event('pagehide'));
		expect(keeper.read()?.fields).toEqual({ text: 'abc' });

		keeper.keep(null, { text: 'abcd' });
		detach(); // the editor closed: what was pending is written
		expect(keeper.read()?.fields).toEqual({ text: 'abcd' });
		keeper.clear();
		expect(keeper.read()).toBeNull();
	});
});

describe('restoring a draft', () => {
	it("restores this tab's draft at once, another tab's once that tab is closed, and drops one that changes nothing", async () => {
		const local = new MemoryStorage();
		const here = new DraftStore(local, new MemoryStorage());
		const closedTab = new DraftStore(local, new MemoryStorage());
		const differs = (fields: { text: string }) => fields.text !== 'stored';
		const applied: string[] = [];
		const apply = (draft: { fields: { text: string } }) => applied.push(draft.fields.text);

		here.write('brief:b', null, { text: 'mine' });
		new DraftKeeper<null, { text: string }>('brief:b', here).restore(differs, apply);
		expect(applied).toEqual(['mine']);

		closedTab.write('brief:b', null, { text: 'left in a closed tab' });
		new DraftKeeper<null, { text: string }>('brief:b', here).restore(differs, apply);
		await new Promise((resolve) => setTimeout(resolve)); // asking the browser's locks
		expect(applied).toEqual(['mine', 'left in a closed tab']);

		here.write('brief:b', null, { text: 'stored' });
		new DraftKeeper<null, { text: string }>('brief:b', here).restore(differs, apply);
		expect([applied.length, here.read('brief:b')]).toEqual([2, null]);
	});
});
