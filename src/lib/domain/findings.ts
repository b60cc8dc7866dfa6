/**
 * Findings and the safety review (docs/rules.md, "Findings"): which findings still await a
 * decision, grouped by the review's classification; the decision a finding's "Decide" starts
 * from; and the requirement a capability-gap finding reveals. Findings never change readiness.
 */
import { stableHash } from './eval-runs';
import { oneLine } from './one-line';
import { type Decision, type EvalRun, type Finding, type Item, type Requirement } from './schemas';
import { CLASSIFICATIONS } from './entities';

export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_LABEL: Record<Classification | 'unclassified', string> = {
	'prompt-failure': 'Prompt failures',
	'capability-gap': 'Capability gaps',
	'policy-gap': 'Policy gaps',
	unclassified: 'Not classified yet'
};

export const FINDING_KIND_LABEL: Record<Finding['kind'], string> = {
	'flagged-output': 'flagged output',
	'user-research': 'user research',
	'eval-case': 'eval case',
	other: 'other'
};

/** Each finding's id → the decisions that cite it, newest first. */
export function decisionsByFinding(decisions: readonly Decision[]): Map<string, Decision[]> {
	const out = new Map<string, Decision[]>();
	for (const d of [...decisions].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)))
		for (const id of new Set(d.findingIds ?? [])) out.set(id, [...(out.get(id) ?? []), d]);
	return out;
}

export interface ReviewGroup {
	classification: Classification | 'unclassified';
	findings: Finding[];
}

export interface SafetyReview {
	/** Findings no decision cites yet, by classification (the review's order), newest first. */
	awaiting: ReviewGroup[];
	/** Findings with a decision, newest first, with their decisions. */
	decided: { finding: Finding; decisions: Decision[] }[];
}

const newestFirst = (a: Finding, b: Finding) =>
	a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? 1 : -1;

export function safetyReview(
	findings: readonly Finding[],
	decisions: readonly Decision[]
): SafetyReview {
	const cited = decisionsByFinding(decisions);
	const sorted = [...findings].sort(newestFirst);
	const awaiting = [...CLASSIFICATIONS, 'unclassified' as const]
		.map((classification) => ({
			classification,
			findings: sorted.filter(
				(f) => !cited.has(f.id) && (f.classification ?? 'unclassified') === classification
			)
		}))
		.filter((g) => g.findings.length > 0);
	const decided = sorted.flatMap((finding) => {
		const ds = cited.get(finding.id);
		return ds ? [{ finding, decisions: ds }] : [];
	});
	return { awaiting, decided };
}

/** Findings that name an item, a model or a capability: what their pages show. */
export function findingsAbout(
	findings: readonly Finding[],
	about: { itemId?: string; modelId?: string; capabilityId?: string }
): Finding[] {
	return findings
		.filter(
			(f) =>
				(about.itemId !== undefined && f.itemIds?.includes(about.itemId)) ||
				(about.modelId !== undefined && f.modelId === about.modelId) ||
				(about.capabilityId !== undefined && f.capabilityId === about.capabilityId)
		)
		.sort(newestFirst);
}

/** A finding's summary as one plain line: Markdown marks dropped, white space runs one space. */
export function findingLine(finding: Pick<Finding, 'summary'>, max = 120): string {
	return oneLine(
		finding.summary
			.replace(/[*_`#>[\]]/g, '')
			.replace(/\s+/g, ' ')
			.trim(),
		max
	);
}

/**
 * The decision a finding's "Decide" opens, not yet saved: kind `safety`, the finding's
 * classification, and links to the finding, its items and its model.
 */
export function decisionFromFinding(
	finding: Finding
): Pick<Decision, 'title' | 'kind' | 'classification' | 'findingIds' | 'itemIds' | 'modelIds'> {
	// A title is one plain line: Markdown marks dropped, any run of white space one space.
	const summary = oneLine(
		finding.summary
			.replace(/[*_`#>[\]]/g, '')
			.replace(/\s+/g, ' ')
			.trim(),
		119
	);
	return {
		title: `Decide: ${summary}`,
		kind: 'safety',
		...(finding.classification ? { classification: finding.classification } : {}),
		findingIds: [finding.id],
		...(finding.itemIds?.length ? { itemIds: [...finding.itemIds] } : {}),
		...(finding.modelId ? { modelIds: [finding.modelId] } : {})
	};
}

/**
 * What a capability-gap finding reveals for each item it names: the requirement on its
 * capability that the item has (to tighten) or lacks (to add).
 */
export function revealedRequirements(
	finding: Finding,
	items: readonly Item[]
): { item: Item; existing?: Requirement }[] {
	if (finding.classification !== 'capability-gap' || !finding.capabilityId) return [];
	const capabilityId = finding.capabilityId;
	return items
		.filter((i) => finding.itemIds?.includes(i.id))
		.map((item) => {
			const existing = item.requirements.find((r) => r.capabilityId === capabilityId);
			return existing ? { item, existing } : { item };
		});
}

/**
 * A failing eval case kept as a finding: its id follows from the run and the case, so keeping it
 * twice is seen (and refused as a taken id) rather than recorded twice.
 */
export function caseFinding(
	run: EvalRun,
	c: { key: string; description?: string; after?: { reason?: string } }
): Finding {
	const name = c.description ?? c.key;
	return {
		id: `finding-case-${stableHash(`${run.id}\u0000${c.key}`)}`,
		date: run.ranAt.slice(0, 10),
		kind: 'eval-case',
		summary: `Eval case failed: ${name}`,
		input: name,
		...(c.after?.reason ? { output: `Grader: ${c.after.reason}` } : {}),
		modelId: run.modelId,
		source: {
			title: oneLine(
				`${run.tool} · ${run.suite || 'default suite'}${run.file ? ` · ${run.file}` : ''} · run of ${run.ranAt}`,
				900
			)
		}
	};
}
