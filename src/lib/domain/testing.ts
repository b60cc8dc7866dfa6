/** Small builders for tests: a valid entity with sensible defaults, overridden where it matters. */
import type { Capability, Evidence, Item, Model, Requirement } from './schemas';
import { emptyWorkspace, type Workspace } from './workspace';

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
