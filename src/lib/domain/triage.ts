/**
 * The overnight triage note (docs/rules.md, "The overnight triage note"): after an import, for
 * each (tool, suite, model) run, the cases that regressed, the items whose readiness got worse
 * with this import, and one call — hotfix, next sprint or watch. Pure: the CLI's
 * `ingest --report`, the app's import result and the changes feed all write it from this.
 */
import { escapeMarkdown } from './brief-escape';
import { Citations } from './citations';
import { decidingEvidence, indexEvidence, type EvidenceIndex } from './evidence';
import { diffReadiness, isRegression } from './scenario';
import { clip, diffRuns, previousRun, type RunDiff } from './eval-runs';
import {
	computeReadiness,
	mustRequirements,
	readinessRank,
	type ItemReadiness,
	type Readiness
} from './readiness';
import { isCandidate, isOpen } from './entities';
import type { EvalRun, Evidence, Item } from './schemas';
import type { Workspace } from './workspace';

/** User text in the note: one line of literal Markdown, as the brief writes names. */
const plain = escapeMarkdown;

export type TriageCall = 'hotfix' | 'next sprint' | 'watch';

/** A deciding value that this import changed: rule 1's pick before and after. */
export interface MovedValue {
	modelId: string;
	capabilityId: string;
	before?: Evidence;
	after: Evidence;
}

export interface WorseItem {
	item: Item;
	from: Readiness;
	to: Readiness;
	moved: MovedValue[];
	/** Ready before on one of its parts via these models, and not ready now. */
	wasReadyVia: string[];
}

export interface TriageGroup {
	run: EvalRun;
	previous?: EvalRun;
	diff: RunDiff;
	/** Items worse with this import whose moved values include this run's model. */
	items: WorseItem[];
	call: TriageCall;
	/** Why the call, in one sentence. */
	because: string;
}

export interface Triage {
	groups: TriageGroup[];
	/** Items worse with this import that no run of it explains (evidence without cases). */
	unattributed: WorseItem[];
}

export interface TriageInput {
	before: Workspace;
	after: Workspace;
	/** The runs this import added, as stored in `after`. */
	runs: readonly EvalRun[];
	asOf: string;
}

/**
 * Deciding values on an item's must-requirements that differ after an import (over the
 * candidates of each capability). The triage note cites them; the import preview lists them.
 */
export function movedValues(
	item: Item,
	ws: Workspace,
	old: EvidenceIndex,
	now: EvidenceIndex
): MovedValue[] {
	const out: MovedValue[] = [];
	const seen = new Set<string>();
	for (const requirement of mustRequirements(item)) {
		const capability = ws.capabilities.find((c) => c.id === requirement.capabilityId);
		if (!capability) continue;
		for (const model of ws.models) {
			if (model.status === 'retired' || !isCandidate(model, capability)) continue;
			const key = `${model.id}\u0000${capability.id}`;
			if (seen.has(key)) continue;
			seen.add(key);
			const before = decidingEvidence(old, model.id, capability.id)?.evidence;
			const after = decidingEvidence(now, model.id, capability.id)?.evidence;
			if (!after || before?.id === after.id) continue;
			out.push({
				modelId: model.id,
				capabilityId: capability.id,
				after,
				...(before ? { before } : {})
			});
		}
	}
	return out;
}

function viaModels(result: ItemReadiness): string[] {
	return result.parts.flatMap((p) => (p.readiness === 'ready' && p.via ? [p.via] : []));
}

/** Rule order: a later state is worse. */
export function isWorse(from: Readiness, to: Readiness): boolean {
	return readinessRank(to) > readinessRank(from);
}

/** The call for one run: hotfix, next sprint or watch (docs/rules.md). */
export function callFor(
	modelId: string,
	items: readonly WorseItem[]
): { call: TriageCall; because: string } {
	const affected = items.find(
		(w) =>
			(w.item.status === 'in-progress' || w.item.status === 'shipped') &&
			w.wasReadyVia.includes(modelId)
	);
	if (affected)
		return {
			call: 'hotfix',
			because: `"${plain(affected.item.title)}" is ${affected.item.status} and was ready on this model; it is ${affected.to} now, so users are affected today.`
		};
	const open = items.find((w) => isOpen(w.item));
	if (open)
		return {
			call: 'next sprint',
			because: `"${plain(open.item.title)}" got worse (${open.from} → ${open.to}), but nothing in use today depends on it.`
		};
	return {
		call: 'watch',
		because: 'Cases regressed, but no item on the roadmap got worse.'
	};
}

