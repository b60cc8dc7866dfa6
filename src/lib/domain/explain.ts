/**
 * Why an item has its readiness, in words: the one line on a board card, and the full table on
 * the item page (per part, every non-retired candidate × the part's must-requirements, with the
 * deciding evidence, its margin and whether it is borderline or a small sample).
 */
import { quarterOf } from './dates';
import type { Deciding } from './evidence';
import { KIND_LABEL, comparator, formatValue } from './format';
import {
	borderlineOf,
	candidatesFor,
	confidenceFor,
	outcomeOf,
	partsOf,
	type ItemReadiness,
	type Outcome,
	type PartReadiness,
	type ReadinessContext
} from './readiness';
import type { EvidenceKind, Item, Model, Requirement } from './schemas';

export interface ExplanationCell {
	requirement: Requirement;
	outcome: Outcome;
	deciding?: Deciding;
	/** The margin when the verdict is borderline (rule 3); null otherwise. */
	borderlineMargin: number | null;
	/** Borderline and small-sample warnings, in words. */
	notes: string[];
}
export interface ExplanationRow {
	model: Model;
	cells: ExplanationCell[];
}
export interface ExplanationPart {
	role: string;
	requirements: Requirement[];
	rows: ExplanationRow[];
}

const STATUS_ORDER: Record<Model['status'], number> = {
	production: 0,
	available: 1,
	announced: 2,
	retired: 3
};

/** Per part: every non-retired candidate of its role, production first, with each outcome. */
export function explainItem(ctx: ReadinessContext, item: Item): ExplanationPart[] {
	return partsOf(ctx, item).map(({ role, requirements }) => ({
		role,
		requirements,
		rows: candidatesFor(ctx, role)
			.active.map((i) => ctx.models[i]!)
			.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
			.map((model) => ({
				model,
				cells: requirements.map((requirement) => {
					const { outcome, deciding } = outcomeOf(ctx, model.id, requirement);
					const borderlineMargin = deciding
						? borderlineOf(ctx, deciding, requirement.threshold)
						: null;
					const notes = deciding ? caveats(ctx, deciding, borderlineMargin) : [];
					return { requirement, outcome, deciding, borderlineMargin, notes };
				})
			}))
	}));
}

function names(ctx: ReadinessContext) {
	const model = (id: string) => ctx.models.find((m) => m.id === id)?.name ?? id;
	const capability = (id: string) => ctx.capabilities.get(id)?.name ?? id;
	const value = (capabilityId: string, v: number) =>
		formatValue(v, ctx.capabilities.get(capabilityId)?.unit ?? '');
	return { model, capability, value };
}

/** `± 2.9` in the value's unit, rounded for reading. */
export function formatMargin(margin: number, unit: string): string {
	const rounded = margin >= 10 ? Math.round(margin) : Math.round(margin * 10) / 10;
	return `± ${formatValue(rounded, unit)}`;
}

/** What to say beside a deciding value: `borderline (± 2.9)`, `n = 4, below the minimum of 100`. */
export function caveats(
	ctx: ReadinessContext,
	deciding: Deciding,
	borderlineMargin: number | null
): string[] {
	const out: string[] = [];
	const unit = ctx.capabilities.get(deciding.evidence.capabilityId)?.unit ?? '';
	if (borderlineMargin !== null) out.push(`${formatMargin(borderlineMargin, unit)}: borderline`);
	if (deciding.small)
		out.push(
			`n = ${deciding.evidence.sampleSize}, below the workspace's minimum of ${ctx.minSampleSize}`
		);
	return out;
}

/** `Tool-call accuracy 96 % ≥ 95 %` for a model's deciding value on a requirement. */
function comparison(ctx: ReadinessContext, modelId: string, r: Requirement): string {
	const n = names(ctx);
	const d = outcomeOf(ctx, modelId, r).deciding;
	const direction = ctx.capabilities.get(r.capabilityId)?.direction ?? 'higher';
	if (!d) return `${n.capability(r.capabilityId)} unknown`;
	const notes = caveats(ctx, d, borderlineOf(ctx, d, r.threshold));
	const suffix = notes.length > 0 ? ` (${notes.join('; ')})` : '';
	return `${n.capability(r.capabilityId)} ${n.value(r.capabilityId, d.evidence.value)} ${comparator(direction)} ${n.value(r.capabilityId, r.threshold)}${suffix}`;
}

