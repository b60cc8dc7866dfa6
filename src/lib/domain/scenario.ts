/**
 * Scenarios: hypothetical model statuses (and expected dates), computed by the same readiness
 * engine. The saved workspace is never touched; the result is the items whose readiness changes.
 */
import { computeReadiness, readinessRank, type ItemReadiness, type Readiness } from './readiness';
import type { Model, ModelStatus } from './schemas';
import type { Workspace } from './workspace';

export interface ModelOverride {
	modelId: string;
	status: ModelStatus;
	/** Replaces the model's expectedAt when given. */
	expectedAt?: string;
}

export interface ReadinessChange {
	itemId: string;
	title: string;
	from: Readiness;
	to: Readiness;
	before: ItemReadiness;
	after: ItemReadiness;
}

export function applyOverrides(
	models: readonly Model[],
	overrides: readonly ModelOverride[]
): Model[] {
	const byId = new Map(overrides.map((o) => [o.modelId, o]));
	return models.map((model) => {
		const override = byId.get(model.id);
		if (!override) return model;
		const next: Model = { ...model, status: override.status };
		if (override.expectedAt !== undefined) next.expectedAt = override.expectedAt;
		return next;
	});
}

export function withOverrides(
	workspace: Workspace,
	overrides: readonly ModelOverride[]
): Workspace {
	return { ...workspace, models: applyOverrides(workspace.models, overrides) };
}

export { readinessRank };

export function isRegression(change: Pick<ReadinessChange, 'from' | 'to'>): boolean {
	return readinessRank(change.to) > readinessRank(change.from);
}

export function diffReadiness(
	workspace: Workspace,
	before: readonly ItemReadiness[],
	after: readonly ItemReadiness[]
): ReadinessChange[] {
	const changes: ReadinessChange[] = [];
	workspace.items.forEach((item, i) => {
		const b = before[i]!;
		const a = after[i]!;
		if (b.readiness !== a.readiness)
			changes.push({
				itemId: item.id,
				title: item.title,
				from: b.readiness,
				to: a.readiness,
				before: b,
				after: a
			});
	});
	return changes;
}

/**
 * The items whose readiness changes under the overrides: regressions first, then the rest, each
 * in workspace order. The one way a scenario is told — `capmap scenario` and the Scenario page
 * list the same items in the same order. A caller that has already computed readiness today
 * (`before`) or under the overrides (`after`), item by item in workspace order, may pass it in.
 */
export function scenarioChanges(
	workspace: Workspace,
	overrides: readonly ModelOverride[],
	asOf: string,
	computed: { before?: readonly ItemReadiness[]; after?: readonly ItemReadiness[] } = {}
): ReadinessChange[] {
	const before = computed.before ?? computeReadiness(workspace, asOf);
	const after = computed.after ?? computeReadiness(withOverrides(workspace, overrides), asOf);
	return regressionsFirst(diffReadiness(workspace, before, after));
}

/** Regressions first, then the rest, each group in workspace order. */
export function regressionsFirst(changes: readonly ReadinessChange[]): ReadinessChange[] {
	return [...changes.filter(isRegression), ...changes.filter((c) => !isRegression(c))];
}
