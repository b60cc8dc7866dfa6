/**
 * The changes feed (docs/rules.md, "The changes feed"): every import of eval results, newest
 * first, with what it added and what it changed — derived from what the workspace already
 * carries, so it survives export and import with the file and needs no log of its own.
 *
 * - **An import** is the eval runs of one file: the same tool, file and `ranAt`.
 * - **Its evidence** is the evidence whose source title begins as that file's evidence titles
 *   begin (`promptfoo: results.json — `, eval-runs.ts `evidenceTitlePrefix`) and that was
 *   observed on the day of its runs — for a CSV, whose rows carry their own dates, the earliest
 *   import of that file on or after the evidence's day — so the same `results.json` imported
 *   every night gives each night its own evidence.
 * - **Worse and better** compare readiness just before and just after the import, on the as-of
 *   date: before is the workspace without the evidence of this import and of every later one.
 *   Readiness is computed once along the chain, oldest first: the rules' context grows by each
 *   import's evidence (readiness.ts `contextWith`), and only the items that must have a
 *   capability that evidence is on are judged again.
 */
import { caseChanges, evidenceTitlePrefix, stableHash } from './eval-runs';
import {
	contextWith,
	createContext,
	mustRequirements,
	readinessOf,
	readinessRank,
	type ItemReadiness,
	type ReadinessContext
} from './readiness';
import type { EvalRun, Evidence } from './schemas';
import type { TriageInput } from './triage';
import type { Workspace } from './workspace';

export interface ImportEntry {
	/** Stable id of one import: a hash of its tool, file and `ranAt`. */
	key: string;
	file?: string;
	tool: string;
	/** When the runs ran (their `ranAt`, a UTC ISO timestamp). */
	ranAt: string;
	/** The runs this import added. */
	runs: EvalRun[];
	evidenceAdded: number;
	/** Cases regressed and fixed, summed over its runs (each against the run before it). */
	regressed: number;
	fixed: number;
	/** Items whose readiness got worse, and better, with this import. */
	worse: number;
	better: number;
}

interface Import {
	key: string;
	tool: string;
	file?: string;
	ranAt: string;
	runs: EvalRun[];
	evidence: Evidence[];
}

/** The workspace's imports, oldest first, each with its evidence; and the evidence of none. */
function importsOf(ws: Pick<Workspace, 'evalRuns' | 'evidence'>): {
	imports: Import[];
	other: Evidence[];
} {
	const byKey = new Map<string, Import>();
	for (const run of ws.evalRuns) {
		const key = `imp-${stableHash([run.tool, run.file ?? '', run.ranAt].join('\u0000'))}`;
		const found = byKey.get(key);
		if (found) found.runs.push(run);
		else
			byKey.set(key, {
				key,
				tool: run.tool,
				...(run.file !== undefined ? { file: run.file } : {}),
				ranAt: run.ranAt,
				runs: [run],
				evidence: []
			});
	}
	const imports = [...byKey.values()].sort((a, b) =>
		a.ranAt === b.ranAt ? (a.key < b.key ? -1 : 1) : a.ranAt < b.ranAt ? -1 : 1
	);
	// The imports of each title prefix, oldest first.
	const byPrefix = new Map<string, Import[]>();
	for (const entry of imports) {
		if (entry.file === undefined) continue;
		const prefix = evidenceTitlePrefix(entry.tool, entry.file);
		byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), entry]);
	}
	const other: Evidence[] = [];
	for (const e of ws.evidence) {
		const owner = byPrefix.size === 0 ? undefined : ownerOf(e, byPrefix);
		if (owner) owner.evidence.push(e);
		else other.push(e);
	}
	return { imports, other };
}

const SEPARATOR = ' — ';

/** The import an evidence record came from: its title's prefix, then its day. */
function ownerOf(e: Evidence, byPrefix: ReadonlyMap<string, Import[]>): Import | undefined {
	const title = e.source.title;
	// A file's name may itself hold the separator: try each place it occurs.
	for (let at = title.indexOf(SEPARATOR); at >= 0; at = title.indexOf(SEPARATOR, at + 1)) {
		const candidates = byPrefix.get(title.slice(0, at + SEPARATOR.length));
		const owner = candidates?.find((i) => {
			const day = i.ranAt.slice(0, 10);
			// A CSV's rows carry their own dates; every other file is dated once, by its run.
			return i.tool === 'csv' ? day >= e.observedAt : day === e.observedAt;
		});
		if (owner) return owner;
	}
	return undefined;
}

/** Items that got worse and better between two readiness lists of the same items. */
function moves(ws: Workspace, before: readonly ItemReadiness[], after: readonly ItemReadiness[]) {
	const worse: string[] = [];
	let better = 0;
	ws.items.forEach((item, i) => {
		const from = readinessRank(before[i]!.readiness);
		const to = readinessRank(after[i]!.readiness);
		if (to > from) worse.push(item.id);
		else if (to < from) better++;
	});
	return { worse, better };
}

function entryOf(
	ws: Workspace,
	i: Import,
	before: readonly ItemReadiness[],
	after: readonly ItemReadiness[]
): ImportEntry & { worseIds: string[] } {
	const { worse, better } = moves(ws, before, after);
	return {
		key: i.key,
		...(i.file !== undefined ? { file: i.file } : {}),
		tool: i.tool,
		ranAt: i.ranAt,
		runs: i.runs,
		evidenceAdded: i.evidence.length,
		...caseChanges(ws.evalRuns, i.runs),
		worse: worse.length,
		better,
		worseIds: worse
	};
}

