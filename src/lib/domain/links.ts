/** Which records name which: what a delete must take along, or refuse over. */
import type { Item } from './schemas';

/** The items that require a capability, must or nice-to-have. */
export function itemsRequiring(items: readonly Item[], capabilityId: string): Item[] {
	return items.filter((item) => item.requirements.some((r) => r.capabilityId === capabilityId));
}