/** Why one part has its readiness, in a few words; `short` leaves out a ready part's numbers. */
function partLine(
	ctx: ReadinessContext,
	part: PartReadiness,
	result: ItemReadiness,
	short = false
): string {
	const n = names(ctx);
	const musts = part.requirements;
	switch (part.readiness) {
		case 'ready':
			if (short) return `ready on ${n.model(part.via!)}`;
			return `ready on ${n.model(part.via!)}: ${musts.map((r) => comparison(ctx, part.via!, r)).join(', ')}`;
		case 'upgrade': {
			// The target whose evidence gives the part its confidence, not merely the first by id.
			const target = decidingModelOf(ctx, part)!;
			const gapIds = new Set(result.gaps.map((g) => g.capabilityId));
			const missed = musts.filter((r) => gapIds.has(r.capabilityId));
			const shown = missed.length > 0 ? missed : musts;
			const others =
				part.targets!.length > 1
					? ` (or ${part.targets!.length - 1} other${part.targets!.length > 2 ? 's' : ''})`
					: '';
			return `needs ${n.model(target)}${others}: ${shown.map((r) => comparison(ctx, target, r)).join(', ')}`;
		}
		case 'unverified': {
			const first = part.missing![0]!;
			const more = part.missing!.length > 1 ? ` and ${part.missing!.length - 1} more` : '';
			return `unverified: no evidence for ${n.model(first.modelId)} on ${n.capability(first.capabilityId)}${more}`;
		}
		case 'waiting': {
			const mustIds = new Set(musts.map((r) => r.capabilityId));
			const gap = result.gaps.find((g) => mustIds.has(g.capabilityId));
			const shortfall = gap
				? gap.best === null
					? `${n.capability(gap.capabilityId)} unknown on usable models`
					: `${n.capability(gap.capabilityId)} best ${n.value(gap.capabilityId, gap.best)} ${comparator(ctx.capabilities.get(gap.capabilityId)?.direction ?? 'higher') === '≥' ? '<' : '>'} ${n.value(gap.capabilityId, gap.threshold)}`
				: candidatesFor(ctx, part.role).usable.length === 0
					? `no usable ${part.role} model`
					: 'no single usable model meets every requirement';
			const expected = part.expected?.[0];
			if (!expected) return `waiting: ${shortfall}; no announced model meets it`;
			const kinds = musts
				.map((r) => outcomeOf(ctx, expected.modelId, r).deciding?.evidence.kind)
				.filter((k) => k !== undefined);
			const weakest = kinds.includes('anecdote')
				? 'anecdote'
				: kinds.includes('vendor-claim')
					? 'vendor-claim'
					: kinds[0];
			const when = expected.expectedAt
				? ` expected ${quarterOf(expected.expectedAt)}`
				: ', no date';
			return `waiting: ${shortfall}, ${n.model(expected.modelId)}${when}${weakest ? ` (${KIND_LABEL[weakest]})` : ''}`;
		}
	}
}

/**
 * One line that says why, for a board card. A one-part item reads as if parts did not exist; a
 * pipeline names each part by its role, so the reader sees which part holds the item back.
 */
export function whyLine(ctx: ReadinessContext, item: Item, result: ItemReadiness): string {
	if (result.parts.length === 0)
		return item.requirements.length > 0
			? 'ready: only nice-to-haves, no must-requirement'
			: item.noModelDependency
				? 'ready: no model dependency'
				: 'not mapped yet: add the capabilities it needs, or mark it as having no model dependency';
	if (result.parts.length === 1) return partLine(ctx, result.parts[0]!, result);
	const allReady = result.readiness === 'ready';
	return result.parts
		.map((part) => `${part.role}: ${partLine(ctx, part, result, !allReady)}`)
		.join(' · ');
}

/** The model whose evidence settles a ready or upgrade part: its via, or its most trusted target. */
export function decidingModelOf(ctx: ReadinessContext, part: PartReadiness): string | null {
	if (part.readiness === 'ready') return part.via!;
	if (part.readiness !== 'upgrade') return null;
	const targets = part.targets ?? [];
	return (
		targets.find((t) => confidenceFor(ctx, t, part.requirements) === part.confidence) ??
		targets[0] ??
		null
	);
}

/**
 * The low-trust kinds (vendor claims, anecdotes) a ready or upgrade verdict rests on, so a
 * scenario can say "rests on vendor claims" beside a change that looks like good news.
 */
export function weakGround(ctx: ReadinessContext, result: ItemReadiness): EvidenceKind[] {
	const kinds = new Set<EvidenceKind>();
	for (const part of result.parts) {
		const modelId = decidingModelOf(ctx, part);
		if (!modelId) continue;
		for (const r of part.requirements) {
			const d = outcomeOf(ctx, modelId, r).deciding;
			if (d?.confidence === 'low') kinds.add(d.evidence.kind);
		}
	}
	return [...kinds].sort();
}
