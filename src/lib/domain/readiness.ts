/**
 * DESIGN.md readiness rules 3–8, to the letter. Pure functions of (workspace, as-of date): the
 * board, the brief, the scenarios and `capmap readiness` all call these.
 */
import { quarterOf } from './dates';
import {
	CONFIDENCE_RANK,
	decidingEvidence,
	indexEvidence,
	type Confidence,
	type Deciding,
	type EvidenceIndex
} from './evidence';
import type { Capability, Direction, Item, Model, Requirement } from './schemas';
import type { Workspace } from './workspace';

export const READINESS_STATES = ['ready', 'upgrade', 'unverified', 'waiting'] as const;
export type Readiness = (typeof READINESS_STATES)[number];
export type Outcome = 'met' | 'unmet' | 'unknown';
export type Verdict = 'meets' | 'fails' | 'unknown';

export interface Gap {
	capabilityId: string;
	threshold: number;
	best: number | null;
	bestModelId: string | null;
}
export interface ModelCapability {
	modelId: string;
	capabilityId: string;
}
export interface Expected {
	modelId: string;
	expectedAt: string | null;
}

export interface ItemReadiness {
	itemId: string;
	readiness: Readiness;
	via?: string;
	targets?: string[];
	missing?: ModelCapability[];
	expected?: Expected[];
	gaps: Gap[];
	confidence: Confidence | null;
	earliestQuarter: string | null;
	overPromised: boolean;
}

/** Everything the rules need, indexed once for a workspace and as-of date. */
export interface ReadinessContext {
	asOf: string;
	staleAfterDays: number;
	capabilities: Map<string, Capability>;
	evidence: EvidenceIndex;
	/** Models of each status, sorted by id, so "ties: smaller id" is "first found". */
	byStatus: Record<Model['status'], Model[]>;
}

export function createContext(
	workspace: Pick<Workspace, 'capabilities' | 'models' | 'evidence' | 'settings'>,
	asOf: string
): ReadinessContext {
	const byStatus: ReadinessContext['byStatus'] = {
		production: [],
		available: [],
		announced: [],
		retired: []
	};
	const sorted = [...workspace.models].sort((a, b) => compareIds(a.id, b.id));
	for (const model of sorted) byStatus[model.status].push(model);
	return {
		asOf,
		staleAfterDays: workspace.settings.staleAfterDays,
		capabilities: new Map(workspace.capabilities.map((c) => [c.id, c])),
		evidence: indexEvidence(workspace.evidence, asOf, workspace.settings.staleAfterDays),
		byStatus
	};
}

export function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function directionOf(ctx: ReadinessContext, capabilityId: string): Direction {
	return ctx.capabilities.get(capabilityId)?.direction ?? 'higher';
}

/** True when `value` satisfies `threshold` in the capability's direction. */
export function satisfies(direction: Direction, value: number, threshold: number): boolean {
	return direction === 'higher' ? value >= threshold : value <= threshold;
}

/** True when `a` is strictly better than `b` in the capability's direction. */
export function isBetter(direction: Direction, a: number, b: number): boolean {
	return direction === 'higher' ? a > b : a < b;
}

/** Rule 3. */
export function outcomeOf(
	ctx: ReadinessContext,
	modelId: string,
	requirement: Pick<Requirement, 'capabilityId' | 'threshold'>
): { outcome: Outcome; deciding?: Deciding } {
	const deciding = decidingEvidence(ctx.evidence, modelId, requirement.capabilityId);
	if (!deciding) return { outcome: 'unknown' };
	const met = satisfies(
		directionOf(ctx, requirement.capabilityId),
		deciding.evidence.value,
		requirement.threshold
	);
	return { outcome: met ? 'met' : 'unmet', deciding };
}

export function mustRequirements(item: Pick<Item, 'requirements'>): Requirement[] {
	return item.requirements.filter((r) => r.must !== false);
}

/** Rule 4, over must-requirements only. */
export function verdictOf(
	ctx: ReadinessContext,
	modelId: string,
	musts: readonly Requirement[]
): Verdict {
	let unknown = false;
	for (const requirement of musts) {
		const { outcome } = outcomeOf(ctx, modelId, requirement);
		if (outcome === 'unmet') return 'fails';
		if (outcome === 'unknown') unknown = true;
	}
	return unknown ? 'unknown' : 'meets';
}

/** Rule 6 for one model that meets: the weakest deciding evidence among the must-requirements. */
export function confidenceFor(
	ctx: ReadinessContext,
	modelId: string,
	musts: readonly Requirement[]
): Confidence | null {
	let lowest: Confidence | null = null;
	for (const requirement of musts) {
		const deciding = decidingEvidence(ctx.evidence, modelId, requirement.capabilityId);
		if (!deciding) return null;
		if (lowest === null || CONFIDENCE_RANK[deciding.confidence] < CONFIDENCE_RANK[lowest])
			lowest = deciding.confidence;
	}
	return lowest;
}

/** The model with the highest confidence; ties go to the first, which has the smaller id. */
function mostConfident(
	ctx: ReadinessContext,
	models: readonly Model[],
	musts: readonly Requirement[]
): { model: Model; confidence: Confidence | null } {
	let best = { model: models[0]!, confidence: confidenceFor(ctx, models[0]!.id, musts) };
	for (const model of models.slice(1)) {
		const confidence = confidenceFor(ctx, model.id, musts);
		if (rank(confidence) > rank(best.confidence)) best = { model, confidence };
	}
	return best;
}
function rank(confidence: Confidence | null): number {
	return confidence === null ? 0 : CONFIDENCE_RANK[confidence];
}

