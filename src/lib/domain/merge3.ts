/**
 * A three-way merge of texts, line by line: what the user edited (`mine`) and what the generator
 * writes now (`theirs`), both from the text the edit started from (`base`). Where only one side
 * changed a stretch of lines, that change is taken; where both changed it alike, once; where
 * they differ, both are kept between conflict markers for the user to settle in the editor.
 */
import { matchLines } from './line-diff';

export const CONFLICT_START = '<<<<<<< your edit';
export const CONFLICT_MIDDLE = '=======';
export const CONFLICT_END = '>>>>>>> regenerated';

export interface Merged {
	text: string;
	/** Stretches both sides changed differently, marked in `text`. */
	conflicts: number;
}

const same = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((line, i) => line === b[i]);

export function merge3(base: string, mine: string, theirs: string): Merged {
	const b = base.split('\n');
	const m = mine.split('\n');
	const t = theirs.split('\n');
	const toMine = matchLines(b, m);
	const toTheirs = matchLines(b, t);
	const out: string[] = [];
	let conflicts = 0;
	let i = 0;
	let j = 0;
	let k = 0;

	/** The stretch before a line both sides kept (or the end): one side's change, or a conflict. */
	const settle = (bEnd: number, mEnd: number, tEnd: number) => {
		const baseChunk = b.slice(i, bEnd);
		const mineChunk = m.slice(j, mEnd);
		const theirsChunk = t.slice(k, tEnd);
		if (same(mineChunk, baseChunk) || same(mineChunk, theirsChunk)) out.push(...theirsChunk);
		else if (same(theirsChunk, baseChunk)) out.push(...mineChunk);
		else {
			conflicts++;
			out.push(CONFLICT_START, ...mineChunk, CONFLICT_MIDDLE, ...theirsChunk, CONFLICT_END);
		}
	};

	for (let at = 0; at < b.length; at++) {
		const inMine = toMine[at]!;
		const inTheirs = toTheirs[at]!;
		// A line of the base both sides kept, after where each side is now: the two agree here.
		if (inMine < j || inTheirs < k) continue;
		settle(at, inMine, inTheirs);
		out.push(b[at]!);
		i = at + 1;
		j = inMine + 1;
		k = inTheirs + 1;
	}
	settle(b.length, m.length, t.length);
	return { text: out.join('\n'), conflicts };
}

/** Lines of a text that still hold conflict markers: the editor's checks list them. */
export function conflictLines(text: string): number[] {
	const lines: number[] = [];
	text.split('\n').forEach((line, n) => {
		if (line === CONFLICT_START) lines.push(n + 1);
	});
	return lines;
}
