/**
 * The brief's Risks: what breaks if the focus model replaces production (by the part and
 * capability that break), the team's decisions on record, borderline figures and weak evidence
 * (vendor claims, anecdotes, stale or small samples), unknowns, and an announced-only status.
 */
import { capabilityImportance, firstOf, mostImportant, priorityRank } from './brief-rank';
import { deciding, isFocusCandidate, type OnRecord, type Scene } from './brief-scene';
import {
	andMore,
	capName,
	capitalise,
	citedValue,
	decisionText,
	focusName,
	isWeak,
	itemLabel,
	itemTitle,
	joinMore,
	joinOr,
	modelName,
	modelNames,
	readyOn,
	thresholdText,
	unitOf,
	value,
	weaknesses
} from './brief-text';
import { quarterOf } from './dates';
import { formatMargin } from './explain';
import { READINESS_LABEL, joinAnd } from './format';
import { outcomeOf, type Borderline, type PartReadiness } from './readiness';
import type { Item } from './schemas';

/**
 * What X lacks on a part: `GPT-5 falls short on A: 85 % [3] against ≥ 90 %, and has no evidence
 * on B`, the failed must-requirements cited.
 */
function shortfalls(s: Scene, part: PartReadiness): string {
	const unmet: string[] = [];
	const unknown: string[] = [];
	for (const r of part.requirements) {
		const { outcome, deciding: d } = outcomeOf(s.ctx, s.model.id, r);
		if (outcome === 'unmet')
			unmet.push(
				`${capName(s, r.capabilityId)}: ${citedValue(s, d!)} against ${thresholdText(s, r)}`
			);
		else if (outcome === 'unknown') unknown.push(capName(s, r.capabilityId));
	}
	const reasons = [
		...(unmet.length > 0 ? [`falls short on ${unmet.join(', and on ')}`] : []),
		...(unknown.length > 0 ? [`has no evidence on ${joinAnd(unknown)}`] : [])
	];
	return reasons.length > 0
		? `${focusName(s)} ${reasons.join(', and ')}`
		: 'no remaining production model meets it';
}

/** Why a ready item stops being ready under replace: the parts that break, and on what. */
function whyItBreaks(s: Scene, item: Item): string {
	const today = s.today.get(item);
	const after = s.replace.get(item);
	const several = today.parts.length > 1;
	const sentences: string[] = [];
	for (const part of today.parts) {
		const broken = after.parts.find((p) => p.role === part.role);
		if (!broken || broken.readiness === 'ready') continue;
		const ready = readyOn(s, part);
		const subject = several ? `Its ${part.role} part is ${ready}` : capitalise(ready);
		sentences.push(`${subject}, but ${shortfalls(s, part)}.`);
	}
	return sentences.join(' ');
}

function regressionLines(s: Scene): string[] {
	const replaced = modelNames(s.replaced);
	const { shown, more } = mostImportant(s.regressions, (item) => s.importance.of(item));
	const lines = shown.map(
		(item) =>
			`- Regression if ${focusName(s)} replaces ${replaced}: ${itemLabel(item)} would go from ready to ${READINESS_LABEL[s.replace.get(item).readiness]}. ${whyItBreaks(s, item)}`
	);
	return [...lines, ...andMore(more, more === 1 ? 'regression' : 'regressions')];
}

/** Decisions that name X or an unlocked or regressed item, most important first. */
export function rankDecisions(s: Scene, records: readonly OnRecord[]): OnRecord[] {
	// Newest first, so equal importance lists the latest decision first.
	const newest = [...records].sort((a, b) =>
		a.decision.date === b.decision.date ? 0 : a.decision.date > b.decision.date ? -1 : 1
	);
	return mostImportant(
		newest,
		(r) => ({
			priority: r.namesModel ? -1 : Math.min(...r.items.map(priorityRank)),
			dependents: r.items.length
		}),
		Infinity
	).shown;
}

function decisionLines(s: Scene, records: readonly OnRecord[]): string[] {
	const { shown, more } = firstOf(records);
	const lines = shown.map(({ decision, namesModel, items }) => {
		const about = [
			...(namesModel ? [`it names ${focusName(s)}`] : []),
			...(items.length > 0 ? [`it concerns ${joinAnd(items.map(itemTitle))}`] : [])
		];
		return `- On record — ${decisionText(decision)}; ${about.join(' and ')}.`;
	});
	return [...lines, ...andMore(more, more === 1 ? 'decision on record' : 'decisions on record')];
}

