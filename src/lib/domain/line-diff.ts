/** What changed between two versions of a text, line by line (longest common subsequence). */
import { diffHunks } from './diff';

export interface DiffLine {
	kind: 'same' | 'added' | 'removed';
	text: string;
}

/**
 * For each line of `a`, the line of `b` it is kept as in a longest common subsequence of the
 * two, or -1 where it was removed. Matches only ever move forward in both.
 */
export function matchLines(a: readonly string[], b: readonly string[]): number[] {
	const match = new Array<number>(a.length).fill(-1);
	const end = { aStart: a.length, aEnd: a.length, bStart: b.length, bEnd: b.length };
	let [x, y] = [0, 0];
	// Exact, however much changed: a brief is a few hundred lines.
	for (const hunk of [...diffHunks(a, b, a.length + b.length), end]) {
		while (x < hunk.aStart) match[x++] = y++;
		[x, y] = [hunk.aEnd, hunk.bEnd];
	}
	return match;
}

export function lineDiff(before: string, after: string): DiffLine[] {
	const a = before.split('\n');
	const b = after.split('\n');
	const match = matchLines(a, b);
	const out: DiffLine[] = [];
	let j = 0;
	for (let i = 0; i < a.length; i++) {
		if (match[i] === -1) {
			out.push({ kind: 'removed', text: a[i]! });
			continue;
		}
		while (j < match[i]!) out.push({ kind: 'added', text: b[j++]! });
		out.push({ kind: 'same', text: a[i]! });
		j++;
	}
	while (j < b.length) out.push({ kind: 'added', text: b[j++]! });
	return out;
}
