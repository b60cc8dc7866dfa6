/**
 * The brief's sections on the upside: what the focus model does better than the production models
 * that could do the same job, and which open items it makes ready if adopted, by the quarter they
 * could ship under adopt (rule 7: not before the model's expected date).
 */
import { capabilityImportance, mostImportant } from './brief-rank';
import { deciding, type Scene } from './brief-scene';
import {
	andMore,
	capName,
	capitalise,
	citedValue,
	count,
	focusName,
	itemLabel,
	modelName,
	readyOn,
	requirementText,
	userImpactText
} from './brief-text';
import type { Deciding } from './evidence';
import { READINESS_LABEL } from './format';
import { bestAmong, candidatesFor, isBetter, type BestValue } from './readiness';
import { isCandidate, roleOf } from './entities';
import type { Capability, Item } from './schemas';

interface Advantage {
	capability: Capability;
	mine: Deciding;
	best: BestValue | null;
}

/**
 * Where X beats the best production model on a capability the open roadmap needs. Only where X is
 * a candidate (an LLM is not compared on embedding recall), and only against production models
 * that are candidates for it too.
 */
export function canDoSection(s: Scene): string[] {
	const advantages: Advantage[] = [];
	for (const capability of s.ws.capabilities) {
		if (!s.demand.any.has(capability.id) || !isCandidate(s.model, capability)) continue;
		const mine = deciding(s, s.model.id, capability.id);
		if (!mine) continue;
		const production = candidatesFor(s.ctx, roleOf(capability)).production.filter(
			(i) => s.ctx.models[i]!.id !== s.model.id
		);
		const best = bestAmong(s.ctx, capability.id, production);
		if (!best || isBetter(capability.direction, mine.evidence.value, best.value))
			advantages.push({ capability, mine, best });
	}
	if (advantages.length === 0)
		return [
			`On the recorded evidence, nothing: ${focusName(s)} does not beat our production models on any capability the roadmap needs.`
		];
	const { shown, more } = mostImportant(advantages, (a) =>
		capabilityImportance(s.demand.any, a.capability.id)
	);
	const lines = shown.map(({ capability, mine, best }) => {
		const items = s.demand.any.get(capability.id)!.items.length;
		const need = capitalise(
			`${count(items, 'open item')} ${items === 1 ? 'requires' : 'require'} it.`
		);
		// Cited in reading order, so references are numbered by first appearance.
		const ours = citedValue(s, mine);
		const against = best
			? `against ${modelName(s, best.modelId)} ${citedValue(s, best.deciding)}, the best in production`
			: 'no production model has evidence on it';
		return `- **${capName(s, capability.id)}**: ${focusName(s)} ${ours}; ${against}. ${need}`;
	});
	return [...lines, ...andMore(more, more === 1 ? 'capability' : 'capabilities')];
}

/** The announced-without-a-date caveat: under adopt such a model counts as usable today. */
function undatedNote(s: Scene): string[] {
	if (s.model.status !== 'announced' || s.model.expectedAt) return [];
	return [
		`${focusName(s)} has no expected date: the quarters below assume it could be used today, which it cannot.`,
		''
	];
}

/** `Needs Tool-call accuracy ≥ 95 %: GPT-5 98 % [1].`, for the parts X makes ready. */
function needs(s: Scene, item: Item): string {
	const today = s.today.get(item);
	const adopt = s.adopt.get(item);
	const several = adopt.parts.length > 1;
	const sentences: string[] = [];
	for (const part of adopt.parts) {
		const before = today.parts.find((p) => p.role === part.role);
		if (before?.readiness === 'ready') {
			if (several) sentences.push(`Its ${part.role} part is ${readyOn(s, before)}.`);
			continue;
		}
		const figures = part.requirements.map((r) => {
			const d = deciding(s, part.via!, r.capabilityId)!;
			return `${requirementText(s, r)}: ${modelName(s, part.via!)} ${citedValue(s, d)}`;
		});
		const which = several ? `Its ${part.role} part needs` : 'Needs';
		sentences.push(`${which} ${figures.join('; ')}.`);
	}
	return sentences.join(' ');
}

export function unlocksSection(s: Scene): string[] {
	if (s.unlocks.length === 0)
		return [
			`Nothing yet: no open item that is not ready today becomes ready if ${focusName(s)} is adopted.`
		];
	const quarterOf = (item: Item) => s.adopt.get(item).earliestQuarter ?? 'Unscheduled';
	const { shown, more } = mostImportant(s.unlocks, (item) => s.importance.of(item));
	const groups = new Map<string, Item[]>();
	for (const item of shown)
		groups.set(quarterOf(item), [...(groups.get(quarterOf(item)) ?? []), item]);
	const lines = undatedNote(s);
	for (const [quarter, items] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		lines.push(`### ${quarter}`, '');
		for (const item of items) {
			const today = READINESS_LABEL[s.today.get(item).readiness];
			const confidence = s.adopt.get(item).confidence;
			const impact = userImpactText(item);
			lines.push(
				`- ${itemLabel(item, true)}, ${today} today; ${confidence} confidence with ${focusName(s)}.${impact ? ` ${impact}` : ''} ${needs(s, item)}`
			);
		}
		lines.push('');
	}
	if (more === 0) return lines.slice(0, -1);
	const rest = new Map<string, number>();
	for (const item of s.unlocks)
		if (!shown.includes(item)) rest.set(quarterOf(item), (rest.get(quarterOf(item)) ?? 0) + 1);
	const quarters = [...rest].sort(([a], [b]) => (a < b ? -1 : 1));
	const detail =
		quarters.length === 1
			? ` in ${quarters[0]![0]}`
			: ` (${quarters.map(([quarter, n]) => `${count(n, 'item')} in ${quarter}`).join(', ')})`;
	return [...lines, ...andMore(more, more === 1 ? 'item' : 'items', detail)];
}
