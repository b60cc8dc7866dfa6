/**
 * Two eval runs side by side, case by case: the per-case view's table. Rows follow the newer
 * run's case order, then the cases only the older run had.
 */
import type { EvalCase } from './eval-runs';
import type { EvalRun } from './schemas';

export type CaseStatus = 'regressed' | 'fixed' | 'same' | 'new' | 'dropped';

export interface ComparedCase {
	key: string;
	description?: string;
	/** The case in the older run (`before`) and the newer one (`after`), where each has it. */
	before?: EvalCase;
	after?: EvalCase;
	status: CaseStatus;
}

function statusOf(before: EvalCase | undefined, after: EvalCase | undefined): CaseStatus {
	if (!before) return 'new';
	if (!after) return 'dropped';
	if (before.pass === after.pass) return 'same';
	return after.pass ? 'fixed' : 'regressed';
}

/** `older` may be undefined: a run without a previous one compares every case as new. */
export function compareRuns(older: EvalRun | undefined, newer: EvalRun): ComparedCase[] {
	const before = new Map(older?.cases.map((c) => [c.key, c]));
	const rows: ComparedCase[] = [];
	const seen = new Set<string>();
	const row = (key: string, b: EvalCase | undefined, a: EvalCase | undefined): ComparedCase => {
		const description = a?.description ?? b?.description;
		return {
			key,
			...(description !== undefined ? { description } : {}),
			...(b ? { before: b } : {}),
			...(a ? { after: a } : {}),
			status: statusOf(b, a)
		};
	};
	for (const after of newer.cases) {
		seen.add(after.key);
		rows.push(row(after.key, before.get(after.key), after));
	}
	for (const b of older?.cases ?? []) if (!seen.has(b.key)) rows.push(row(b.key, b, undefined));
	return rows;
}

/** How many rows of each status: the filter's counts. */
export function countStatuses(rows: readonly ComparedCase[]): Record<CaseStatus, number> {
	const counts: Record<CaseStatus, number> = {
		regressed: 0,
		fixed: 0,
		same: 0,
		new: 0,
		dropped: 0
	};
	for (const r of rows) counts[r.status]++;
	return counts;
}
