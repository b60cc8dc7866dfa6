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
	/** Production and available models, sorted by id. */
	usable: Model[];
	/** Every model, sorted by id; `rows` and verdict arrays are indexed by this order. */
	models: Model[];
	/** Positions in `models` of each status, and of production + available: the hot loop's lists. */
	positions: Record<Model['status'] | 'usable', number[]>;
	/** capabilityId → deciding evidence of each model, by position. */
	rows: Map<string, (Deciding | undefined)[]>;
	asOfQuarter: string;
}

export function createContext(
	workspace: Pick<Workspace, 'capabilities' | 'models' | 'evidence' | 'settings'>,
	asOf: string
): ReadinessContext {
	const sorted = [...workspace.models].sort((a, b) => compareIds(a.id, b.id));
	const evidence = indexEvidence(workspace.evidence, asOf, workspace.settings.staleAfterDays);
	const rows = new Map<string, (Deciding | undefined)[]>();
	sorted.forEach((model, i) => {
		for (const [capabilityId, deciding] of evidence.get(model.id) ?? []) {
			let row = rows.get(capabilityId);
			if (!row) rows.set(capabilityId, (row = new Array(sorted.length)));
			row[i] = deciding;
		}
	});
	return {
		...groupModels(sorted),
		asOf,
		asOfQuarter: quarterOf(asOf),
		staleAfterDays: workspace.settings.staleAfterDays,
		capabilities: new Map(workspace.capabilities.map((c) => [c.id, c])),
		evidence,
		rows
	};
}

function groupModels(
	sorted: Model[]
): Pick<ReadinessContext, 'byStatus' | 'usable' | 'models' | 'positions'> {
	const byStatus: ReadinessContext['byStatus'] = {
		production: [],
		available: [],
		announced: [],
		retired: []
	};
	const positions: ReadinessContext['positions'] = {
		production: [],
		available: [],
		announced: [],
		retired: [],
		usable: []
	};
	sorted.forEach((model, i) => {
		byStatus[model.status].push(model);
		positions[model.status].push(i);
		if (model.status === 'production' || model.status === 'available') positions.usable.push(i);
	});
	return { byStatus, usable: positions.usable.map((i) => sorted[i]!), models: sorted, positions };
}

/**
 * The same context with other model statuses (a scenario). The evidence index does not depend on
 * status, so it is shared: a scenario costs one readiness pass, not a re-index of the evidence.
 */
export function withModels(ctx: ReadinessContext, models: readonly Model[]): ReadinessContext {
	const byId = new Map(models.map((m) => [m.id, m]));
	const sorted = ctx.models.map((m) => byId.get(m.id) ?? m);
	return { ...ctx, ...groupModels(sorted) };
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
	const musts: Requirement[] = [];
	for (const r of item.requirements) if (r.must !== false) musts.push(r);
	return musts;
}

