import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rebaseText, replaceText } from './text';
import { diffHunks } from '$lib/domain/diff';

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

describe('diffHunks', () => {
	it('gives stretches that turn the first text into the second', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
				const [from, to] = [Array.from(a), Array.from(b)];
				let rebuilt = '';
				let at = 0;
				for (const hunk of diffHunks(from, to)) {
					rebuilt +=
						from.slice(at, hunk.aStart).join('') + to.slice(hunk.bStart, hunk.bEnd).join('');
					at = hunk.aEnd;
				}
				expect(rebuilt + from.slice(at).join('')).toBe(b);
			})
		);
	});

	it('keeps what two far-apart edits left alone between them', () => {
		expect(diffHunks(Array.from('one two three'), Array.from('One two three!'))).toEqual([
			{ aStart: 0, aEnd: 1, bStart: 0, bEnd: 1 },
			{ aStart: 13, aEnd: 13, bStart: 13, bEnd: 14 }
		]);
	});
});

describe('rebaseText', () => {
	it('is replaceText when the text is what the editor saw', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (seen, next) => {
				const text = textOf(seen);
				rebaseText(text, seen, next);
				expect(text.toString()).toBe(next);
			})
		);
	});

	it('replays the editor’s change where it lands now, keeping words they had not seen', () => {
		const seen = 'The fallback shows a canned answer.';
		const text = textOf('Ana: The fallback shows a canned answer. Then a link');
		rebaseText(text, seen, 'The fallback shows a short canned answer');
		expect(text.toString()).toBe('Ana: The fallback shows a short canned answer Then a link');
	});

	it('deletes only what is still there, and inserts after what someone else wrote in its place', () => {
		const text = textOf('one TWO three');
		rebaseText(text, 'one two three', 'one 2 three');
		expect(text.toString()).toBe('one TWO2 three');
	});

	it('loses no character someone else typed, and makes every edit the editor made', () => {
		// The others only insert, in letters the editor does not use (else a diff may read their
		// letters as the editor's): every one of their insertions must still be there.
		const editorText = fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 20 });
		const theirWords = fc.string({ unit: fc.constantFrom('X', 'Y'), minLength: 1, maxLength: 4 });
		fc.assert(
			fc.property(
				editorText,
				editorText,
				fc.array(fc.tuple(fc.nat(), theirWords), { maxLength: 3 }),
				(seen, next, inserts) => {
					let current = seen;
					const marked = inserts.map(
						([at, words], i) => [at % (seen.length + 1), `<${i}${words}>`] as const
					);
					for (const [at, words] of [...marked].sort((x, y) => y[0] - x[0]))
						current = current.slice(0, at) + words + current.slice(at);
					const text = textOf(current);
					rebaseText(text, seen, next);
					const result = text.toString();
					for (const [, words] of marked) expect(result).toContain(words);
					let rest = result;
					for (const [, words] of marked) rest = rest.replace(words, '');
					if (marked.every(([at]) => at === 0 || at === seen.length)) expect(rest).toBe(next);
				}
			)
		);
	});
});
