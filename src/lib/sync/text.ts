/**
 * Writing a long text into its Y.Text as the smallest edit: the common start and end are kept
 * and only the middle is replaced. A form that saves a whole description therefore touches only
 * the words its user changed, and what someone else typed elsewhere in the text at the same time
 * survives the merge.
 *
 * When the text has changed since the editor's device read it (someone's edit reached the doc
 * but not yet the form), the editor's change is replayed onto the text as it is now
 * (`rebaseText`): each stretch they changed, where it is now, so the words they never saw stay.
 */
import type * as Y from 'yjs';
import { diffHunks, type Hunk } from '$lib/domain/diff';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function replaceText(text: Y.Text, next: string): void {
	const current = text.toString();
	if (current === next) return;
	let start = 0;
	const shorter = Math.min(current.length, next.length);
	while (start < shorter && current.charCodeAt(start) === next.charCodeAt(start)) start++;
	// Never split a character written as two UTF-16 units (an emoji, a rare CJK character).
	if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
	let end = 0;
	while (
		end < shorter - start &&
		current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
	)
		end++;
	if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
	const removed = current.length - start - end;
	const inserted = next.slice(start, next.length - end);
	const edit = () => {
		if (removed > 0) text.delete(start, removed);
		if (inserted !== '') text.insert(start, inserted);
	};
	// One transaction: one change for the other clients and the undo history.
	if (text.doc) text.doc.transact(edit);
	else edit();
}

/**
 * Applies the editor's change `seen → next` to `text`, which may hold more than `seen` (others'
 * edits the editor had not seen): each changed stretch is written where it is in the text now.
 * A stretch the editor deleted goes only as far as it is still there; text the editor inserted
 * where someone else changed the same words goes after theirs. Nobody's characters are lost.
 */
export function rebaseText(text: Y.Text, seen: string, next: string): void {
	const current = text.toString();
	if (current === seen) return replaceText(text, next);
	// Characters, not UTF-16 units: a stretch never splits an emoji.
	const [seenChars, currentChars, nextChars] = [seen, current, next].map((s) => Array.from(s));
	const theirs = diffHunks(seenChars!, currentChars!);
	const ours = diffHunks(seenChars!, nextChars!);
	const edits: { at: number; remove: number; insert: string; order: number }[] = [];
	ours.forEach((hunk, order) => {
		for (const [at, end] of stillThere(theirs, hunk.aStart, hunk.aEnd))
			edits.push({ at, remove: end - at, insert: '', order });
		if (hunk.bEnd > hunk.bStart)
			edits.push({
				at: gapNow(theirs, hunk.aStart, hunk.aEnd > hunk.aStart),
				remove: 0,
				insert: nextChars!.slice(hunk.bStart, hunk.bEnd).join(''),
				order
			});
	});
	// From the end backwards, so each edit's place is untouched by those applied before it; at one
	// place the removal first, then the insertions, the editor's later one first.
	edits.sort((x, y) => y.at - x.at || y.remove - x.remove || y.order - x.order);
	const unitsBefore = utf16Offsets(currentChars!);
	const edit = () => {
		for (const { at, remove, insert } of edits) {
			const start = unitsBefore[at]!;
			if (remove > 0) text.delete(start, unitsBefore[at + remove]! - start);
			if (insert !== '') text.insert(start, insert);
		}
	};
	if (text.doc) text.doc.transact(edit);
	else edit();
}

/**
 * Where the gap before seen character `gap` is now. Inside a stretch someone changed it is after
 * their text; so is a `replacing` edit's that starts where theirs does (both rewrote the same
 * words: theirs, then the editor's).
 */
function gapNow(theirs: readonly Hunk[], gap: number, replacing: boolean): number {
	let shift = 0;
	for (const hunk of theirs) {
		if (hunk.aEnd <= gap) shift = hunk.bEnd - hunk.aEnd;
		else if (hunk.aStart < gap || (replacing && hunk.aStart === gap)) return hunk.bEnd;
		else break;
	}
	return gap + shift;
}

/** The parts of seen characters [start, end) that nobody else deleted, as ranges of the text now. */
function stillThere(theirs: readonly Hunk[], start: number, end: number): [number, number][] {
	const ranges: [number, number][] = [];
	let [equalFrom, shift] = [0, 0];
	for (const hunk of [...theirs, { aStart: Infinity, aEnd: Infinity, bStart: 0, bEnd: 0 }]) {
		const [from, to] = [Math.max(start, equalFrom), Math.min(end, hunk.aStart)];
		if (from < to) ranges.push([from + shift, to + shift]);
		[equalFrom, shift] = [hunk.aEnd, hunk.bEnd - hunk.aEnd];
		if (equalFrom >= end) break;
	}
	return ranges;
}

/** The UTF-16 offset at which each character starts, and the text's length at the end. */
function utf16Offsets(chars: readonly string[]): number[] {
	const offsets = [0];
	for (const char of chars) offsets.push(offsets.at(-1)! + char.length);
	return offsets;
}
