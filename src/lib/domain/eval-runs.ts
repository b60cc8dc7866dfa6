/**
 * Eval runs, case by case (docs/rules.md, "Eval runs"): which run came before which, and which
 * test cases regressed or were fixed between them — what lets tomorrow's import say *which
 * prompts* broke rather than only that a pass rate fell.
 */
import { compareIds } from './readiness';
import type { EvalRun } from './schemas';

export type EvalCase = EvalRun['cases'][number];

/**
 * How evidence source titles name each tool an import reads (`promptfoo: results.json — all
 * tests`). Runs store the short id (`lm-eval`); the changes feed finds an import's evidence by
 * this title.
 */
export const TOOL_TITLES: Readonly<Record<string, string>> = {
	promptfoo: 'promptfoo',
	'lm-eval': 'lm-evaluation-harness',
	inspect: 'Inspect',
	csv: 'CSV'
};

/** The source title of evidence an import of `file` by `tool` adds for `task`. */
export function evidenceTitle(tool: string, file: string, task: string): string {
	return `${evidenceTitlePrefix(tool, file)}${task}`;
}

/** What every source title of one file's evidence begins with. */
export function evidenceTitlePrefix(tool: string, file: string): string {
	return `${TOOL_TITLES[tool] ?? tool}: ${file} — `;
}

/** A run's id: the same tool, suite, model, time and file give the same id. */
export function runId(run: Pick<EvalRun, 'tool' | 'suite' | 'modelId' | 'ranAt' | 'file'>): string {
	return `run-${stableHash([run.tool, run.suite, run.modelId, run.ranAt, run.file ?? ''].join('\u0000'))}`;
}

/**
 * Text cut to at most `max` characters on one line, marked with an ellipsis: a grader's reason
 * or a case's description is kept readable, never refused for its length.
 */
export function clip(text: string, max: number): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

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

/** The most characters a case key holds (the schema's limit); a longer one ends in its hash. */
export const MAX_CASE_KEY = 1000;

/**
 * Case keys for one run, in order: each as given (cut to the limit with a hash of the whole, so
 * two long descriptions stay apart), and a key seen before in the run numbered `#2`, `#3`, …
 * (a test repeated in one file), so every case of a run has a key of its own.
 */
export function uniqueKeys(keys: readonly string[]): string[] {
	// Room for the hash of a long key and for a `#n` after it.
	const room = MAX_CASE_KEY - 12;
	const used = new Set<string>();
	const last = new Map<string, number>();
	return keys.map((raw) => {
		const key = raw.length <= room ? raw : `${raw.slice(0, room - 10)}… ${stableHash(raw)}`;
		let n = last.get(key) ?? 1;
		let out = n === 1 ? key : `${key} #${n}`;
		while (used.has(out)) out = `${key} #${++n}`;
		last.set(key, n);
		used.add(out);
		return out;
	});
}

/** A run's cases with their keys made unique (`uniqueKeys`), in the same order. */
export function withUniqueKeys<T extends { key: string }>(cases: readonly T[]): T[] {
	const keys = uniqueKeys(cases.map((c) => c.key));
	return cases.map((c, i) => ({ ...c, key: keys[i]! }));
}

/** Variables as a person reads them: `ticket=I forgot my password; locale=en`. */
export function varsText(vars: unknown): string | undefined {
	if (vars === null || typeof vars !== 'object') return undefined;
	const parts = Object.entries(vars as Record<string, unknown>).map(
		([k, v]) => `${k}=${typeof v === 'string' ? v : canonical(v)}`
	);
	return parts.length > 0 ? clip(parts.join('; '), 300) : undefined;
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

/** Cases regressed and fixed over `runs`, each against its previous run among `all`. */
export function caseChanges(
	all: readonly EvalRun[],
	runs: readonly EvalRun[]
): { regressed: number; fixed: number } {
	let regressed = 0;
	let fixed = 0;
	for (const run of runs) {
		const diff = diffRuns(previousRun(all, run), run);
		regressed += diff.regressed.length;
		fixed += diff.fixed.length;
	}
	return { regressed, fixed };
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
