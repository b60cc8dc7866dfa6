/** Says why an item changed readiness after an import: the deciding values that moved. */
import { decidingEvidence, indexEvidence } from '../domain/evidence';
import { formatValue } from '../domain/format';
import { mustRequirements } from '../domain/readiness';
import { isCandidate } from '../domain/schemas';
import type { Workspace } from '../domain/workspace';

export function movedValues(
	before: Workspace,
	after: Workspace,
	itemId: string,
	asOf: string
): string[] {
	const item = after.items.find((i) => i.id === itemId);
	if (!item) return [];
	const old = indexEvidence(before.evidence, asOf, before.settings);
	const now = indexEvidence(after.evidence, asOf, after.settings);
	const out: string[] = [];
	for (const requirement of mustRequirements(item)) {
		const capability = after.capabilities.find((c) => c.id === requirement.capabilityId);
		for (const model of after.models) {
			if (model.status === 'retired' || !capability || !isCandidate(model, capability)) continue;
			const a = decidingEvidence(old, model.id, requirement.capabilityId)?.evidence;
			const b = decidingEvidence(now, model.id, requirement.capabilityId)?.evidence;
			if (!b || a?.id === b.id) continue;
			const unit = capability?.unit ?? '';
			out.push(
				`${capability?.name ?? requirement.capabilityId} (${model.name}) ${a ? formatValue(a.value, unit) : 'unknown'} → ${formatValue(b.value, unit)}`
			);
		}
	}
	return out;
}