export function triage(input: TriageInput): Triage {
	const { before, after, runs, asOf } = input;
	const old = indexEvidence(before.evidence, asOf, before.settings);
	const now = indexEvidence(after.evidence, asOf, after.settings);
	const readinessBefore = computeReadiness(before, asOf);
	const readinessAfter = computeReadiness(after, asOf);
	const byId = new Map(readinessBefore.map((r) => [r.itemId, r]));
	const worse: WorseItem[] = diffReadiness(after, readinessBefore, readinessAfter)
		.filter(isRegression)
		.map((change) => {
			const item = after.items.find((i) => i.id === change.itemId)!;
			const wasReady = byId.get(item.id);
			return {
				item,
				from: change.from,
				to: change.to,
				moved: movedValues(item, after, old, now),
				wasReadyVia: change.to === 'ready' || !wasReady ? [] : viaModels(wasReady)
			};
		});
	const attributed = new Set<string>();
	const groups: TriageGroup[] = [];
	for (const run of runs) {
		const previous = previousRun(after.evalRuns, run);
		const diff = diffRuns(previous, run);
		const items = worse.filter((w) => w.moved.some((m) => m.modelId === run.modelId));
		for (const w of items) attributed.add(w.item.id);
		if (diff.regressed.length === 0 && items.length === 0) continue;
		groups.push({
			run,
			...(previous ? { previous } : {}),
			diff,
			items,
			...callFor(run.modelId, items)
		});
	}
	// The call that matters most first: hotfix, then next sprint, then watch.
	const order: Record<TriageCall, number> = { hotfix: 0, 'next sprint': 1, watch: 2 };
	groups.sort((a, b) => order[a.call] - order[b.call]);
	return { groups, unattributed: worse.filter((w) => !attributed.has(w.item.id)) };
}

/** The note's title for one import: `Evals of 2026-11-24 (results-tuesday.json)`. */
export function importNoteTitle(ranAt: string, file?: string): string {
	return `Evals of ${ranAt.slice(0, 10)}${file ? ` (${file})` : ''}`;
}

const CALL_TITLE: Record<TriageCall, string> = {
	hotfix: '🔴 Hotfix',
	'next sprint': '🟠 Next sprint',
	watch: '🟡 Watch'
};

/**
 * The note as Markdown that reads well pasted into Slack or Teams: bold lines instead of
 * headings, short bullets, numbers cited `[n]` to the references at the end.
 */
export function triageNote(input: TriageInput, title = 'Overnight evals'): string {
	const { groups, unattributed } = triage(input);
	const ws = input.after;
	const models = new Map(ws.models.map((m) => [m.id, m]));
	const capabilities = new Map(ws.capabilities.map((c) => [c.id, c]));
	const citations = new Citations(models, capabilities);
	const modelName = (id: string) => plain(models.get(id)?.name ?? id);
	const value = (e: Evidence) => {
		const unit = capabilities.get(e.capabilityId)?.unit ?? '';
		return `${e.value}${unit ? ` ${unit}` : ''} ${citations.cite(e)}`;
	};
	const itemLine = (w: WorseItem) => {
		const facts = [w.item.priority, w.item.status, w.item.owner ? `owner ${w.item.owner}` : '']
			.filter(Boolean)
			.map((f) => plain(f!))
			.join(', ');
		const moved = w.moved
			.map(
				(m) =>
					`${plain(capabilities.get(m.capabilityId)?.name ?? m.capabilityId)} (${modelName(m.modelId)}) ${m.before ? value(m.before) : 'unknown'} → ${value(m.after)}`
			)
			.join('; ');
		const impact = w.item.userImpact ? ` Users: ${plain(w.item.userImpact)}` : '';
		return `• *${plain(w.item.title)}* (${facts}): ${w.from} → ${w.to}. ${moved || 'No value of this run moved.'}${impact}`;
	};

	const lines: string[] = [];
	const counts = {
		regressed: groups.reduce((n, g) => n + g.diff.regressed.length, 0),
		fixed: groups.reduce((n, g) => n + g.diff.fixed.length, 0),
		worse: new Set([...groups.flatMap((g) => g.items), ...unattributed].map((w) => w.item.id)).size
	};
	lines.push(
		`*${plain(title)}* — ${counts.regressed} case${counts.regressed === 1 ? '' : 's'} regressed, ${counts.fixed} fixed; ${counts.worse} roadmap item${counts.worse === 1 ? '' : 's'} worse.`
	);
	if (groups.length === 0 && unattributed.length === 0)
		lines.push('', 'Nothing regressed and no item got worse. No action needed.');
	for (const g of groups) {
		const { run, diff } = g;
		lines.push(
			'',
			`*${CALL_TITLE[g.call]}* — ${plain(run.tool)} · ${plain(run.suite || 'default suite')} · ${modelName(run.modelId)}`,
			g.because
		);
		if (diff.regressed.length > 0) {
			lines.push(
				`Regressed ${diff.regressed.length} of ${run.cases.length} cases${g.previous ? ` since the run of ${g.previous.ranAt}` : ''}:`
			);
			for (const c of diff.regressed.slice(0, 10)) {
				const score =
					c.before.score !== undefined && c.after.score !== undefined
						? ` (score ${c.before.score} → ${c.after.score})`
						: '';
				const reason = c.after.reason ? ` Grader: ${plain(clip(c.after.reason, 200))}` : '';
				lines.push(`• ${plain(c.description ?? c.key)}: pass → fail${score}.${reason}`);
			}
			if (diff.regressed.length > 10)
				lines.push(`• …and ${diff.regressed.length - 10} more in the run's case list.`);
		}
		if (run.summaryOnly) lines.push('The file has no case-level results for this run.');
		if (diff.fixed.length > 0) lines.push(`Fixed: ${diff.fixed.length}.`);
		if (g.items.length > 0) {
			lines.push('Roadmap items worse:');
			for (const w of g.items) lines.push(itemLine(w));
		}
	}
	if (unattributed.length > 0) {
		lines.push('', '*Also worse with this import* (evidence without test cases):');
		for (const w of unattributed) lines.push(itemLine(w));
	}
	const references = citations.references();
	if (references.length > 0) lines.push('', '*References*', ...references);
	return lines.join('\n') + '\n';
}
