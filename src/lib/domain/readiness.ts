/**
 * Readiness rules 3–8 with parts (docs/rules.md), to the letter. Pure functions of (workspace,
 * as-of date): the board, the charts, the brief, the scenarios and `capmap readiness` all call
 * these. Rules 0–2 (which evidence decides, and how much it is trusted) live in `evidence.ts`.
 *
 * The loops that run per item walk arrays by index: `for…of` allocates an iterator result per
 * step until the code is optimised, and a one-shot `capmap readiness` runs mostly unoptimised.
 */
import { quarterOf } from './dates';
import {
	CONFIDENCE_RANK,
	decidingEvidence,
	indexEvidence,
	isBorderline,
	marginOf,
	type Confidence,
	type Deciding,
	type EvidenceIndex
} from './evidence';
import { DEFAULT_ROLE, roleOf, rolesOf } from './entities';
import type { Capability, Direction, Evidence, Item, Model, Requirement } from './schemas';
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
/** Rule 5's borderline entry: a verdict the margin cannot tell apart from the threshold. */
export interface Borderline {
	modelId: string;
	capabilityId: string;
	value: number;
	threshold: number;
	margin: number;
}

/** One role's share of an item, judged by the candidates of that role (rules 5–7). */
export interface PartReadiness {
	role: string;
	/** The part's must-requirements, in the item's order. */
	requirements: Requirement[];
	readiness: Readiness;
	confidence: Confidence | null;
	via?: string;
	targets?: string[];
	missing?: ModelCapability[];
	expected?: Expected[];
	earliestQuarter: string | null;
}

export interface ItemReadiness {
	itemId: string;
	readiness: Readiness;
	confidence: Confidence | null;
	earliestQuarter: string | null;
	overPromised: boolean;
	gaps: Gap[];
	borderline: Borderline[];
	/** Sorted by role; empty for an item with no must-requirement. */
	parts: PartReadiness[];
}

/** Positions (in `ReadinessContext.models`) of one role's candidates, by status, in id order. */
export interface Candidates {
	production: number[];
	available: number[];
	announced: number[];
	/** Production and available. */
	usable: number[];
	/** Every candidate that is not retired. */
	active: number[];
}

/** Everything the rules need, indexed once for a workspace and as-of date. */
export interface ReadinessContext {
	asOf: string;
	asOfQuarter: string;
	staleAfterDays: number;
	minSampleSize: number;
	capabilities: Map<string, Capability>;
	evidence: EvidenceIndex;
	/** Every model, sorted by id, so "ties: smaller id" is "first found"; rows index by this. */
	models: Model[];
	/** Positions of every model of each status, and of production + available, in id order. */
	positions: Record<Model['status'] | 'usable', number[]>;
	/** role → the positions of the models that are candidates for it. */
	candidates: Map<string, Candidates>;
	/** model id → its position in `models`. */
	positionOf: Map<string, number>;
	/** capabilityId → deciding evidence of each model, by position. */
	rows: Map<string, (Deciding | undefined)[]>;
	/** capabilityId → each model's effective value by position, NaN when unknown: the hot loop's row. */
	values: Map<string, Float64Array>;
	/** capabilityId → the role it asks for. */
	roles: Map<string, string>;
	/** capabilityId → what the hot loops read about it, found with one lookup. */
	facts: Map<string, CapabilityFacts>;
	/** Rule 7's quarter from which each model (by position) is usable in production. */
	shipQuarters: string[];
}

/**
 * One capability as the rules read it, per model position: the same numbers as `values`, `rows`,
 * `roles` and `capabilities`, gathered so that the board's loops look a requirement up once.
 */
export interface CapabilityFacts {
	role: string;
	/** The direction is `higher` (absent capability: `higher`, as directionOf says). */
	higher: boolean;
	/** Each model's effective value, NaN when unknown; undefined when no model has evidence. */
	values: Float64Array | undefined;
	/** Rule 3's margin of each model's deciding evidence, NaN when it has none. */
	margins: Float64Array | undefined;
	deciding: (Deciding | undefined)[] | undefined;
}

