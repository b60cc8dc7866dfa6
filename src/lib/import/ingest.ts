/**
 * From a tool's observations to workspace evidence: map the tool's model and metric names to
 * workspace ids (never guessing: unmapped names are listed and skipped), convert fractions to
 * percentages for `%` capabilities, skip what is already there, and say which items change
 * readiness — regressions first. Every new record is checked against the file format before it
 * is added, so the command line and the app refuse, with the same words, an observation that
 * would make a workspace `capmap validate` rejects (e.g. a fraction too large once a percentage).
 *
 * It also keeps the file's eval runs, case by case: one per (tool, suite, model) whose model is
 * mapped to a workspace model (docs/rules.md, "Eval runs"), with an id derived from what makes
 * the run (eval-runs.ts `runId`); a run already stored (`sameRun`) is not added again.
 */
import {
	clip,
	evidenceTitle,
	runId,
	sameRun,
	stableHash,
	withUniqueKeys,
	type EvalCase
} from '../domain/eval-runs';
import type { ResultsMap } from '../domain/results-map';
import { computeReadiness } from '../domain/readiness';
import { diffReadiness, regressionsFirst, type ReadinessChange } from '../domain/scenario';
import { EvalRun, type Evidence, type EvidenceKind } from '../domain/schemas';
import { LIMITS } from '../domain/entities';
import { formatPath, issueSentence } from '../domain/problems';
import { PlainEvidenceCheck } from '../domain/plain-evidence';
import { evidenceProblems, formatProblem, type Workspace } from '../domain/workspace';
import { ResultsError, type ParsedResults, type ParsedRun } from './results';

/** The mapping type lives in the domain (storage remembers it); importers take it from there. */
export type { ResultsMap };

export interface IngestRow {
	evidence: Evidence;
	/** Already in the workspace (same model, capability, source, date and value): skipped. */
	duplicate: boolean;
}

export interface IngestResult {
	added: Evidence[];
	duplicates: number;
	/** Every mapped observation in file order, new and duplicate, for the preview table. */
	rows: IngestRow[];
	unmapped: { models: string[]; metrics: string[] };
	/** The eval runs this import adds, as stored in `workspace`. */
	runs: EvalRun[];
	/** Runs of the file already in the workspace (the same file again): not added. */
	duplicateRuns: number;
	/** The workspace with the new evidence and runs. */
	workspace: Workspace;
	changes: ReadinessChange[];
}

/** A short, stable id from what makes two pieces of evidence (or two files) the same. */
export const hash = stableHash;

/** Same model, capability, source, date and value: the same evidence. */
export function evidenceKey(
	e: Pick<Evidence, 'modelId' | 'capabilityId' | 'source' | 'observedAt' | 'value'>
): string {
	return [e.modelId, e.capabilityId, e.source.title, e.observedAt, e.value].join('\u0000');
}

