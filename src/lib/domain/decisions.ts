/**
 * The decision log's one rule of standing (docs/rules.md, "Decisions"): a decision is superseded
 * when its status says so, or when a decided (not merely proposed) decision names it in
 * `supersedes`. The Decisions page, the item pages and the brief's "decisions on record" read it
 * from here.
 */
import type { Decision, DecisionStatus } from './schemas';

/** Each superseded decision's id → the decided decision that replaces it. */
export function supersededBy(decisions: readonly Decision[]): Map<string, Decision> {
	const out = new Map<string, Decision>();
	for (const d of decisions)
		if (d.supersedes && (d.status ?? 'decided') === 'decided' && !out.has(d.supersedes))
			out.set(d.supersedes, d);
	return out;
}

/** The status a decision stands at: its own, unless a decided decision replaced it. */
export function standing(
	decision: Decision,
	replacedBy: ReadonlyMap<string, Decision>
): DecisionStatus {
	return replacedBy.has(decision.id) ? 'superseded' : (decision.status ?? 'decided');
}

export interface DecisionFilter {
	kind: string;
	status: string;
}

/** The log as the page lists it: newest first (ties by id), filtered by kind and standing. */
export function decisionLog(
	decisions: readonly Decision[],
	filter: DecisionFilter
): { decision: Decision; status: DecisionStatus; replacedBy?: Decision }[] {
	const replaced = supersededBy(decisions);
	return decisions
		.map((decision) => {
			const by = replaced.get(decision.id);
			return { decision, status: standing(decision, replaced), ...(by ? { replacedBy: by } : {}) };
		})
		.filter(
			(d) =>
				(!filter.kind || d.decision.kind === filter.kind) &&
				(!filter.status || d.status === filter.status)
		)
		.sort((a, b) =>
			a.decision.date === b.decision.date
				? a.decision.id < b.decision.id
					? 1
					: -1
				: a.decision.date < b.decision.date
					? 1
					: -1
		);
}