const strip = ({ worseIds: _ids, ...entry }: ImportEntry & { worseIds: string[] }) => entry;

/** Item positions by the capabilities they must have. */
function itemsNeeding(ws: Workspace): Map<string, number[]> {
	const needing = new Map<string, number[]>();
	ws.items.forEach((item, at) => {
		for (const capabilityId of new Set(mustRequirements(item).map((r) => r.capabilityId)))
			needing.set(capabilityId, [...(needing.get(capabilityId) ?? []), at]);
	});
	return needing;
}

/**
 * Readiness after `added` evidence, from the context and readiness before it. An item's
 * readiness moves only with evidence on a capability it must have: only those are judged again.
 */
function after(
	ws: Workspace,
	needing: ReadonlyMap<string, number[]>,
	ctx: ReadinessContext,
	readiness: readonly ItemReadiness[],
	added: readonly Evidence[]
): { ctx: ReadinessContext; readiness: readonly ItemReadiness[] } {
	if (added.length === 0) return { ctx, readiness };
	const next = contextWith(ctx, added);
	return { ctx: next, readiness: judgedAgain(ws, needing, next, readiness, added) };
}

/** The readiness of the items that must have a capability `added` has evidence on, under `next`. */
function judgedAgain(
	ws: Workspace,
	needing: ReadonlyMap<string, number[]>,
	next: ReadinessContext,
	readiness: readonly ItemReadiness[],
	added: readonly Evidence[]
): readonly ItemReadiness[] {
	const touched = new Set(added.flatMap((e) => needing.get(e.capabilityId) ?? []));
	if (touched.size === 0) return readiness;
	const moved = [...readiness];
	for (const at of touched) moved[at] = readinessOf(next, ws.items[at]!);
	return moved;
}

/** Every import in the workspace, newest first. */
export function changesFeed(ws: Workspace, asOf: string): ImportEntry[] {
	const { imports, other } = importsOf(ws);
	if (imports.length === 0) return [];
	const needing = itemsNeeding(ws);
	const entries: ImportEntry[] = [];
	let ctx = createContext({ ...ws, evidence: other }, asOf);
	let readiness: readonly ItemReadiness[] = ws.items.map((item) => readinessOf(ctx, item));
	for (const i of imports) {
		const next = after(ws, needing, ctx, readiness, i.evidence);
		entries.push(strip(entryOf(ws, i, readiness, next.readiness)));
		({ ctx, readiness } = next);
	}
	return entries.reverse();
}

/**
 * The workspace just before and just after one import, with its runs: what `triage()` and
 * `triageNote()` take to write that import's note.
 */
export function importTriage(ws: Workspace, entry: ImportEntry, asOf: string): TriageInput {
	const { imports, other } = importsOf(ws);
	const at = imports.findIndex((i) => i.key === entry.key);
	if (at < 0) throw new Error(`no import ${entry.key} in this workspace`);
	const earlier = imports.slice(0, at);
	const before: Workspace = {
		...ws,
		evidence: [...other, ...earlier.flatMap((i) => i.evidence)],
		evalRuns: earlier.flatMap((i) => i.runs)
	};
	const after: Workspace = {
		...ws,
		evidence: [...before.evidence, ...imports[at]!.evidence],
		evalRuns: [...before.evalRuns, ...imports[at]!.runs]
	};
	return { before, after, runs: imports[at]!.runs, asOf };
}

/**
 * The newest import and the rules' context just before and just after it: all that the board's
 * marks need besides the items. It does not depend on the items, so after an item edit it is
 * kept (`worseInLatestImport`'s `base`) and only readiness is judged again.
 */
export interface LatestImport {
	latest: Import;
	before: ReadinessContext;
	after: ReadinessContext;
}

export function latestImport(
	ws: Pick<Workspace, 'evalRuns' | 'evidence' | 'capabilities' | 'models' | 'settings'>,
	asOf: string
): LatestImport | undefined {
	const { imports } = importsOf(ws);
	const latest = imports.at(-1);
	if (!latest) return undefined;
	const mine = new Set(latest.evidence);
	const before = createContext({ ...ws, evidence: ws.evidence.filter((e) => !mine.has(e)) }, asOf);
	return { latest, before, after: contextWith(before, latest.evidence) };
}

/**
 * The newest import and the items whose readiness got worse with it (the board's "↓ since"
 * marks), in workspace order; undefined when the workspace has no import. One readiness
 * computation and the items the import touched, not the whole feed. `base` is `latestImport`
 * of the same workspace (and as-of date), when the caller kept it.
 */
export function worseInLatestImport(
	ws: Workspace,
	asOf: string,
	base: LatestImport | undefined = latestImport(ws, asOf)
): { entry: ImportEntry; itemIds: string[] } | undefined {
	if (!base) return undefined;
	const before = ws.items.map((item) => readinessOf(base.before, item));
	const now = judgedAgain(ws, itemsNeeding(ws), base.after, before, base.latest.evidence);
	const { worseIds, ...entry } = entryOf(ws, base.latest, before, now);
	return { entry, itemIds: worseIds };
}