export function ingest(
	ws: Workspace,
	parsed: ParsedResults,
	map: ResultsMap,
	fileName: string,
	asOf: string,
	kind: EvidenceKind = 'internal-eval'
): IngestResult {
	const capabilities = new Map(ws.capabilities.map((c) => [c.id, c]));
	const models = new Set(ws.models.map((m) => m.id));
	const existing = new Set(ws.evidence.map(evidenceKey));
	const taken = new Set(ws.evidence.map((e) => e.id));
	const unmappedModels = new Set<string>();
	const unmappedMetrics = new Set<string>();
	const added: Evidence[] = [];
	const rows: IngestRow[] = [];
	let duplicates = 0;
	const check = new PlainEvidenceCheck();

	for (const o of parsed.observations) {
		const toolModel = o.models.find((name) => map.models[name] !== undefined);
		const modelId = toolModel === undefined ? undefined : map.models[toolModel];
		const capabilityId = map.metrics[o.metric];
		if (modelId === undefined || !models.has(modelId)) unmappedModels.add(o.models[0]!);
		if (capabilityId === undefined || !capabilities.has(capabilityId))
			unmappedMetrics.add(o.metric);
		if (
			modelId === undefined ||
			capabilityId === undefined ||
			!models.has(modelId) ||
			!capabilities.has(capabilityId)
		)
			continue;
		const percent = o.fraction && capabilities.get(capabilityId)!.unit.trim() === '%';
		const value = percent ? Math.round(o.value * 100 * 10_000) / 10_000 : o.value;
		const observedAt = o.observedAt ?? parsed.observedAt;
		const source = { title: evidenceTitle(parsed.tool, fileName, o.task) };
		const candidate = { modelId, capabilityId, source, observedAt, value };
		const key = evidenceKey(candidate);
		const duplicate = existing.has(key);
		let id = `ev-${hash(key)}`;
		if (!duplicate) {
			existing.add(key);
			while (taken.has(id)) id = `ev-${hash(`${key}\u0000${id}`)}`;
			taken.add(id);
		}
		const evidence: Evidence = {
			id,
			...candidate,
			kind,
			...(o.sampleSize !== undefined ? { sampleSize: o.sampleSize } : {}),
			// The tool's standard error gives the value its margin (rule 3), in the same unit.
			...(o.stderr !== undefined && Number.isFinite(o.stderr) && o.stderr >= 0
				? { stderr: percent ? Math.round(o.stderr * 100 * 10_000) / 10_000 : o.stderr }
				: {})
		};
		if (!duplicate) {
			const problems = evidenceProblems(evidence, check);
			if (problems.length > 0)
				throw new ResultsError(
					o.where,
					`cannot become evidence: ${problems.map(formatProblem).join('; ')}`
				);
		}
		rows.push({ evidence, duplicate });
		if (duplicate) duplicates++;
		else added.push(evidence);
	}

	const runs = newRuns(ws, parsed, map, fileName, models);
	for (const run of parsed.runs)
		if (!run.models.some((name) => models.has(map.models[name] ?? '')))
			unmappedModels.add(run.models[0]!);
	const workspace = {
		...ws,
		evidence: [...ws.evidence, ...added],
		evalRuns: [...ws.evalRuns, ...runs.added]
	};
	const changes = regressionsFirst(
		diffReadiness(ws, computeReadiness(ws, asOf), computeReadiness(workspace, asOf))
	);
	return {
		added,
		duplicates,
		rows,
		unmapped: { models: [...unmappedModels].sort(), metrics: [...unmappedMetrics].sort() },
		runs: runs.added,
		duplicateRuns: runs.duplicates,
		workspace,
		changes
	};
}

/**
 * The file's runs for mapped models, one per (suite, workspace model): two of the tool's models
 * mapped to one workspace model make one run, each case key then led by the tool's name.
 * Checked against the file format; a run already stored is counted, not added.
 */
function newRuns(
	ws: Workspace,
	parsed: ParsedResults,
	map: ResultsMap,
	fileName: string,
	models: ReadonlySet<string>
): { added: EvalRun[]; duplicates: number } {
	const series = new Map<string, { suite: string; modelId: string; parts: ParsedRun[] }>();
	for (const run of parsed.runs) {
		const modelId = run.models.map((name) => map.models[name]).find((id) => id && models.has(id));
		if (modelId === undefined) continue;
		const suite = clip(run.suite ?? fileName, LIMITS.name);
		const key = `${suite}\u0000${modelId}`;
		const entry = series.get(key) ?? { suite, modelId, parts: [] };
		entry.parts.push(run);
		series.set(key, entry);
	}
	const taken = new Set(ws.evalRuns.map((r) => r.id));
	const added: EvalRun[] = [];
	let duplicates = 0;
	for (const { suite, modelId, parts } of series.values()) {
		const first = parts[0]!;
		let cases: EvalCase[] = first.cases;
		if (parts.length > 1) {
			cases = withUniqueKeys(
				parts.flatMap((p) => p.cases.map((c) => ({ ...c, key: `${p.models[0]}: ${c.key}` })))
			);
		}
		const fields = { tool: parsed.tool, suite, modelId, ranAt: first.ranAt, file: fileName };
		const run: EvalRun = {
			id: runId(fields),
			...fields,
			cases,
			...(parts.every((p) => p.summaryOnly) ? { summaryOnly: true as const } : {})
		};
		if (ws.evalRuns.some((r) => sameRun(r, run))) {
			duplicates++;
			continue;
		}
		while (taken.has(run.id)) run.id = `run-${hash(`${run.id}\u0000${run.cases.length}`)}`;
		taken.add(run.id);
		const checked = EvalRun.safeParse(run);
		if (!checked.success) {
			const issue = checked.error.issues[0]!;
			throw new ResultsError(
				`the run of ${JSON.stringify(suite || 'the default suite')} for ${JSON.stringify(first.models[0])}`,
				`cannot be kept: ${formatPath(issue.path)}: ${issueSentence(issue, run)}`
			);
		}
		added.push(run);
	}
	return { added, duplicates };
}
