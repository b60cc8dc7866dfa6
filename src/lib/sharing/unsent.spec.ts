import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UnsentChanges, type UnsentState } from './unsent';

/** A change made in this tab, as the session counts it. */
function edit(doc: Y.Doc, unsent: UnsentChanges, value: string) {
	doc.getMap('m').set(value, value);
	unsent.made(doc);
}

describe('changes the server has not confirmed, across visits', () => {
	it('counts this device’s changes through a reload, and only until the server confirms them', () => {
		let stored: UnsentState = {};
		const first = new Y.Doc();
		const counted = new UnsentChanges(stored);
		edit(first, counted, 'a');
		edit(first, counted, 'b');
		expect(counted.count(first)).toBe(2);
		stored = counted.merged(stored);

		// Next visit, still offline: the doc comes back from storage under a new client id.
		const second = new Y.Doc();
		Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
		const again = new UnsentChanges(stored);
		expect(again.count(second)).toBe(2);
		edit(second, again, 'c');
		expect(again.count(second)).toBe(3);

		again.confirmed(second);
		expect(again.count(second)).toBe(0);
		// Someone else's change arriving is not this device's to send.
		const other = new Y.Doc();
		other.getMap('m').set('theirs', 1);
		Y.applyUpdate(second, Y.encodeStateAsUpdate(other));
		expect(again.count(second)).toBe(0);
	});

	it('keeps what another tab learnt: a confirmation there counts here', () => {
		const doc = new Y.Doc();
		const here = new UnsentChanges({});
		edit(doc, here, 'a');
		const there = new UnsentChanges(here.merged({}));
		there.confirmed(doc);
		const stored = there.merged({});
		expect(here.count(doc)).toBe(1);
		here.merged(stored);
		expect(here.count(doc)).toBe(0);
	});

	it("counts another tab's unsent changes once it has read what that tab kept", () => {
		// Two tabs of one browser share the stored doc; only the first has changed anything.
		const doc = new Y.Doc();
		const quiet = new UnsentChanges({});
		const busy = new UnsentChanges({});
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		edit(other, busy, 'a');
		edit(other, busy, 'b');
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
		expect(quiet.count(doc)).toBe(0);
		quiet.merged(busy.merged({}));
		expect(quiet.count(doc)).toBe(2);
	});
});
