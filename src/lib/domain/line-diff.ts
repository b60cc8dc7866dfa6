/** What changed between two versions of a text, line by line (longest common subsequence). */
export interface DiffLine {
	kind: 'same' | 'added' | 'removed';
	text: string;
}

/**
 * For each line of `a`, the line of `b` it is kept as in a longest common subsequence of the
 * two, or -1 where it was removed. Matches only ever move forward in both.
 */
export function matchLines(a: readonly string[], b: readonly string[]): number[] {
	// lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
	const lengths: number[][] = Array.from({ length: a.length + 1 }, () =>
		new Array<number>(b.length + 1).fill(0)
	);
	for (let i = a.length - 1; i >= 0; i--)
		for (let j = b.length - 1; j >= 0; j--)
			lengths[i]![j] =
				a[i] === b[j]
					? lengths[i + 1]![j + 1]! + 1
					: Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
	const match = new Array<number>(a.length).fill(-1);
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) match[i++] = j++;
		else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
		else j++;
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