export function createContext(
	workspace: Pick<Workspace, 'capabilities' | 'models' | 'evidence' | 'settings'>,
	asOf: string
): ReadinessContext {
	const sorted = [...workspace.models].sort((a, b) => compareIds(a.id, b.id));
	const evidence = indexEvidence(workspace.evidence, asOf, workspace.settings);
	const rows = new Map<string, (Deciding | undefined)[]>();
	const values = new Map<string, Float64Array>();
	sorted.forEach((model, i) => {
		evidence.get(model.id)?.forEach((deciding, capabilityId) => {
			let row = rows.get(capabilityId);
			let numbers = values.get(capabilityId);
			if (!row || !numbers) {
				rows.set(capabilityId, (row = new Array(sorted.length)));
				values.set(capabilityId, (numbers = new Float64Array(sorted.length).fill(NaN)));
			}
			row[i] = deciding;
			numbers[i] = deciding.evidence.value;
		});
	});
	const capabilities = new Map(workspace.capabilities.map((c) => [c.id, c]));
	const roles = new Map(workspace.capabilities.map((c) => [c.id, roleOf(c)]));
	const asOfQuarter = quarterOf(asOf);
	return {
		...groupModels(sorted, asOf, asOfQuarter),
		asOf,
		asOfQuarter,
		staleAfterDays: workspace.settings.staleAfterDays,
		minSampleSize: workspace.settings.minSampleSize,
		capabilities,
		roles,
		evidence,
		rows,
		values,
		facts: capabilityFacts(capabilities, roles, rows, values)
	};
}

function capabilityFacts(
	capabilities: Map<string, Capability>,
	roles: Map<string, string>,
	rows: Map<string, (Deciding | undefined)[]>,
	values: Map<string, Float64Array>
): Map<string, CapabilityFacts> {
	const facts = new Map<string, CapabilityFacts>();
	for (const id of new Set([...capabilities.keys(), ...rows.keys()])) {
		const capability = capabilities.get(id);
		const deciding = rows.get(id);
		let margins: Float64Array | undefined;
		if (deciding) {
			margins = new Float64Array(deciding.length).fill(NaN);
			deciding.forEach((d, i) => {
				const margin = d && marginOf(d.evidence, capability);
				if (margin !== undefined && margin !== null) margins![i] = margin;
			});
		}
		facts.set(id, {
			role: roles.get(id) ?? DEFAULT_ROLE,
			higher: (capability?.direction ?? 'higher') === 'higher',
			values: values.get(id),
			margins,
			deciding
		});
	}
	return facts;
}

function emptyCandidates(): Candidates {
	return { production: [], available: [], announced: [], usable: [], active: [] };
}

function groupModels(
	sorted: Model[],
	asOf: string,
	asOfQuarter: string
): Pick<ReadinessContext, 'models' | 'positions' | 'candidates' | 'positionOf' | 'shipQuarters'> {
	const positions: ReadinessContext['positions'] = {
		production: [],
		available: [],
		announced: [],
		retired: [],
		usable: []
	};
	const candidates = new Map<string, Candidates>();
	sorted.forEach((model, i) => {
		positions[model.status].push(i);
		const usable = model.status === 'production' || model.status === 'available';
		if (usable) positions.usable.push(i);
		if (model.status === 'retired') return;
		for (const role of new Set(rolesOf(model))) {
			let forRole = candidates.get(role);
			if (!forRole) candidates.set(role, (forRole = emptyCandidates()));
			forRole[model.status].push(i);
			if (usable) forRole.usable.push(i);
			forRole.active.push(i);
		}
	});
	const positionOf = new Map(sorted.map((model, i) => [model.id, i]));
	const shipQuarters = sorted.map((model) => shipQuarterOf(model, asOf, asOfQuarter));
	return { models: sorted, positions, candidates, positionOf, shipQuarters };
}

