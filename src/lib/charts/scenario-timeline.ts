/**
 * What a scenario does to the timeline: the readiness of every item under hypothetical model
 * statuses, and the items that moved — in readiness or in earliest quarter — with what they were.
 */
import { READINESS_LABEL } from '../domain/format';
import { computeReadiness, type ItemReadiness } from '../domain/readiness';
import { withOverrides, type ModelOverride } from '../domain/scenario';
import type { Workspace } from '../domain/workspace';

export interface ScenarioTimeline {
	workspace: Workspace;
	readiness: Map<string, ItemReadiness>;
	/** Item id → what it was ("ready", "2027-Q2", "no date"). */
	changed: Map<string, string>;
}

export function scenarioTimeline(
	ws: Workspace,
	current: ReadonlyMap<string, ItemReadiness>,
	overrides: readonly ModelOverride[],
	asOf: string
): ScenarioTimeline {
	if (overrides.length === 0)
		return { workspace: ws, readiness: new Map(current), changed: new Map() };
	const workspace = withOverrides(ws, overrides);
	const readiness = new Map(computeReadiness(workspace, asOf).map((r) => [r.itemId, r]));
	const changed = new Map<string, string>();
	for (const [id, after] of readiness) {
		const before = current.get(id);
		if (!before) continue;
		if (before.readiness !== after.readiness) changed.set(id, READINESS_LABEL[before.readiness]);
		else if (before.earliestQuarter !== after.earliestQuarter)
			changed.set(id, before.earliestQuarter ?? 'no date');
	}
	return { workspace, readiness, changed };
}
