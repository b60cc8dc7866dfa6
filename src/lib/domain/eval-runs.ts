/**
 * Eval runs, case by case (docs/rules.md, "Eval runs"): which run came before which, and which
 * test cases regressed or were fixed between them — what lets tomorrow's import say *which
 * prompts* broke rather than only that a pass rate fell.
 */
import { compareIds } from './readiness';
import type { EvalRun } from './schemas';

export type EvalCase = EvalRun['cases'][number];

/** FNV-1a: a short, stable id from the text that makes two things the same. */
export function stableHash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` read the same. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object')
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	return JSON.stringify(value) ?? 'null';
}

/**
 * A test case's key across runs: its description when it has one (promptfoo's), else a stable
 * hash of its variables, so the same test in tomorrow's run is found again whatever the order.
 */
export function caseKey(description: string | undefined, vars: unknown): string {
	const text = description?.trim();
	return text ? text : `vars:${stableHash(canonical(vars ?? null))}`;
}

/** The same tool, suite and model: runs that can be compared case by case. */
export function sameSeries(a: EvalRun, b: EvalRun): boolean {
	return a.tool === b.tool && a.suite === b.suite && a.modelId === b.modelId;
}

/** The run of the same series that came last before `run` (by `ranAt`, then id). */
export function previousRun(runs: readonly EvalRun[], run: EvalRun): EvalRun | undefined {
	let previous: EvalRun | undefined;
	for (const other of runs) {
		if (other.id === run.id || !sameSeries(other, run) || other.ranAt >= run.ranAt) continue;
		if (
			!previous ||
			other.ranAt > previous.ranAt ||
			(other.ranAt === previous.ranAt && compareIds(other.id, previous.id) > 0)
		)
			previous = other;
	}
	return previous;
}

export interface CaseChange {
	key: string;
	description?: string;
	before: EvalCase;
	after: EvalCase;
}

export interface RunDiff {
	/** Passed in the previous run of the series, fails now. */
	regressed: CaseChange[];
	/** Failed before, passes now. */
	fixed: CaseChange[];
	/** Cases of this run that the previous run did not have. */
	added: number;
}

/** Regressed and fixed cases of `run` against `previous`, in the run's case order. */
export function diffRuns(previous: EvalRun | undefined, run: EvalRun): RunDiff {
	const diff: RunDiff = { regressed: [], fixed: [], added: 0 };
	const before = new Map(previous?.cases.map((c) => [c.key, c]));
	for (const after of run.cases) {
		const earlier = before.get(after.key);
		if (!earlier) {
			diff.added++;
			continue;
		}
		if (earlier.pass === after.pass) continue;
		const change: CaseChange = { key: after.key, before: earlier, after };
		const description = after.description ?? earlier.description;
		if (description !== undefined) change.description = description;
		(after.pass ? diff.fixed : diff.regressed).push(change);
	}
	return diff;
}

/** Two runs with the same series, time and cases are one run imported twice. */
export function sameRun(a: EvalRun, b: EvalRun): boolean {
	return (
		sameSeries(a, b) &&
		a.ranAt === b.ranAt &&
		a.cases.length === b.cases.length &&
		a.cases.every((c, i) => {
			const o = b.cases[i]!;
			return c.key === o.key && c.pass === o.pass && c.score === o.score;
		})
	);
}
