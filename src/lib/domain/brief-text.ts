/**
 * How the leadership brief writes names, cited values and list tails. Every number about a model
 * goes through `citedValue` or `cite`, so it carries its `[n]`; every name goes through one of
 * the name helpers below, which escape it (brief-escape.ts), so it reads as text.
 */
import { escapeMarkdown } from './brief-escape';
import type { Scene } from './brief-scene';
import type { Deciding } from './evidence';
import { KIND_LABEL, comparator, formatValue, joinAnd } from './format';
import type { PartReadiness } from './readiness';
import type { Decision, Item, Requirement } from './schemas';

export { escapeMarkdown };
export const capName = (s: Scene, id: string) => escapeMarkdown(s.capabilities.get(id)?.name ?? id);
export const unitOf = (s: Scene, id: string) => escapeMarkdown(s.capabilities.get(id)?.unit ?? '');
export const modelName = (s: Scene, id: string) => escapeMarkdown(s.models.get(id)?.name ?? id);
/** The focus model X's name, as the brief writes it. */
export const focusName = (s: Scene) => escapeMarkdown(s.model.name);
/** A list of model names, as the brief writes it: `GPT-4o and Claude Haiku 4.5`. */
export const modelNames = (models: readonly { name: string }[]) =>
	joinAnd(models.map((m) => escapeMarkdown(m.name)));
/** An item's title in bold: `**Refund agent**`. */
export const itemTitle = (item: Pick<Item, 'title'>) => `**${escapeMarkdown(item.title)}**`;

/** `1,376 open items`: thousands separated, so the lint reads it as a count, not a claim. */
export function count(n: number, singular: string, pluralForm = `${singular}s`): string {
	return `${n.toLocaleString('en-US')} ${n === 1 ? singular : pluralForm}`;
}

export function value(s: Scene, capabilityId: string, v: number): string {
	return formatValue(v, unitOf(s, capabilityId));
}

/** What weakens a figure, in words: `vendor claim`, `stale, observed …`, `n = 4, below …`. */
export function weaknesses(s: Scene, deciding: Deciding): string[] {
	const out: string[] = [];
	if (deciding.confidence === 'low') out.push(KIND_LABEL[deciding.evidence.kind]);
	if (deciding.stale) out.push(`stale, observed ${deciding.evidence.observedAt}`);
	if (deciding.small)
		out.push(
			`n = ${deciding.evidence.sampleSize}, below the workspace's minimum of ${s.ctx.minSampleSize}`
		);
	return out;
}

export function isWeak(deciding: Deciding): boolean {
	return deciding.confidence === 'low' || deciding.stale || deciding.small;
}

/** `93 % [2]`, with the evidence's weakness said next to the number it weakens. */
export function citedValue(s: Scene, deciding: Deciding): string {
	const e = deciding.evidence;
	const out = `${value(s, e.capabilityId, e.value)} ${s.citations.cite(e)}`;
	const caveats = weaknesses(s, deciding);
	return caveats.length > 0 ? `${out} (${caveats.join('; ')})` : out;
}

type Threshold = Pick<Requirement, 'capabilityId' | 'threshold'>;

/** `≥ 95 %`. */
export function thresholdText(s: Scene, r: Threshold): string {
	const direction = s.capabilities.get(r.capabilityId)?.direction ?? 'higher';
	return `${comparator(direction)} ${value(s, r.capabilityId, r.threshold)}`;
}

/** `Tool-call accuracy ≥ 95 %`. */
export function requirementText(s: Scene, r: Threshold): string {
	return `${capName(s, r.capabilityId)} ${thresholdText(s, r)}`;
}

/**
 * `ready today on GPT-4o`, or `ready on Embed 3 from 2027-Q3` when the part waits for a
 * production model's ship date (rule 7).
 */
export function readyOn(s: Scene, part: PartReadiness): string {
	const via = modelName(s, part.via!);
	return part.earliestQuarter === s.ctx.asOfQuarter
		? `ready today on ${via}`
		: `ready on ${via} from ${part.earliestQuarter}`;
}

/** `**Refund agent** (P1, planned)`, with the roadmap quarter where the list is not by it. */
export function itemLabel(item: Item, withQuarter = false): string {
	const facts: (string | undefined)[] = [item.priority, item.status];
	if (withQuarter) facts.push(item.quarter ? `on the roadmap for ${item.quarter}` : 'unscheduled');
	return `${itemTitle(item)} (${facts.filter(Boolean).join(', ')})`;
}

/** The bullet that ends a cut list: `- …and 12 more items; the board lists them all.` */
export function andMore(more: number, what: string, detail = ''): string[] {
	return more > 0
		? [`- …and ${more.toLocaleString('en-US')} more ${what}${detail}; the board lists them all.`]
		: [];
}

/** An inline list cut at its limit: `A, B and 3 more capabilities`. */
export function joinMore(shown: readonly string[], more: number, what: string): string {
	return joinAnd(more > 0 ? [...shown, `${more.toLocaleString('en-US')} more ${what}`] : shown);
}

/** English list with "or": `a`, `a or b`, `a, b or c`. */
export function joinOr(parts: readonly string[]): string {
	return parts.length <= 1
		? (parts[0] ?? '')
		: `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
}

/** A decision's title as the brief quotes it: escaped, without its closing full stop. */
export function decisionTitle(decision: Pick<Decision, 'title'>): string {
	return escapeMarkdown(decision.title.trim().replace(/[.!?]$/, ''));
}

/** `Decided 2026-10-02: Keep GPT-4o for refunds until tool-call evals pass`. */
export function decisionText(decision: Decision): string {
	const verb = decision.status === 'proposed' ? 'Proposed' : 'Decided';
	return `${verb} ${decision.date}: ${decisionTitle(decision)}`;
}

/** An item's user impact as the brief quotes it, a sentence of its own. */
export function userImpactText(item: Pick<Item, 'userImpact'>): string {
	const impact = escapeMarkdown(item.userImpact ?? '');
	return impact ? sentenceOf(impact) : '';
}

export function sentenceOf(text: string): string {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export function article(noun: string): string {
	return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}
