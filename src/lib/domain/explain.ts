/**
 * Why an item has its readiness, in words: the one line on a board card, and the full table on
 * the item page (every non-retired model × every must-requirement, with the deciding evidence).
 */
import { quarterOf } from './dates';
import type { Deciding } from './evidence';
import { KIND_LABEL, comparator, formatValue } from './format';
import {
	mustRequirements,
	outcomeOf,
	type ItemReadiness,
	type Outcome,
	type ReadinessContext
} from './readiness';
import type { Item, Model, Requirement } from './schemas';

export interface ExplanationCell {
	requirement: Requirement;
	outcome: Outcome;
	deciding?: Deciding;
}
export interface ExplanationRow {
	model: Model;
	cells: ExplanationCell[];
}

const STATUS_ORDER: Record<Model['status'], number> = {
	production: 0,
	available: 1,
	announced: 2,
	retired: 3
};

/** Every non-retired model, production first, with each must-requirement's outcome. */
export function explainItem(ctx: ReadinessContext, item: Item): ExplanationRow[] {
	const musts = mustRequirements(item);
	return ctx.models
		.filter((m) => m.status !== 'retired')
		.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
		.map((model) => ({
			model,
			cells: musts.map((requirement) => ({ requirement, ...outcomeOf(ctx, model.id, requirement) }))
		}));
}

function names(ctx: ReadinessContext) {
	const model = (id: string) => ctx.models.find((m) => m.id === id)?.name ?? id;
	const capability = (id: string) => ctx.capabilities.get(id)?.name ?? id;
	const value = (capabilityId: string, v: number) =>
		formatValue(v, ctx.capabilities.get(capabilityId)?.unit ?? '');
	return { model, capability, value };
}

/** `Tool-call accuracy 96 % ≥ 95 %` for a model's deciding value on a requirement. */
function comparison(ctx: ReadinessContext, modelId: string, r: Requirement): string {
	const n = names(ctx);
	const d = outcomeOf(ctx, modelId, r).deciding;
	const direction = ctx.capabilities.get(r.capabilityId)?.direction ?? 'higher';
	if (!d) return `${n.capability(r.capabilityId)} unknown`;
	return `${n.capability(r.capabilityId)} ${n.value(r.capabilityId, d.evidence.value)} ${comparator(direction)} ${n.value(r.capabilityId, r.threshold)}`;
}

/** One line that says why, for a board card. */
export function whyLine(ctx: ReadinessContext, item: Item, result: ItemReadiness): string {
	const n = names(ctx);
	const musts = mustRequirements(item);
	switch (result.readiness) {
		case 'ready':
			if (!result.via) return 'ready: no capability dependency yet';
			return `ready on ${n.model(result.via)}: ${musts.map((r) => comparison(ctx, result.via!, r)).join(', ')}`;
		case 'upgrade': {
			const target = result.targets![0]!;
			const shown =
				result.gaps.length > 0
					? result.gaps.map((g) => musts.find((r) => r.capabilityId === g.capabilityId)!)
					: musts;
			const others = result.targets!.length > 1 ? ` (or ${result.targets!.length - 1} other)` : '';
			return `needs ${n.model(target)}${others}: ${shown.map((r) => comparison(ctx, target, r)).join(', ')}`;
		}
		case 'unverified': {
			const first = result.missing![0]!;
			const more = result.missing!.length > 1 ? ` and ${result.missing!.length - 1} more` : '';
			return `unverified: no evidence for ${n.model(first.modelId)} on ${n.capability(first.capabilityId)}${more}`;
		}
		case 'waiting': {
			const gap = result.gaps[0];
			const shortfall = gap
				? gap.best === null
					? `${n.capability(gap.capabilityId)} unknown on usable models`
					: `${n.capability(gap.capabilityId)} best ${n.value(gap.capabilityId, gap.best)} ${comparator(ctx.capabilities.get(gap.capabilityId)?.direction ?? 'higher') === '≥' ? '<' : '>'} ${n.value(gap.capabilityId, gap.threshold)}`
				: 'no single usable model meets every requirement';
			const expected = result.expected?.[0];
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
