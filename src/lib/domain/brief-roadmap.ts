/**
 * The brief's Roadmap changes: items to pull in (only on high or medium confidence under adopt;
 * on low confidence, the eval that would confirm them instead), over-promised items, and the evals
 * to run first on the focus model.
 */
import { capabilityImportance, mostImportant } from './brief-rank';
import { deciding, isFocusCandidate, type Scene } from './brief-scene';
import { andMore, article, capName, count, focusName, itemLabel, modelName } from './brief-text';
import type { Deciding } from './evidence';
import { KIND_LABEL, READINESS_LABEL, joinAnd } from './format';
import type { Item } from './schemas';

/** `today's figure is a vendor claim [3]`: why a figure does not settle the question. */
function todaysFigure(s: Scene, d: Deciding): string {
	const cite = s.citations.cite(d.evidence);
	if (d.confidence === 'low')
		return `today's figure is ${article(KIND_LABEL[d.evidence.kind])} ${cite}`;
	const why: string[] = [];
	if (d.stale) why.push(`is stale, observed ${d.evidence.observedAt}`);
	if (d.small)
		why.push(
			`rests on n = ${d.evidence.sampleSize}, below the workspace's minimum of ${s.ctx.minSampleSize}`
		);
	return `today's figure ${cite} ${why.join(' and ')}`;
}

/** The evals that would confirm a low-confidence unlock: one per low-confidence deciding figure. */
function confirmingEvals(s: Scene, item: Item): string[] {
	const evals: string[] = [];
	for (const part of s.adopt.get(item).parts)
		for (const r of part.requirements) {
			const d = deciding(s, part.via!, r.capabilityId)!;
			if (d.confidence !== 'low') continue;
			evals.push(
				`an internal eval of ${modelName(s, part.via!)} on ${capName(s, r.capabilityId)} (${todaysFigure(s, d)})`
			);
		}
	return evals;
}

function pullInLines(s: Scene): string[] {
	const candidates = s.unlocks.filter((item) => {
		const from = s.adopt.get(item).earliestQuarter;
		return from !== null && (!item.quarter || item.quarter > from);
	});
	const { shown, more } = mostImportant(candidates, (item) => s.importance.of(item));
	const lines = shown.map((item) => {
		const { earliestQuarter: from, confidence, borderline } = s.adopt.get(item);
		const move = item.quarter ? `from ${item.quarter} to ${from}` : `for ${from}`;
		const caveat = borderline.length > 0 ? ', though on a borderline figure (see Risks)' : '';
		if (confidence === 'high' || confidence === 'medium')
			return `- ${item.quarter ? 'Pull in' : 'Schedule'} ${itemLabel(item)} ${move}: ready with ${focusName(s)} from then, ${confidence} confidence${caveat}.`;
		return `- Confirm before moving ${itemLabel(item)} ${move}: it would be ready with ${focusName(s)} only on low-confidence evidence, so run ${joinAnd(confirmingEvals(s, item))} first.`;
	});
	return [...lines, ...andMore(more, more === 1 ? 'item to pull in' : 'items to pull in')];
}

function overPromisedLines(s: Scene): string[] {
	const overPromised = s.openItems.filter((item) => s.today.get(item).overPromised);
	const { shown, more } = mostImportant(overPromised, (item) => s.importance.of(item));
	const lines = shown.map((item) => {
		const today = s.today.get(item);
		const adopt = s.adopt.get(item);
		const feasible = today.earliestQuarter
			? `cannot be ready before ${today.earliestQuarter}`
			: 'has no feasible quarter on the current evidence';
		let withModel: string;
		if (!adopt.overPromised)
			withModel = `adopting ${focusName(s)} would make it ${READINESS_LABEL[adopt.readiness]} by ${adopt.earliestQuarter}, in time${adopt.confidence ? ` (${adopt.confidence} confidence)` : ''}`;
		else if (
			adopt.earliestQuarter !== null &&
			(today.earliestQuarter === null || adopt.earliestQuarter < today.earliestQuarter)
		)
			withModel = `adopting ${focusName(s)} would bring that to ${adopt.earliestQuarter}, still later than promised`;
		else withModel = `adopting ${focusName(s)} does not change that`;
		return `- Over-promised: ${itemLabel(item)} is promised for ${item.quarter} but ${feasible}; ${withModel}.`;
	});
	return [...lines, ...andMore(more, `${more === 1 ? 'item' : 'items'} over-promised`)];
}

function evalLines(s: Scene): string[] {
	const wanted = s.ws.capabilities.filter((c) => {
		if (!s.demand.must.has(c.id) || !isFocusCandidate(s, c.id)) return false;
		const d = deciding(s, s.model.id, c.id);
		return !d || d.confidence === 'low' || d.stale || d.small;
	});
	const { shown, more } = mostImportant(wanted, (c) => capabilityImportance(s.demand.must, c.id));
	const lines = shown.map((capability) => {
		const items = s.demand.must.get(capability.id)!.items.length;
		const d = deciding(s, s.model.id, capability.id);
		const kind =
			d && d.confidence !== 'low' && d.small ? 'a larger internal eval' : 'an internal eval';
		const today = d ? todaysFigure(s, d) : 'there is no evidence yet';
		return `- Eval to run first: ${kind} of ${focusName(s)} on ${capName(s, capability.id)}; ${count(items, 'open item')} ${items === 1 ? 'depends' : 'depend'} on it and ${today}.`;
	});
	return [...lines, ...andMore(more, more === 1 ? 'eval' : 'evals')];
}

export function roadmapSection(s: Scene): string[] {
	const lines = [...pullInLines(s), ...overPromisedLines(s), ...evalLines(s)];
	return lines.length > 0 ? lines : ['No changes: the roadmap holds with or without this model.'];
}