/** Borderline figures the unlocks rest on, each once, with the items that rest on it. */
function borderlineLines(s: Scene): string[] {
	const entries = new Map<string, { entry: Borderline; items: Item[] }>();
	const ranked = mostImportant(s.unlocks, (item) => s.importance.of(item), Infinity).shown;
	for (const item of ranked)
		for (const entry of s.adopt.get(item).borderline) {
			const key = `${entry.modelId}\u0000${entry.capabilityId}\u0000${entry.threshold}`;
			const known = entries.get(key);
			if (known) known.items.push(item);
			else entries.set(key, { entry, items: [item] });
		}
	const all = [...entries.values()];
	const { shown, more } = firstOf(all);
	const lines = shown.map(({ entry, items }) => {
		const d = deciding(s, entry.modelId, entry.capabilityId)!;
		const unit = unitOf(s, entry.capabilityId);
		const against = thresholdText(s, entry);
		const rest = items.length === 1 ? 'rests' : 'rest';
		return `- Borderline: ${modelName(s, entry.modelId)} on ${capName(s, entry.capabilityId)}, ${value(s, entry.capabilityId, entry.value)} ${formatMargin(entry.margin, unit)} ${s.citations.cite(d.evidence)} against ${against}: borderline, so the numbers cannot tell it apart from the threshold; ${joinMore(
			items.slice(0, 3).map(itemTitle),
			Math.max(0, items.length - 3),
			'items'
		)} ${rest} on it.`;
	});
	return [...lines, ...andMore(more, more === 1 ? 'figure' : 'figures', ' at the borderline')];
}

function weakEvidenceLines(s: Scene): string[] {
	const weak = s.ws.capabilities.filter((c) => {
		if (!s.demand.any.has(c.id) || !isFocusCandidate(s, c.id)) return false;
		const d = deciding(s, s.model.id, c.id);
		return d !== undefined && isWeak(d);
	});
	if (weak.length === 0) return [];
	const { shown, more } = mostImportant(weak, (c) => capabilityImportance(s.demand.any, c.id));
	const figures = shown.map((c) => {
		const d = deciding(s, s.model.id, c.id)!;
		return `${capName(s, c.id)} ${value(s, c.id, d.evidence.value)} ${s.citations.cite(d.evidence)} (${weaknesses(s, d).join('; ')})`;
	});
	const all = weak.map((c) => deciding(s, s.model.id, c.id)!);
	const reasons = [
		...(all.some((d) => d.confidence === 'low') ? ['vendor claims or anecdotes'] : []),
		...(all.some((d) => d.stale) ? [`evidence older than ${s.ctx.staleAfterDays} days`] : []),
		...(all.some((d) => d.small)
			? [`samples below the workspace's minimum of ${s.ctx.minSampleSize}`]
			: [])
	];
	return [
		`- Weak evidence: these ${focusName(s)} figures rest on ${joinOr(reasons)}, not on our own evals at scale: ${joinMore(figures, more, 'figures')}.`
	];
}

function unknownLines(s: Scene): string[] {
	const unknown = s.ws.capabilities.filter(
		(c) => s.demand.must.has(c.id) && isFocusCandidate(s, c.id) && !deciding(s, s.model.id, c.id)
	);
	if (unknown.length === 0) return [];
	const { shown, more } = mostImportant(unknown, (c) => capabilityImportance(s.demand.must, c.id));
	return [
		`- Unknowns: no evidence for ${focusName(s)} on ${joinMore(
			shown.map((c) => capName(s, c.id)),
			more,
			'capabilities'
		)}.`
	];
}

function statusLines(s: Scene): string[] {
	if (s.model.status === 'announced')
		return [
			`- Announced only: ${focusName(s)} is not usable yet${s.model.expectedAt ? `; it is expected ${s.model.expectedAt} (${quarterOf(s.model.expectedAt)}), and nothing can ship on it before then` : ' and has no expected date, so nothing can be planned on it yet'}.`
		];
	if (s.model.status === 'retired')
		return [`- Retired: ${focusName(s)} is marked retired; adopting it reverses that decision.`];
	return [];
}

/** `records` are the decisions on record that the bottom line did not already cite. */
export function risksSection(s: Scene, records: readonly OnRecord[]): string[] {
	const lines = [
		...regressionLines(s),
		...decisionLines(s, records),
		...borderlineLines(s),
		...weakEvidenceLines(s),
		...unknownLines(s),
		...statusLines(s)
	];
	return lines.length > 0 ? lines : ['No risks found in the recorded evidence.'];
}
