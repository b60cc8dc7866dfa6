/**
 * What the leadership brief is computed from (DESIGN.md, "The leadership brief"): the focus model
 * X, today's readiness, and the two scenarios — adopt (X becomes production, the current
 * production models stay) and replace (X becomes production and retires every production model
 * whose roles are all among its own). Readiness comes from the engine alone; evidence is read only
 * through its index, so nothing observed after the as-of date reaches the brief (rule 0).
 */
import { standing, supersededBy } from './decisions';
import { Citations } from './citations';
import { decidingEvidence, type Deciding } from './evidence';
import { ItemImportance } from './brief-rank';
import { demandOf, type Demand } from './demand';
import {
	createContext,
	partReadiness,
	readinessOf,
	readinessSummary,
	verdictOf,
	withModels,
	type ItemReadiness,
	type PartReadiness,
	type ReadinessContext,
	type ReadinessSummary
} from './readiness';
import { applyOverrides, type ModelOverride } from './scenario';
import { isCandidate, isOpen, rolesOf } from './entities';
import type { Capability, Decision, Item, Model } from './schemas';
import type { Workspace } from './workspace';

export class BriefError extends Error {}

/**
 * One item's readiness in one context, computed on first use: the brief needs few of them in
 * full. Today's is only a summary (its gaps and borderline lists are never written in a brief).
 */
export class LazyReadiness<T extends ReadinessSummary> {
	#cache = new Map<string, T>();
	constructor(
		readonly ctx: ReadinessContext,
		private readonly compute: (ctx: ReadinessContext, item: Item) => T
	) {}
	get(item: Item): T {
		let result = this.#cache.get(item.id);
		if (!result) this.#cache.set(item.id, (result = this.compute(this.ctx, item)));
		return result;
	}
}

export interface Scene {
	ws: Workspace;
	asOf: string;
	/** The focus model X. */
	model: Model;
	/** Today's production models other than X. */
	production: Model[];
	/** The production models that replace retires: those whose roles are all among X's. */
	replaced: Model[];
	ctx: ReadinessContext;
	today: LazyReadiness<ReadinessSummary>;
	adopt: LazyReadiness<ItemReadiness>;
	replace: LazyReadiness<ItemReadiness>;
	openItems: Item[];
	/** Open items not ready today and ready under adopt, in workspace order. */
	unlocks: Item[];
	/** Open items ready today and not ready under replace, in workspace order. */
	regressions: Item[];
	demand: Demand;
	importance: ItemImportance;
	capabilities: Map<string, Capability>;
	models: Map<string, Model>;
	citations: Citations;
}

export function scene(ws: Workspace, modelId: string, asOf: string): Scene {
	const model = ws.models.find((m) => m.id === modelId);
	if (!model) throw new BriefError(`no model "${modelId}" in the workspace`);
	const production = ws.models.filter((m) => m.status === 'production' && m.id !== model.id);
	const roles = rolesOf(model);
	const replaced = production.filter((m) => rolesOf(m).every((role) => roles.includes(role)));
	// No expectedAt override: X keeps its ship date, so under adopt nothing ships on it before
	// that date (rule 7).
	const adopt: ModelOverride[] = [{ modelId: model.id, status: 'production' }];
	const replace: ModelOverride[] = [
		...adopt,
		...replaced.map((m) => ({ modelId: m.id, status: 'retired' as const }))
	];
	const models = new Map(ws.models.map((m) => [m.id, m]));
	const capabilities = new Map(ws.capabilities.map((c) => [c.id, c]));
	const ctx = createContext(ws, asOf);
	const openItems = ws.items.filter(isOpen);
	const demand = demandOf(openItems);
	const s: Scene = {
		ws,
		asOf,
		model,
		production,
		replaced,
		ctx,
		today: new LazyReadiness(ctx, readinessSummary),
		adopt: new LazyReadiness(withModels(ctx, applyOverrides(ws.models, adopt)), readinessOf),
		replace: new LazyReadiness(withModels(ctx, applyOverrides(ws.models, replace)), readinessOf),
		openItems,
		unlocks: [],
		regressions: [],
		demand,
		importance: new ItemImportance(openItems, demand),
		capabilities,
		models,
		citations: new Citations(models, capabilities)
	};
	classify(s);
	return s;
}

/** Whether X meets a part: it must be a candidate of the part's role, and meet every must-requirement. */
function focusMeetsPart(s: Scene, part: PartReadiness): boolean {
	return (
		rolesOf(s.model).includes(part.role) &&
		verdictOf(s.ctx, s.model.id, part.requirements) === 'meets'
	);
}

/**
 * Unlocks and regressions, decided by the engine under each scenario. A scenario is computed only
 * where it could change something, screened by conditions every change must satisfy, so a
 * 10,000-item roadmap costs one readiness pass and a little more:
 * - adopt only adds X to production, so a part not ready today can become ready only if X, a
 *   candidate of its role, meets it; the item's readiness under adopt is then the engine's;
 * - replace only retires `replaced`, so a ready part can break only if its via model is retired
 *   and X does not meet it; the engine then judges that part under replace (rule 5), and the item
 *   regresses when one of its parts does — an item is as ready as its least ready part.
 */
function classify(s: Scene): void {
	const retired = new Set(s.replaced.map((m) => m.id));
	for (const item of s.openItems) {
		const today = s.today.get(item);
		if (today.readiness === 'ready') {
			const breaks = today.parts.some(
				(part) =>
					retired.has(part.via!) &&
					!focusMeetsPart(s, part) &&
					partReadiness(s.replace.ctx, part.role, part.requirements).readiness !== 'ready'
			);
			if (breaks) s.regressions.push(item);
		} else {
			const mayUnlock = today.parts.every(
				(part) => part.readiness === 'ready' || focusMeetsPart(s, part)
			);
			if (mayUnlock && s.adopt.get(item).readiness === 'ready') s.unlocks.push(item);
		}
	}
}

export function deciding(s: Scene, modelId: string, capabilityId: string): Deciding | undefined {
	return decidingEvidence(s.ctx.evidence, modelId, capabilityId);
}

/** Whether X is a candidate for a capability (its role is among X's roles). */
export function isFocusCandidate(s: Scene, capabilityId: string): boolean {
	const capability = s.capabilities.get(capabilityId);
	return capability !== undefined && isCandidate(s.model, capability);
}

/** A decision on record with the unlocked or regressed items it names. */
export interface OnRecord {
	decision: Decision;
	namesModel: boolean;
	items: Item[];
}

/**
 * Decisions that bear on the brief: not superseded, and naming X or one of the unlocked or
 * regressed items (superseded as decisions.ts says). Decisions dated after the as-of date
 * were not known then and are left out, as evidence is (rule 0).
 */
export function decisionsOnRecord(s: Scene): OnRecord[] {
	const decisions = s.ws.decisions.filter((d) => d.date <= s.asOf);
	const replacedBy = supersededBy(decisions);
	const concerned = new Map([...s.unlocks, ...s.regressions].map((item) => [item.id, item]));
	const out: OnRecord[] = [];
	for (const decision of decisions) {
		if (standing(decision, replacedBy) === 'superseded') continue;
		const namesModel = decision.modelIds?.includes(s.model.id) ?? false;
		const items = [...new Set(decision.itemIds)].flatMap((id) => concerned.get(id) ?? []);
		if (namesModel || items.length > 0) out.push({ decision, namesModel, items });
	}
	return out;
}