/** Rule 5's gaps: must-requirements no production model meets, with the best known value. */
function gapsOf(ctx: ReadinessContext, musts: readonly Requirement[]): Gap[] {
	const gaps: Gap[] = [];
	const usable = [...ctx.byStatus.production, ...ctx.byStatus.available].sort((a, b) =>
		compareIds(a.id, b.id)
	);
	for (const requirement of musts) {
		const metInProduction = ctx.byStatus.production.some(
			(model) => outcomeOf(ctx, model.id, requirement).outcome === 'met'
		);
		if (metInProduction) continue;
		const direction = directionOf(ctx, requirement.capabilityId);
		let best: number | null = null;
		let bestModelId: string | null = null;
		for (const model of usable) {
			const deciding = decidingEvidence(ctx.evidence, model.id, requirement.capabilityId);
			if (!deciding) continue;
			if (best === null || isBetter(direction, deciding.evidence.value, best)) {
				best = deciding.evidence.value;
				bestModelId = model.id;
			}
		}
		gaps.push({ capabilityId: requirement.capabilityId, threshold: requirement.threshold, best, bestModelId });
	}
	return gaps;
}

function missingPairs(
	ctx: ReadinessContext,
	models: readonly Model[],
	musts: readonly Requirement[]
): ModelCapability[] {
	const seen = new Set<string>();
	const pairs: ModelCapability[] = [];
	for (const model of models) {
		for (const requirement of musts) {
			if (decidingEvidence(ctx.evidence, model.id, requirement.capabilityId)) continue;
			const key = `${model.id}\u0000${requirement.capabilityId}`;
			if (seen.has(key)) continue;
			seen.add(key);
			pairs.push({ modelId: model.id, capabilityId: requirement.capabilityId });
		}
	}
	return pairs.sort(
		(a, b) => compareIds(a.modelId, b.modelId) || compareIds(a.capabilityId, b.capabilityId)
	);
}

/** Rule 8. */
export function isOverPromised(item: Item, earliestQuarter: string | null): boolean {
	if (item.status !== 'planned' && item.status !== 'in-progress') return false;
	if (!item.quarter) return false;
	return earliestQuarter === null || earliestQuarter > item.quarter;
}

export function readinessOf(ctx: ReadinessContext, item: Item): ItemReadiness {
	const musts = mustRequirements(item);
	const asOfQuarter = quarterOf(ctx.asOf);
	const finish = (
		result: Omit<ItemReadiness, 'itemId' | 'overPromised' | 'earliestQuarter'>,
		earliestQuarter: string | null
	): ItemReadiness => ({
		itemId: item.id,
		...result,
		earliestQuarter,
		overPromised: isOverPromised(item, earliestQuarter)
	});

	if (musts.length === 0)
		return finish({ readiness: 'ready', gaps: [], confidence: null }, asOfQuarter);

	const verdicts = new Map<string, Verdict>();
	const verdict = (model: Model) => {
		let v = verdicts.get(model.id);
		if (v === undefined) verdicts.set(model.id, (v = verdictOf(ctx, model.id, musts)));
		return v;
	};

	const productionMeeting = ctx.byStatus.production.filter((m) => verdict(m) === 'meets');
	if (productionMeeting.length > 0) {
		const { model, confidence } = mostConfident(ctx, productionMeeting, musts);
		return finish({ readiness: 'ready', via: model.id, gaps: [], confidence }, asOfQuarter);
	}

	const gaps = gapsOf(ctx, musts);
	const availableMeeting = ctx.byStatus.available.filter((m) => verdict(m) === 'meets');
	if (availableMeeting.length > 0) {
		const { confidence } = mostConfident(ctx, availableMeeting, musts);
		return finish(
			{ readiness: 'upgrade', targets: availableMeeting.map((m) => m.id), gaps, confidence },
			asOfQuarter
		);
	}

	const unknownUsable = [...ctx.byStatus.production, ...ctx.byStatus.available].filter(
		(m) => verdict(m) === 'unknown'
	);
	if (unknownUsable.length > 0)
		return finish(
			{
				readiness: 'unverified',
				missing: missingPairs(ctx, unknownUsable, musts),
				gaps,
				confidence: null
			},
			null
		);

	const expected: Expected[] = ctx.byStatus.announced
		.filter((m) => verdict(m) === 'meets')
		.map((m) => ({ modelId: m.id, expectedAt: m.expectedAt ?? null }));
	const dates = expected.flatMap((e) => (e.expectedAt ? [e.expectedAt] : []));
	const earliest = dates.length > 0 ? quarterOf(dates.reduce((a, b) => (b < a ? b : a))) : null;
	return finish({ readiness: 'waiting', expected, gaps, confidence: null }, earliest);
}

/** Readiness of every item, in workspace order. */
export function computeReadiness(workspace: Workspace, asOf: string): ItemReadiness[] {
	const ctx = createContext(workspace, asOf);
	return workspace.items.map((item) => readinessOf(ctx, item));
}
