/** Says why items changed readiness after an import: the deciding values that moved, in words. */
import { indexEvidence } from '../domain/evidence';
import { formatValue } from '../domain/format';
import { movedValues } from '../domain/triage';
import type { Workspace } from '../domain/workspace';

/** For each item id, `Capability (Model) 94.2 % → 50 %` per moved value; indexed once for all. */
export function movedValuesInWords(
	before: Workspace,
	after: Workspace,
	itemIds: readonly string[],
	asOf: string
): Map<string, string[]> {
	const old = indexEvidence(before.evidence, asOf, before.settings);
	const now = indexEvidence(after.evidence, asOf, after.settings);
	const capabilities = new Map(after.capabilities.map((c) => [c.id, c]));
	const models = new Map(after.models.map((m) => [m.id, m]));
	const out = new Map<string, string[]>();
	for (const itemId of itemIds) {
		const item = after.items.find((i) => i.id === itemId);
		if (!item) continue;
		out.set(
			itemId,
			movedValues(item, after, old, now).map((m) => {
				const capability = capabilities.get(m.capabilityId);
				const unit = capability?.unit ?? '';
				return `${capability?.name ?? m.capabilityId} (${models.get(m.modelId)?.name ?? m.modelId}) ${m.before ? formatValue(m.before.value, unit) : 'unknown'} → ${formatValue(m.after.value, unit)}`;
			})
		);
	}
	return out;
}