/** Rule 4, over must-requirements only. This is the hot loop: no allocation per call. */
export function verdictOf(
	ctx: ReadinessContext,
	modelId: string,
	musts: readonly Requirement[]
): Verdict {
	const byCapability = ctx.evidence.get(modelId);
	let unknown = false;
	for (const requirement of musts) {
		const deciding = byCapability?.get(requirement.capabilityId);
		if (!deciding) {
			unknown = true;
			continue;
		}
		const direction = directionOf(ctx, requirement.capabilityId);
		if (!satisfies(direction, deciding.evidence.value, requirement.threshold)) return 'fails';
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
	let best: { model: Model; confidence: Confidence | null } | undefined;
	for (const model of models) {
		const confidence = confidenceFor(ctx, model.id, musts);
		if (!best || rank(confidence) > rank(best.confidence)) best = { model, confidence };
		if (best.confidence === 'high') break; // nothing ranks higher, and ties keep the first
	}
	return best!;
}
function rank(confidence: Confidence | null): number {
	return confidence === null ? 0 : CONFIDENCE_RANK[confidence];
}

/** Rule 5's gaps: must-requirements no production model meets, with the best known value. */
function gapsOf(ctx: ReadinessContext, musts: readonly Requirement[]): Gap[] {
	const gaps: Gap[] = [];
	for (const requirement of musts) {
		const row = ctx.rows.get(requirement.capabilityId);
		const direction = directionOf(ctx, requirement.capabilityId);
		const metInProduction = ctx.positions.production.some((i) => {
			const deciding = row?.[i];
			return (
				deciding !== undefined &&
				satisfies(direction, deciding.evidence.value, requirement.threshold)
			);
		});
		if (metInProduction) continue;
		let best: number | null = null;
		let bestModelId: string | null = null;
		// Usable positions are in id order, so the first of equal values, the smaller id, is kept.
		for (const i of ctx.positions.usable) {
			const deciding = row?.[i];
			if (!deciding) continue;
			if (best === null || isBetter(direction, deciding.evidence.value, best)) {
				best = deciding.evidence.value;
				bestModelId = ctx.models[i]!.id;
			}
		}
		gaps.push({
			capabilityId: requirement.capabilityId,
			threshold: requirement.threshold,
			best,
			bestModelId
		});
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

function result(
	item: Item,
	partial: Omit<ItemReadiness, 'itemId' | 'overPromised' | 'earliestQuarter'>,
	earliestQuarter: string | null
): ItemReadiness {
	return {
		itemId: item.id,
		...partial,
		earliestQuarter,
		overPromised: isOverPromised(item, earliestQuarter)
	};
}

const MEETS = 0;
const UNKNOWN = 1;
const FAILS = 2;

/**
 * Rule 4 for every model at once: one pass per requirement over an array indexed by model
 * position, instead of a map lookup per (model, requirement). This is the hot path of the board.
 */
function verdicts(ctx: ReadinessContext, musts: readonly Requirement[]): Uint8Array {
	const state = new Uint8Array(ctx.models.length);
	for (const requirement of musts) {
		const row = ctx.rows.get(requirement.capabilityId);
		const higher = directionOf(ctx, requirement.capabilityId) === 'higher';
		const threshold = requirement.threshold;
		for (let i = 0; i < state.length; i++) {
			if (state[i] === FAILS) continue;
			const deciding = row?.[i];
			if (!deciding) state[i] = UNKNOWN;
			else if (higher ? deciding.evidence.value < threshold : deciding.evidence.value > threshold)
				state[i] = FAILS;
		}
	}
	return state;
}

function withVerdict(
	ctx: ReadinessContext,
	positions: readonly number[],
	state: Uint8Array,
	wanted: number
): Model[] {
	const out: Model[] = [];
	for (const i of positions) if (state[i] === wanted) out.push(ctx.models[i]!);
	return out;
}

export function readinessOf(ctx: ReadinessContext, item: Item): ItemReadiness {
	const musts = mustRequirements(item);
	const asOfQuarter = ctx.asOfQuarter;
	if (musts.length === 0)
		return result(item, { readiness: 'ready', gaps: [], confidence: null }, asOfQuarter);

	const state = verdicts(ctx, musts);
	const productionMeeting = withVerdict(ctx, ctx.positions.production, state, MEETS);
	if (productionMeeting.length > 0) {
		const { model, confidence } = mostConfident(ctx, productionMeeting, musts);
		return result(item, { readiness: 'ready', via: model.id, gaps: [], confidence }, asOfQuarter);
	}

	const gaps = gapsOf(ctx, musts);
	const availableMeeting = withVerdict(ctx, ctx.positions.available, state, MEETS);
	if (availableMeeting.length > 0) {
		const { confidence } = mostConfident(ctx, availableMeeting, musts);
		const targets = availableMeeting.map((m) => m.id);
		return result(item, { readiness: 'upgrade', targets, gaps, confidence }, asOfQuarter);
	}

	const unknownUsable = withVerdict(ctx, ctx.positions.usable, state, UNKNOWN);
	if (unknownUsable.length > 0) {
		const missing = missingPairs(ctx, unknownUsable, musts);
		return result(item, { readiness: 'unverified', missing, gaps, confidence: null }, null);
	}

	const expected: Expected[] = [];
	let earliestDate: string | null = null;
	for (const model of withVerdict(ctx, ctx.positions.announced, state, MEETS)) {
		expected.push({ modelId: model.id, expectedAt: model.expectedAt ?? null });
		if (model.expectedAt && (earliestDate === null || model.expectedAt < earliestDate))
			earliestDate = model.expectedAt;
	}
	const earliest = earliestDate === null ? null : quarterOf(earliestDate);
	return result(item, { readiness: 'waiting', expected, gaps, confidence: null }, earliest);
}

/** Readiness of every item, in workspace order. */
export function computeReadiness(workspace: Workspace, asOf: string): ItemReadiness[] {
	const ctx = createContext(workspace, asOf);
	return workspace.items.map((item) => readinessOf(ctx, item));
}
