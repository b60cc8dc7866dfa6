import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceText } from './text';

function textOf(value: string): Y.Text {
	const text = new Y.Doc().getText('t');
	text.insert(0, value);
	return text;
}

describe('replaceText', () => {
	const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });

	it('leaves the text equal to the new value, whatever both are', () => {
		fc.assert(
			fc.property(anyText, anyText, (before, after) => {
				const text = textOf(before);
				replaceText(text, after);
				expect(text.toString()).toBe(after);
			})
		);
	});

	it('rewrites only the changed middle, so edits elsewhere at the same time survive', () => {
		const a = new Y.Doc();
		a.getText('t').insert(0, 'The fallback shows a canned answer.');
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		replaceText(a.getText('t'), 'The fallback shows a short canned answer.');
		replaceText(b.getText('t'), 'The fallback shows a canned answer and a link.');
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		expect(a.getText('t').toString()).toBe('The fallback shows a short canned answer and a link.');
		expect(b.getText('t').toString()).toBe(a.getText('t').toString());
	});

	it('never cuts a character written as two UTF-16 units in half', () => {
		// 😀 and 😁 share their first unit: a diff by units would keep half a character.
		const text = textOf('a😀b');
		const deltas: unknown[] = [];
		text.observe((event) => deltas.push(event.delta));
		replaceText(text, 'a😁b');
		expect(text.toString()).toBe('a😁b');
		expect(deltas).toEqual([[{ retain: 1 }, { delete: 2 }, { insert: '😁' }]]);
	});
});