/**
 * The context of the same workspace and as-of date with `added` evidence too: what
 * `createContext` would give for the workspace with it, sharing everything the new evidence
 * does not change. For reading readiness after each of many imports (the changes feed).
 */
export function contextWith(ctx: ReadinessContext, added: readonly Evidence[]): ReadinessContext {
	const settings = { staleAfterDays: ctx.staleAfterDays, minSampleSize: ctx.minSampleSize };
	const evidence = indexEvidence(added, ctx.asOf, settings, ctx.evidence);
	const rows = new Map(ctx.rows);
	const values = new Map(ctx.values);
	const changedRows = new Map<string, (Deciding | undefined)[]>();
	const changedValues = new Map<string, Float64Array>();
	for (const capabilityId of new Set(added.map((e) => e.capabilityId))) {
		const row: (Deciding | undefined)[] = new Array(ctx.models.length);
		const numbers = new Float64Array(ctx.models.length).fill(NaN);
		let known = false;
		ctx.models.forEach((model, i) => {
			const deciding = evidence.get(model.id)?.get(capabilityId);
			if (!deciding) return;
			row[i] = deciding;
			numbers[i] = deciding.evidence.value;
			known = true;
		});
		if (!known) continue;
		rows.set(capabilityId, row);
		values.set(capabilityId, numbers);
		changedRows.set(capabilityId, row);
		changedValues.set(capabilityId, numbers);
	}
	// The hot loops' facts, made again only for the capabilities whose rows changed.
	const changed = new Map(
		[...changedRows.keys()].flatMap((id) => {
			const capability = ctx.capabilities.get(id);
			return capability ? [[id, capability] as const] : [];
		})
	);
	const facts = new Map(ctx.facts);
	for (const [id, fact] of capabilityFacts(changed, ctx.roles, changedRows, changedValues))
		facts.set(id, fact);
	return { ...ctx, evidence, rows, values, facts };
}

/**
 * The same context with other model statuses (a scenario). The evidence index does not depend on
 * status, so it is shared: a scenario costs one readiness pass, not a re-index of the evidence.
 */
export function withModels(ctx: ReadinessContext, models: readonly Model[]): ReadinessContext {
	const byId = new Map(models.map((m) => [m.id, m]));
	const sorted = ctx.models.map((m) => byId.get(m.id) ?? m);
	return { ...ctx, ...groupModels(sorted, ctx.asOf, ctx.asOfQuarter) };
}

export function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

export function directionOf(ctx: ReadinessContext, capabilityId: string): Direction {
	return ctx.capabilities.get(capabilityId)?.direction ?? 'higher';
}

/** The role a requirement's capability asks for. */
export function roleOfCapability(ctx: ReadinessContext, capabilityId: string): string {
	return ctx.facts.get(capabilityId)?.role ?? DEFAULT_ROLE;
}

const NO_CANDIDATES: Candidates = emptyCandidates();

/** The candidates of a role (models whose roles include it), by status. */
export function candidatesFor(ctx: ReadinessContext, role: string): Candidates {
	return ctx.candidates.get(role) ?? NO_CANDIDATES;
}

/** Whether a model is judged on a capability at all: an embedding model is not asked for recall. */
export function isCandidateFor(ctx: ReadinessContext, model: Model, capabilityId: string): boolean {
	return rolesOf(model).includes(roleOfCapability(ctx, capabilityId));
}

/** True when `value` satisfies `threshold` in the capability's direction. */
export function satisfies(direction: Direction, value: number, threshold: number): boolean {
	return direction === 'higher' ? value >= threshold : value <= threshold;
}

/** True when `a` is strictly better than `b` in the capability's direction. */
export function isBetter(direction: Direction, a: number, b: number): boolean {
	return direction === 'higher' ? a > b : a < b;
}

export interface BestValue {
	value: number;
	modelId: string;
	deciding: Deciding;
}

/**
 * The best effective value on a capability among the models at `positions` (in id order), so
 * that on equal values the smaller id wins. Gaps, the charts and the brief all ask this.
 */
