/** Small builders for tests: a valid entity with sensible defaults, overridden where it matters. */
import type { Capability, Evidence, Item, Model, Requirement } from '$lib/domain/schemas';
import { emptyWorkspace, type Workspace } from '$lib/domain/workspace';

export function capability(id: string, over: Partial<Capability> = {}): Capability {
	return { id, name: id, unit: '%', direction: 'higher', ...over };
}

export function model(id: string, status: Model['status'], over: Partial<Model> = {}): Model {
	return { id, name: id, status, ...over };
}

let nextEvidence = 0;
export function evidence(
	modelId: string,
	capabilityId: string,
	value: number,
	over: Partial<Evidence> = {}
): Evidence {
	return {
		id: over.id ?? `e${String(++nextEvidence).padStart(4, '0')}`,
		modelId,
		capabilityId,
		value,
		kind: 'internal-eval',
		source: { title: `eval of ${modelId} on ${capabilityId}` },
		observedAt: '2026-11-01',
		...over
	};
}

export function need(capabilityId: string, threshold: number, must = true): Requirement {
	return { capabilityId, threshold, must };
}

export function item(id: string, requirements: Requirement[], over: Partial<Item> = {}): Item {
	return { id, title: id, status: 'planned', requirements, ...over };
}

export function workspace(over: Partial<Workspace> = {}): Workspace {
	return { ...emptyWorkspace('Test'), ...over };
}

/**
 * A small version 2 workspace that uses every version 2 field — roles, stderr, minSampleSize,
 * findings, eval runs — and every link between entities, all resolving. Validation tests break
 * one thing at a time in a JSON copy of it.
 */
export function linkedWorkspace(): Workspace {
	return workspace({
		settings: { staleAfterDays: 90, minSampleSize: 30 },
		capabilities: [capability('recall', { role: 'embedding' }), capability('acc')],
		models: [
			model('both', 'production', { roles: ['llm', 'embedding'] }),
			model('next', 'announced', { expectedAt: '2027-03-01' })
		],
		evidence: [
			evidence('both', 'recall', 91, { id: 'ev1', stderr: 1.5, sampleSize: 400 }),
			evidence('next', 'acc', 95, { id: 'ev2', kind: 'vendor-claim' })
		],
		items: [item('search', [need('recall', 90), need('acc', 90)])],
		findings: [
			{
				id: 'f1',
				date: '2026-11-14',
				kind: 'flagged-output',
				summary: 'Quoted a retired refund window as current policy.',
				modelId: 'both',
				capabilityId: 'acc',
				itemIds: ['search']
			}
		],
		evalRuns: [
			{
				id: 'r1',
				tool: 'promptfoo',
				suite: 'triage',
				modelId: 'both',
				ranAt: '2026-11-20T02:00:00Z',
				cases: [{ key: 'refund-window', pass: false }]
			}
		],
		decisions: [
			{ id: 'd1', date: '2026-10-01', title: 'Pilot search', rationale: '', kind: 'roadmap' },
			{
				id: 'd2',
				date: '2026-11-15',
				title: 'Gate search on the refund fix',
				rationale: 'Replaces d1 after **f1**.',
				kind: 'safety',
				supersedes: 'd1',
				itemIds: ['search'],
				modelIds: ['both'],
				findingIds: ['f1']
			}
		]
	});
}
