/**
 * The leadership brief of DESIGN.md: what a focus model means for the roadmap, compared with the
 * current production models through two scenarios (adopt and replace), every number about a
 * model cited to its evidence. Deterministic: the same workspace, model and as-of date give the
 * same Markdown, so the app's export equals `capmap brief`.
 */
import { Citations } from './citations';
import { quarterOf } from './dates';
import type { Deciding } from './evidence';
import { KIND_LABEL, READINESS_LABEL, comparator, formatValue, joinAnd, plural } from './format';
import {
	createContext,
	readinessOf,
	verdictOf,
	withModels,
	isBetter,
	mustRequirements,
	outcomeOf,
	type ItemReadiness,
	type ReadinessContext
} from './readiness';
import { applyOverrides, type ModelOverride } from './scenario';
import { isOpen, type Capability, type Item, type Model, type Requirement } from './schemas';
import type { Workspace } from './workspace';

export class BriefError extends Error {}

/** One item's readiness in one context, computed on first use: the brief needs few of them. */
class LazyReadiness {
	#cache = new Map<string, ItemReadiness>();
	constructor(private readonly ctx: ReadinessContext) {}
	get(item: Item): ItemReadiness {
		let result = this.#cache.get(item.id);
		if (!result) this.#cache.set(item.id, (result = readinessOf(this.ctx, item)));
		return result;
	}
}

interface Scene {
	ws: Workspace;
	model: Model;
	production: Model[];
	ctx: ReadinessContext;
	today: LazyReadiness;
	adopt: LazyReadiness;
	replace: LazyReadiness;
	openItems: Item[];
	capabilities: Map<string, Capability>;
	models: Map<string, Model>;
	citations: Citations;
}

function scene(ws: Workspace, modelId: string, asOf: string): Scene {
	const model = ws.models.find((m) => m.id === modelId);
	if (!model) throw new BriefError(`no model "${modelId}" in the workspace`);
	const production = ws.models.filter((m) => m.status === 'production' && m.id !== model.id);
	const adopt: ModelOverride[] = [{ modelId: model.id, status: 'production' }];
	const replace: ModelOverride[] = [
		...adopt,
		...production.map((m) => ({ modelId: m.id, status: 'retired' as const }))
	];
	const models = new Map(ws.models.map((m) => [m.id, m]));
	const capabilities = new Map(ws.capabilities.map((c) => [c.id, c]));
	const ctx = createContext(ws, asOf);
	return {
		ws,
		model,
		production,
		ctx,
		today: new LazyReadiness(ctx),
		adopt: new LazyReadiness(withModels(ctx, applyOverrides(ws.models, adopt))),
		replace: new LazyReadiness(withModels(ctx, applyOverrides(ws.models, replace))),
		openItems: ws.items.filter(isOpen),
		capabilities,
		models,
		citations: new Citations(models, capabilities)
	};
}

const capName = (s: Scene, id: string) => s.capabilities.get(id)?.name ?? id;
const unitOf = (s: Scene, id: string) => s.capabilities.get(id)?.unit ?? '';
const modelName = (s: Scene, id: string) => s.models.get(id)?.name ?? id;

/** `93 % [2]`, with the evidence's weakness said next to the number it weakens. */
function citedValue(s: Scene, deciding: Deciding): string {
	const e = deciding.evidence;
	let out = `${formatValue(e.value, unitOf(s, e.capabilityId))} ${s.citations.cite(e)}`;
	const caveats: string[] = [];
	if (deciding.confidence === 'low') caveats.push(KIND_LABEL[e.kind]);
	if (deciding.stale) caveats.push(`stale, observed ${e.observedAt}`);
	if (caveats.length > 0) out += ` (${caveats.join('; ')})`;
	return out;
}

function deciding(s: Scene, modelId: string, capabilityId: string): Deciding | undefined {
	return s.ctx.evidence.get(modelId)?.get(capabilityId);
}

function requirementText(s: Scene, r: Requirement): string {
	const direction = s.capabilities.get(r.capabilityId)?.direction ?? 'higher';
	return `${capName(s, r.capabilityId)} ${comparator(direction)} ${formatValue(r.threshold, unitOf(s, r.capabilityId))}`;
}

type Demand = { capability: Capability; items: number }[];
const demandCache = new WeakMap<Scene, { must?: Demand; any?: Demand }>();

