/**
 * Where two sequences differ: the smallest set of changed stretches (Myers' diff), the one diff
 * the app has. Over lines it shows what changed between two versions of a brief and aligns a
 * three-way merge (line-diff.ts, merge3.ts); over characters it replays a form's edit onto a text
 * someone else has changed since the form's device last read it (sync/text.ts, `rebaseText`):
 * the two diffs — what the editor changed, and what changed under them — say where each of the
 * editor's changes lands now.
 */

/** A stretch `a[aStart, aEnd)` replaced by `b[bStart, bEnd)`; either side may be empty. */
export interface Hunk {
	aStart: number;
	aEnd: number;
	bStart: number;
	bEnd: number;
}

/**
 * Past this many inserted and deleted characters the middle is reported as one hunk: the exact
 * diff costs memory in the square of it, and a text rewritten that much has no fine merge anyway.
 */
const MAX_EDITS = 2000;

/** The hunks that turn `a` into `b`, in order; equal stretches between them are left out. */
export function diffHunks<T>(a: readonly T[], b: readonly T[], maxEdits = MAX_EDITS): Hunk[] {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) start++;
	let endA = a.length;
	let endB = b.length;
	while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
		endA--;
		endB--;
	}
	const n = endA - start;
	const m = endB - start;
	if (n === 0 && m === 0) return [];
	const whole = [{ aStart: start, aEnd: endA, bStart: start, bEnd: endB }];
	if (n === 0 || m === 0) return whole;
	const matches = myersMatches(
		(x, y) => a[start + x] === b[start + y],
		n,
		m,
		Math.min(n + m, maxEdits)
	);
	if (!matches) return whole;
	const hunks: Hunk[] = [];
	let [x, y] = [0, 0];
	for (const [i, j] of [...matches, [n, m] as const]) {
		if (i > x || j > y)
			hunks.push({ aStart: start + x, aEnd: start + i, bStart: start + y, bEnd: start + j });
		[x, y] = [i + 1, j + 1];
	}
	return hunks;
}

/**
 * The matched pairs [x, y] of a shortest edit script from a (length n) to b (length m), in order;
 * undefined when it takes more than `limit` edits.
 */
function myersMatches(
	same: (x: number, y: number) => boolean,
	n: number,
	m: number,
	limit: number
): [number, number][] | undefined {
	const offset = limit + 1;
	const v = new Int32Array(2 * limit + 3);
	// trace[d]: v before step d, for the diagonals -d-1 … d+1 (all step d reads).
	const trace: Int32Array[] = [];
	let done = false;
	for (let d = 0; d <= limit && !done; d++) {
		trace.push(v.slice(offset - d - 1, offset + d + 2));
		for (let k = -d; k <= d; k += 2) {
			let x =
				k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
					? v[offset + k + 1]!
					: v[offset + k - 1]! + 1;
			let y = x - k;
			while (x < n && y < m && same(x, y)) {
				x++;
				y++;
			}
			v[offset + k] = x;
			if (x >= n && y >= m) {
				done = true;
				break;
			}
		}
	}
	if (!done) return undefined;
	const matches: [number, number][] = [];
	let [x, y] = [n, m];
	for (let d = trace.length - 1; d >= 0; d--) {
		const before = trace[d]!;
		const at = (k: number) => before[k + d + 1]!;
		const k = x - y;
		const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
		const previousX = d === 0 ? 0 : at(previousK);
		const previousY = d === 0 ? 0 : previousX - previousK;
		while (x > previousX && y > previousY) matches.push([--x, --y]);
		[x, y] = [previousX, previousY];
	}
	return matches.reverse();
}