export function bestAmong(
	ctx: ReadinessContext,
	capabilityId: string,
	positions: readonly number[]
): BestValue | null {
	const facts = ctx.facts.get(capabilityId);
	const values = facts?.values;
	if (!facts || !values) return null;
	const higher = facts.higher;
	let at = -1;
	for (let k = 0; k < positions.length; k++) {
		const i = positions[k]!;
		const value = values[i]!;
		if (value !== value) continue; // NaN: no evidence
		if (at < 0 || (higher ? value > values[at]! : value < values[at]!)) at = i;
	}
	if (at < 0) return null;
	return { value: values[at]!, modelId: ctx.models[at]!.id, deciding: facts.deciding![at]! };
}

/** The best value among the usable candidates for a capability (rule 5's gap value). */
export function bestUsable(ctx: ReadinessContext, capabilityId: string): BestValue | null {
	return bestAmong(
		ctx,
		capabilityId,
		candidatesFor(ctx, roleOfCapability(ctx, capabilityId)).usable
	);
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

/** Rule 3's margin of a deciding evidence, in the capability's unit; null when none is known. */
export function marginFor(ctx: ReadinessContext, deciding: Deciding): number | null {
	return marginOf(deciding.evidence, ctx.capabilities.get(deciding.evidence.capabilityId));
}

/** Rule 3's borderline test for one model's deciding evidence on one requirement. */
export function borderlineOf(
	ctx: ReadinessContext,
	deciding: Deciding,
	threshold: number
): number | null {
	const margin = marginFor(ctx, deciding);
	return isBorderline(deciding.evidence.value, threshold, margin) ? margin : null;
}

export function mustRequirements(item: Pick<Item, 'requirements'>): Requirement[] {
	const musts: Requirement[] = [];
	const requirements = item.requirements;
	for (let i = 0; i < requirements.length; i++)
		if (requirements[i]!.must !== false) musts.push(requirements[i]!);
	return musts;
}

/** An item's must-requirements grouped into parts, one per role, sorted by role. */
export function partsOf(
	ctx: ReadinessContext,
	item: Pick<Item, 'requirements'>
): { role: string; requirements: Requirement[] }[] {
	const musts = mustRequirements(item);
	if (musts.length === 0) return [];
	// Most items ask one role of a model: one part, no grouping.
	const first = roleOfCapability(ctx, musts[0]!.capabilityId);
	let oneRole = true;
	for (let i = 1; i < musts.length && oneRole; i++)
		oneRole = roleOfCapability(ctx, musts[i]!.capabilityId) === first;
	if (oneRole) return [{ role: first, requirements: musts }];
	const byRole = new Map<string, Requirement[]>();
	for (const requirement of musts) {
		const role = roleOfCapability(ctx, requirement.capabilityId);
		const list = byRole.get(role);
		if (list) list.push(requirement);
		else byRole.set(role, [requirement]);
	}
	return [...byRole]
		.sort(([a], [b]) => compareIds(a, b))
		.map(([role, requirements]) => ({ role, requirements }));
}

/** Rule 4 for one model, over must-requirements only: the same loop as every candidate's. */
export function verdictOf(
	ctx: ReadinessContext,
	modelId: string,
	musts: readonly Requirement[]
): Verdict {
	const position = ctx.positionOf.get(modelId);
	if (position === undefined) return musts.length === 0 ? 'meets' : 'unknown';
	return VERDICT[verdicts(ctx, musts, [position])[position]!]!;
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

function rank(confidence: Confidence | null): number {
	return confidence === null ? 0 : CONFIDENCE_RANK[confidence];
}

/** Lower confidence of two; null only when both are. */
function lower(a: Confidence | null, b: Confidence | null): Confidence | null {
	if (a === null) return b;
	if (b === null) return a;
	return rank(a) <= rank(b) ? a : b;
}

/** Rule 6 for the model at a position: confidenceFor, reading the facts' rows. */
function confidenceAt(
	ctx: ReadinessContext,
	position: number,
	musts: readonly Requirement[]
): Confidence | null {
	let lowest: Confidence | null = null;
	for (let k = 0; k < musts.length; k++) {
		const deciding = ctx.facts.get(musts[k]!.capabilityId)?.deciding?.[position];
		if (!deciding) return null;
		if (lowest === null || CONFIDENCE_RANK[deciding.confidence] < CONFIDENCE_RANK[lowest])
			lowest = deciding.confidence;
	}
	return lowest;
}

/**
 * Of the models at `positions` (in id order) that meet, the one with the highest confidence; ties
 * go to the first, which has the smaller id. -1 when none meets.
 */
function mostConfident(
	ctx: ReadinessContext,
	positions: readonly number[],
	state: Uint8Array,
	musts: readonly Requirement[]
): { at: number; confidence: Confidence | null } {
	let at = -1;
	let confidence: Confidence | null = null;
	for (let k = 0; k < positions.length; k++) {
		const i = positions[k]!;
		if (state[i] !== MEETS) continue;
		const c = confidenceAt(ctx, i, musts);
		if (at < 0 || rank(c) > rank(confidence)) {
			at = i;
			confidence = c;
		}
		if (confidence === 'high') break; // nothing ranks higher, and ties keep the first
	}
	return { at, confidence };
}

/** Lower is better: ready < upgrade < unverified < waiting. */
export function readinessRank(readiness: Readiness): number {
	return READINESS_STATES.indexOf(readiness);
}

/** Rule 7: a production model with a ship date after the as-of date is usable from that quarter. */
export function shipQuarter(ctx: ReadinessContext, model: Model): string {
	return shipQuarterOf(model, ctx.asOf, ctx.asOfQuarter);
}

function shipQuarterOf(model: Model, asOf: string, asOfQuarter: string): string {
	return model.expectedAt !== undefined && model.expectedAt > asOf
		? quarterOf(model.expectedAt)
		: asOfQuarter;
}

const MEETS = 0;
const UNKNOWN = 1;
const FAILS = 2;
const VERDICT: Verdict[] = ['meets', 'unknown', 'fails'];
let scratch = new Uint8Array(64);

/**
 * Rule 4 for every candidate at once: one pass per requirement over an array indexed by model
 * position, instead of a map lookup per (model, requirement). This is the hot path of the board.
 */
function verdicts(
	ctx: ReadinessContext,
	musts: readonly Requirement[],
	positions: readonly number[]
): Uint8Array {
	// One buffer reused across calls (readiness is synchronous); only candidates' slots are read.
	if (scratch.length < ctx.models.length) scratch = new Uint8Array(ctx.models.length);
	const state = scratch;
	for (let k = 0; k < positions.length; k++) state[positions[k]!] = MEETS;
	for (let r = 0; r < musts.length; r++) {
		const requirement = musts[r]!;
		const facts = ctx.facts.get(requirement.capabilityId);
		const row = facts?.values;
		const higher = facts?.higher ?? true;
		const threshold = requirement.threshold;
		for (let k = 0; k < positions.length; k++) {
			const i = positions[k]!;
			if (state[i] === FAILS) continue;
			const value = row === undefined ? NaN : row[i]!;
			// NaN: no evidence, so unknown; otherwise rule 3's one comparison (satisfies).
			if (value !== value) state[i] = UNKNOWN;
			else if (!(higher ? value >= threshold : value <= threshold)) state[i] = FAILS;
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
	for (let k = 0; k < positions.length; k++)
		if (state[positions[k]!] === wanted) out.push(ctx.models[positions[k]!]!);
	return out;
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
	return pairs.sort(byModelThenCapability);
}

function byModelThenCapability(a: ModelCapability, b: ModelCapability): number {
	return compareIds(a.modelId, b.modelId) || compareIds(a.capabilityId, b.capabilityId);
}

/** Rules 5–7 for one part. */
export function partReadiness(
	ctx: ReadinessContext,
	role: string,
	musts: Requirement[]
): PartReadiness {
	const candidates = candidatesFor(ctx, role);
	const state = verdicts(ctx, musts, candidates.active);
	// Every result is built by `part` with the same fields in the same order: one object shape
	// keeps the board's hot loop monomorphic (spreading a base object made it the slowest step).
	const ready = mostConfident(ctx, candidates.production, state, musts);
	if (ready.at >= 0) {
		let earliest = ctx.shipQuarters[ready.at]!;
		const production = candidates.production;
		for (let k = 0; k < production.length; k++) {
			const quarter = ctx.shipQuarters[production[k]!]!;
			if (state[production[k]!] === MEETS && quarter < earliest) earliest = quarter;
		}
		const via = ctx.models[ready.at]!.id;
		return part(role, musts, 'ready', ready.confidence, earliest, via);
	}

	const upgrade = mostConfident(ctx, candidates.available, state, musts);
	if (upgrade.at >= 0) {
		const targets = withVerdict(ctx, candidates.available, state, MEETS).map((m) => m.id);
		return part(role, musts, 'upgrade', upgrade.confidence, ctx.asOfQuarter, undefined, targets);
	}

	const unknownUsable = withVerdict(ctx, candidates.usable, state, UNKNOWN);
	if (unknownUsable.length > 0) {
		const missing = missingPairs(ctx, unknownUsable, musts);
		return part(role, musts, 'unverified', null, null, undefined, undefined, missing);
	}

	const expected: Expected[] = [];
	let earliestDate: string | null = null;
	for (const model of withVerdict(ctx, candidates.announced, state, MEETS)) {
		expected.push({ modelId: model.id, expectedAt: model.expectedAt ?? null });
		if (model.expectedAt && (earliestDate === null || model.expectedAt < earliestDate))
			earliestDate = model.expectedAt;
	}
	const quarter = earliestDate === null ? null : quarterOf(earliestDate);
	return part(role, musts, 'waiting', null, quarter, undefined, undefined, undefined, expected);
}

function part(
	role: string,
	requirements: Requirement[],
	readiness: Readiness,
	confidence: Confidence | null,
	earliestQuarter: string | null,
	via?: string,
	targets?: string[],
	missing?: ModelCapability[],
	expected?: Expected[]
): PartReadiness {
	return {
		role,
		requirements,
		readiness,
		confidence,
		via,
		targets,
		missing,
		expected,
		earliestQuarter
	};
}

/** Rule 5's gaps: must-requirements no production candidate meets, with the best known value. */
function gapsOf(ctx: ReadinessContext, musts: readonly Requirement[]): Gap[] {
	const gaps: Gap[] = [];
	for (let r = 0; r < musts.length; r++) {
		const requirement = musts[r]!;
		const facts = ctx.facts.get(requirement.capabilityId);
		const candidates = candidatesFor(ctx, facts?.role ?? DEFAULT_ROLE);
		const values = facts?.values;
		const higher = facts?.higher ?? true;
		const threshold = requirement.threshold;
		// An unknown value is NaN, and NaN satisfies no threshold.
		let metInProduction = false;
		if (values)
			for (let k = 0; k < candidates.production.length; k++) {
				const value = values[candidates.production[k]!]!;
				if (higher ? value >= threshold : value <= threshold) metInProduction = true;
			}
		if (metInProduction) continue;
		const best = bestAmong(ctx, requirement.capabilityId, candidates.usable);
		gaps.push({
			capabilityId: requirement.capabilityId,
			threshold,
			best: best?.value ?? null,
			bestModelId: best?.modelId ?? null
		});
	}
	return gaps;
}

/** Rule 5's borderline list: the deciding model(s) of each ready or upgrade part. */
function borderlineOfParts(ctx: ReadinessContext, parts: readonly PartReadiness[]): Borderline[] {
	const out: Borderline[] = [];
	for (let p = 0; p < parts.length; p++) {
		const part = parts[p]!;
		if (part.readiness === 'ready') borderlineOfModel(ctx, part.via!, part.requirements, out);
		else if (part.targets)
			for (let t = 0; t < part.targets.length; t++)
				borderlineOfModel(ctx, part.targets[t]!, part.requirements, out);
	}
	return out.length > 1 ? out.sort(byModelThenCapability) : out;
}

/** Rule 3's borderline test (borderlineOf) of one model's deciding evidence on each requirement. */
function borderlineOfModel(
	ctx: ReadinessContext,
	modelId: string,
	requirements: readonly Requirement[],
	out: Borderline[]
): void {
	const at = ctx.positionOf.get(modelId);
	if (at === undefined) return;
	for (let r = 0; r < requirements.length; r++) {
		const requirement = requirements[r]!;
		const facts = ctx.facts.get(requirement.capabilityId);
		const margin = facts?.margins?.[at];
		// NaN: no deciding evidence, or no margin known (isBorderline's null).
		if (margin === undefined || margin !== margin) continue;
		const value = facts!.values![at]!;
		if (!isBorderline(value, requirement.threshold, margin)) continue;
		out.push({
			modelId,
			capabilityId: requirement.capabilityId,
			value,
			threshold: requirement.threshold,
			margin
		});
	}
}

/** Rule 8. */
export function isOverPromised(item: Item, earliestQuarter: string | null): boolean {
	if (item.status !== 'planned' && item.status !== 'in-progress') return false;
	if (!item.quarter) return false;
	return earliestQuarter === null || earliestQuarter > item.quarter;
}

/** An item's readiness without rule 5's gaps and borderline list: what comparing scenarios needs. */
export type ReadinessSummary = Omit<ItemReadiness, 'gaps' | 'borderline'>;

/** Rules 5–8 for an item, its gaps and borderline list aside (readinessOf adds them). */
export function readinessSummary(ctx: ReadinessContext, item: Item): ReadinessSummary {
	const groups = partsOf(ctx, item);
	if (groups.length === 0)
		return {
			itemId: item.id,
			readiness: 'ready',
			confidence: null,
			earliestQuarter: ctx.asOfQuarter,
			overPromised: isOverPromised(item, ctx.asOfQuarter),
			parts: []
		};

	const parts = groups.map((g) => partReadiness(ctx, g.role, g.requirements));
	let worst = parts[0]!.readiness;
	let confidence: Confidence | null = null;
	let earliest: string | null = '';
	for (let p = 0; p < parts.length; p++) {
		const part = parts[p]!;
		if (readinessRank(part.readiness) > readinessRank(worst)) worst = part.readiness;
		confidence = lower(confidence, part.confidence);
		if (earliest !== null)
			earliest =
				part.earliestQuarter === null
					? null
					: part.earliestQuarter > earliest
						? part.earliestQuarter
						: earliest;
	}
	const settled = worst === 'ready' || worst === 'upgrade';
	return {
		itemId: item.id,
		readiness: worst,
		confidence: settled ? confidence : null,
		earliestQuarter: earliest,
		overPromised: isOverPromised(item, earliest),
		parts
	};
}

export function readinessOf(ctx: ReadinessContext, item: Item): ItemReadiness {
	const summary = readinessSummary(ctx, item);
	return {
		itemId: summary.itemId,
		readiness: summary.readiness,
		confidence: summary.confidence,
		earliestQuarter: summary.earliestQuarter,
		overPromised: summary.overPromised,
		gaps: summary.readiness === 'ready' ? [] : gapsOf(ctx, mustRequirements(item)),
		borderline: borderlineOfParts(ctx, summary.parts),
		parts: summary.parts
	};
}

/** Readiness of every item, in workspace order. */
export function computeReadiness(workspace: Workspace, asOf: string): ItemReadiness[] {
	const ctx = createContext(workspace, asOf);
	return workspace.items.map((item) => readinessOf(ctx, item));
}