/** Capabilities the open items require, in workspace order, with how many open items need each. */
function roadmapCapabilities(s: Scene, mustOnly: boolean): Demand {
	let cached = demandCache.get(s);
	if (!cached) demandCache.set(s, (cached = {}));
	const key = mustOnly ? 'must' : 'any';
	return (cached[key] ??= countDemand(s, mustOnly)).slice();
}

function countDemand(s: Scene, mustOnly: boolean): Demand {
	const counts = new Map<string, number>();
	for (const item of s.openItems) {
		const ids = new Set(
			(mustOnly ? mustRequirements(item) : item.requirements).map((r) => r.capabilityId)
		);
		for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return s.ws.capabilities
		.filter((c) => counts.has(c.id))
		.map((capability) => ({ capability, items: counts.get(capability.id)! }));
}

function bestInProduction(
	s: Scene,
	capability: Capability
): { model: Model; deciding: Deciding } | undefined {
	let best: { model: Model; deciding: Deciding } | undefined;
	for (const model of [...s.production].sort((a, b) => (a.id < b.id ? -1 : 1))) {
		const d = deciding(s, model.id, capability.id);
		if (!d) continue;
		if (!best || isBetter(capability.direction, d.evidence.value, best.deciding.evidence.value))
			best = { model, deciding: d };
	}
	return best;
}

function canDoSection(s: Scene): string[] {
	const lines: string[] = [];
	for (const { capability, items } of roadmapCapabilities(s, false)) {
		const mine = deciding(s, s.model.id, capability.id);
		if (!mine) continue;
		const best = bestInProduction(s, capability);
		const need = `${plural(items, 'open item')} ${items === 1 ? 'requires' : 'require'} it`;
		if (!best)
			lines.push(
				`- **${capability.name}**: ${s.model.name} ${citedValue(s, mine)}; no production model has evidence on it. ${capitalise(need)}.`
			);
		else if (isBetter(capability.direction, mine.evidence.value, best.deciding.evidence.value))
			lines.push(
				`- **${capability.name}**: ${s.model.name} ${citedValue(s, mine)} against ${best.model.name} ${citedValue(s, best.deciding)}, the best in production. ${capitalise(need)}.`
			);
	}
	if (lines.length === 0)
		return [
			`On the recorded evidence, nothing: ${s.model.name} does not beat our production models on any capability the roadmap needs.`
		];
	return lines;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Under adopt the production models are today's plus the focus model; under replace, the focus
 * model alone. So an item that is not ready today is ready under adopt exactly when the focus
 * model meets it, and a ready item stays ready under replace exactly when the focus model meets
 * it (rule 5). Asking that one verdict spares a full readiness pass per scenario on big roadmaps.
 */
function focusMeets(s: Scene, item: Item): boolean {
	const musts = mustRequirements(item);
	return musts.length === 0 || verdictOf(s.ctx, s.model.id, musts) === 'meets';
}

function unlockedItems(s: Scene): Item[] {
	return s.openItems.filter(
		(item) => s.today.get(item).readiness !== 'ready' && focusMeets(s, item)
	);
}

function regressedItems(s: Scene): Item[] {
	return s.openItems.filter(
		(item) => s.today.get(item).readiness === 'ready' && !focusMeets(s, item)
	);
}

/** How many items one list of the brief names; the rest are counted, so a brief stays readable. */
export const BRIEF_LIST_LIMIT = 20;
const PRIORITY_RANK: Record<string, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };

/** The most important items first (priority, then workspace order), cut at the list limit. */
function mostImportant<T>(
	entries: readonly T[],
	itemOf: (entry: T) => Item
): { shown: T[]; more: number } {
	const ranked = entries
		.map((entry, order) => ({
			entry,
			order,
			rank: PRIORITY_RANK[itemOf(entry).priority ?? ''] ?? 4
		}))
		.sort((a, b) => a.rank - b.rank || a.order - b.order)
		.map(({ entry }) => entry);
	return {
		shown: ranked.slice(0, BRIEF_LIST_LIMIT),
		more: Math.max(0, ranked.length - BRIEF_LIST_LIMIT)
	};
}

function andMore(more: number, what: string): string[] {
	return more > 0
		? [`- …and ${more.toLocaleString('en-US')} more ${what}; the board lists them all.`]
		: [];
}

function byQuarter(items: readonly Item[]): [string, Item[]][] {
	const groups = new Map<string, Item[]>();
	for (const item of items) {
		const key = item.quarter ?? 'Unscheduled';
		groups.set(key, [...(groups.get(key) ?? []), item]);
	}
	// Quarters sort as text; "Unscheduled" sorts after every "20xx-Qn".
	return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function itemLabel(item: Item): string {
	const facts = [item.priority, item.status].filter(Boolean).join(', ');
	return `**${item.title}** (${facts})`;
}

function unlocksSection(s: Scene, unlocks: readonly Item[]): string[] {
	if (unlocks.length === 0)
		return [
			`Nothing yet: no open item that is not ready today becomes ready if ${s.model.name} is adopted.`
		];
	const lines: string[] = [];
	const { shown, more } = mostImportant(unlocks, (item) => item);
	for (const [quarter, items] of byQuarter(shown)) {
		lines.push(`### ${quarter}`, '');
		for (const item of items) {
			const today = READINESS_LABEL[s.today.get(item).readiness];
			const needs = mustRequirements(item).map((r) => {
				const d = deciding(s, s.model.id, r.capabilityId)!;
				return `${requirementText(s, r)}: ${s.model.name} ${citedValue(s, d)}`;
			});
			const impact = item.userImpact ? ` ${sentenceOf(item.userImpact)}` : '';
			lines.push(`- ${itemLabel(item)}, ${today} today.${impact} Needs ${needs.join('; ')}.`);
		}
		lines.push('');
	}
	return [...trimBlank(lines), ...(more > 0 ? ['', ...andMore(more, 'items')] : [])];
}

function sentenceOf(text: string): string {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function trimBlank(lines: string[]): string[] {
	while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return lines;
}

/** Why an item stops being ready when the focus model replaces production. */
function shortfalls(s: Scene, item: Item): string {
	const reasons: string[] = [];
	for (const r of mustRequirements(item)) {
		const { outcome, deciding: d } = outcomeOf(s.ctx, s.model.id, r);
		if (outcome === 'unmet')
			reasons.push(`${requirementText(s, r)}, ${s.model.name} has ${citedValue(s, d!)}`);
		if (outcome === 'unknown')
			reasons.push(`no evidence for ${s.model.name} on ${capName(s, r.capabilityId)}`);
	}
	return reasons.join('; ');
}

function risksSection(s: Scene, regressions: readonly Item[]): string[] {
	const lines: string[] = [];
	const replaced = joinAnd(s.production.map((m) => m.name));
	const regressionList = mostImportant(regressions, (item) => item);
	for (const item of regressionList.shown) {
		const to = s.replace.get(item);
		const via = s.today.get(item).via;
		const today = via ? ` (ready today on ${modelName(s, via)})` : '';
		lines.push(
			`- Regression if ${s.model.name} replaces ${replaced}: ${itemLabel(item)} would go from ready to ${READINESS_LABEL[to.readiness]}${today}: ${shortfalls(s, item)}.`
		);
	}
	lines.push(...andMore(regressionList.more, 'regressions'));
	const weak: string[] = [];
	for (const { capability } of roadmapCapabilities(s, false)) {
		const d = deciding(s, s.model.id, capability.id);
		if (!d || (d.confidence !== 'low' && !d.stale)) continue;
		const why = d.stale ? `stale, observed ${d.evidence.observedAt}` : KIND_LABEL[d.evidence.kind];
		weak.push(
			`${capability.name} ${formatValue(d.evidence.value, capability.unit)} ${s.citations.cite(d.evidence)} (${why})`
		);
	}
	if (weak.length > 0)
		lines.push(
			`- Weak evidence: these ${s.model.name} figures rest on vendor claims, anecdotes or evidence older than ${s.ctx.staleAfterDays} days, not on our own evals: ${weak.join('; ')}.`
		);
	const unknown = roadmapCapabilities(s, true)
		.filter(({ capability }) => !deciding(s, s.model.id, capability.id))
		.map(({ capability }) => capability.name);
	if (unknown.length > 0)
		lines.push(`- Unknowns: no evidence for ${s.model.name} on ${joinAnd(unknown)}.`);
	if (s.model.status === 'announced')
		lines.push(
			`- Announced only: ${s.model.name} is not usable yet${s.model.expectedAt ? `; it is expected ${s.model.expectedAt} (${quarterOf(s.model.expectedAt)})` : ' and has no expected date'}. Nothing above can ship on it before then.`
		);
	if (s.model.status === 'retired')
		lines.push(`- Retired: ${s.model.name} is marked retired; adopting it reverses that decision.`);
	return lines.length > 0 ? lines : ['No risks found in the recorded evidence.'];
}

function article(noun: string): string {
	return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** The quarter from which the focus model could be used, or null when nobody knows. */
function availableFrom(s: Scene): string | null {
	if (s.model.status === 'production' || s.model.status === 'available')
		return quarterOf(s.ctx.asOf);
	if (s.model.status === 'announced' && s.model.expectedAt) return quarterOf(s.model.expectedAt);
	return null;
}

function roadmapSection(s: Scene, unlocks: readonly Item[]): string[] {
	const lines: string[] = [];
	const from = availableFrom(s);
	const pulls = mostImportant(
		unlocks.filter((item) => from !== null && (!item.quarter || item.quarter > from)),
		(item) => item
	);
	for (const item of pulls.shown) {
		if (from === null) continue;
		if (!item.quarter)
			lines.push(`- Schedule ${itemLabel(item)}: ready with ${s.model.name} from ${from}.`);
		else if (item.quarter > from)
			lines.push(
				`- Pull in ${itemLabel(item)} from ${item.quarter} to ${from}: ready with ${s.model.name} from then.`
			);
	}
	lines.push(...andMore(pulls.more, 'items to pull in'));
	const overPromised = mostImportant(
		s.openItems.filter((item) => s.today.get(item).overPromised),
		(item) => item
	);
	for (const item of overPromised.shown) {
		const today = s.today.get(item);
		const adopt = s.adopt.get(item);
		const feasible = today.earliestQuarter
			? `cannot be ready before ${today.earliestQuarter}`
			: 'has no feasible quarter on the current evidence';
		let withModel: string;
		if (adopt.overPromised)
			withModel = `adopting ${s.model.name} does not fix that (${READINESS_LABEL[adopt.readiness]})`;
		else if (from === null || from > item.quarter!)
			withModel = `${s.model.name} would make it ${READINESS_LABEL[adopt.readiness]}, but not before ${from ?? 'an unknown date'}`;
		else
			withModel = `adopting ${s.model.name} would make it ${READINESS_LABEL[adopt.readiness]} in time`;
		lines.push(
			`- Over-promised: ${itemLabel(item)} is promised for ${item.quarter} but ${feasible}; ${withModel}.`
		);
	}
	lines.push(...andMore(overPromised.more, 'over-promised items'));
	const byDependents = roadmapCapabilities(s, true).sort((a, b) => b.items - a.items);
	for (const { capability, items } of byDependents) {
		const d = deciding(s, s.model.id, capability.id);
		if (d && d.confidence !== 'low' && !d.stale) continue;
		const today = d
			? `today's figure is ${article(KIND_LABEL[d.evidence.kind])} ${s.citations.cite(d.evidence)}`
			: 'there is no evidence yet';
		lines.push(
			`- Eval to run first: an internal eval of ${s.model.name} on ${capability.name}; ${plural(items, 'open item')} ${items === 1 ? 'depends' : 'depend'} on it and ${today}.`
		);
	}
	return lines.length > 0 ? lines : ['No changes: the roadmap holds with or without this model.'];
}

function statusSentence(s: Scene): string {
	const vendor = s.model.vendor ? ` (${s.model.vendor})` : '';
	switch (s.model.status) {
		case 'production':
			return `${s.model.name}${vendor} already serves the product in production.`;
		case 'available':
			return `${s.model.name}${vendor} is generally available but not in production: using it is an upgrade.`;
		case 'announced':
			return `${s.model.name}${vendor} is announced and not usable yet${s.model.expectedAt ? `; it is expected ${s.model.expectedAt}` : ', with no expected date'}.`;
		case 'retired':
			return `${s.model.name}${vendor} is retired.`;
	}
}

function bottomLine(s: Scene, unlocks: readonly Item[], regressions: readonly unknown[]): string[] {
	const sentences = [statusSentence(s)];
	sentences.push(
		unlocks.length === 0
			? `Adopting it would make no open item ready that is not ready today.`
			: `Adopting it would make ${plural(unlocks.length, 'open item')} ready that ${unlocks.length === 1 ? 'is' : 'are'} not ready today, among them ${joinAnd(unlocks.slice(0, 3).map((i) => i.title))}.`
	);
	if (s.production.length === 0) sentences.push('There is no production model for it to replace.');
	else
		sentences.push(
			regressions.length === 0
				? `Replacing ${joinAnd(s.production.map((m) => m.name))} with it would keep every open item that is ready today ready.`
				: `Replacing ${joinAnd(s.production.map((m) => m.name))} with it would break ${plural(regressions.length, 'open item')} that ${regressions.length === 1 ? 'is' : 'are'} ready today.`
		);
	const cited = s.citations.cited;
	if (cited.length === 0)
		sentences.push(
			`No evidence about ${s.model.name} on the capabilities the roadmap needs has been recorded, so treat this brief as a list of evals to run.`
		);
	else {
		const count = { high: 0, medium: 0, low: 0 };
		for (const e of cited) count[s.ctx.evidence.get(e.modelId)!.get(e.capabilityId)!.confidence]++;
		sentences.push(
			`Of the ${plural(cited.length, 'evidence record')} cited below, ${plural(count.high, 'record')} ${count.high === 1 ? 'is' : 'are'} high confidence, ${plural(count.medium, 'record')} medium and ${plural(count.low, 'record')} low (vendor claims or anecdotes).`
		);
	}
	if (s.model.status === 'announced')
		sentences.push('Until it ships, treat every figure for it as a forecast.');
	return [sentences.join(' ')];
}

/** The brief's two item lists: unlocked if the model is adopted, regressed if it replaces production. */
export function briefItems(
	ws: Workspace,
	modelId: string,
	asOf: string
): { unlocks: Item[]; regressions: Item[] } {
	const s = scene(ws, modelId, asOf);
	return { unlocks: unlockedItems(s), regressions: regressedItems(s) };
}

/** One numbered reference of a generated brief: which evidence it cites, and its value then. */
export interface CitedFigure {
	n: number;
	evidenceId: string;
	modelId: string;
	capabilityId: string;
	value: number;
}

export interface GeneratedBrief {
	markdown: string;
	figures: CitedFigure[];
}

export function generateBrief(ws: Workspace, modelId: string, asOf: string): string {
	return composeBrief(ws, modelId, asOf).markdown;
}

/** The brief and the evidence behind each of its references, so the app can link and re-check them. */
export function composeBrief(ws: Workspace, modelId: string, asOf: string): GeneratedBrief {
	const s = scene(ws, modelId, asOf);
	const unlocks = unlockedItems(s);
	const regressions = regressedItems(s);
	// Sections are written in reading order so citations are numbered by first appearance; the
	// bottom line cites nothing, so it can be written last, once the evidence count is known.
	const canDo = canDoSection(s);
	const unlocked = unlocksSection(s, unlocks);
	const risks = risksSection(s, regressions);
	const roadmap = roadmapSection(s, unlocks);
	const references = s.citations.references();
	const bottom = bottomLine(s, unlocks, regressions);
	const section = (heading: string, body: string[]) => [`## ${heading}`, '', ...body, ''];
	const figures = s.citations.cited.map((e, i) => ({
		n: i + 1,
		evidenceId: e.id,
		modelId: e.modelId,
		capabilityId: e.capabilityId,
		value: e.value
	}));
	const markdown = [
		`# Capability brief: ${s.model.name} — what it means for ${ws.name}`,
		'',
		`*As of ${asOf}. Generated by Capmap from the workspace's recorded evidence.*`,
		'',
		...section('Bottom line', bottom),
		...section(`What ${s.model.name} can do that our current models cannot`, canDo),
		...section('What it unlocks for users', unlocked),
		...section('Risks', risks),
		...section('Roadmap changes', roadmap),
		// A blank line between references keeps each one its own paragraph when rendered.
		...section(
			'Evidence',
			references.length > 0
				? references.flatMap((r) => [r, '']).slice(0, -1)
				: ['No evidence is cited.']
		)
	].join('\n');
	return { markdown, figures };
}
