/**
 * Undoing a delete on the records it only unlinked (a decision that named the deleted item, an
 * item that required the deleted capability): the undo gives back the links the delete took, and
 * nothing else. Putting back the whole record as it was would also put back every other field as
 * it was before the delete — someone's title, someone's newer link — and, in a shared workspace,
 * send those old values to everyone.
 */
import type { EntityTableName } from './database';

type Fields = Record<string, unknown>;

/** A field that names records of `table`; `idOf` reads the id from one of its values. */
interface Link {
	table: EntityTableName;
	idOf: (value: unknown) => unknown;
}

const byId = (table: EntityTableName): Link => ({ table, idOf: (value) => value });

/** The links a delete takes out (delete-repo.ts), by the table of the record that holds them. */
const LINKS: Partial<Record<EntityTableName, Record<string, Link>>> = {
	decisions: {
		itemIds: byId('items'),
		modelIds: byId('models'),
		findingIds: byId('findings'),
		supersedes: byId('decisions')
	},
	findings: {
		itemIds: byId('items'),
		modelId: byId('models'),
		capabilityId: byId('capabilities')
	},
	items: {
		requirements: {
			table: 'capabilities',
			idOf: (requirement) => (requirement as { capabilityId?: unknown }).capabilityId
		}
	}
};

/**
 * `now` with the links it had `before` to records the undo brings `back` (ids by table), each in
 * its old place among the links still there; every other field as it is now.
 */
export function relink(
	table: EntityTableName,
	now: Fields,
	before: Fields,
	back: ReadonlyMap<EntityTableName, ReadonlySet<string>>
): Fields {
	const result = { ...now };
	for (const [field, link] of Object.entries(LINKS[table] ?? {})) {
		const returning = back.get(link.table);
		const was = before[field];
		if (!returning) continue;
		if (Array.isArray(was)) {
			const list = Array.isArray(now[field]) ? [...(now[field] as unknown[])] : [];
			const indexOf = (value: unknown) => list.findIndex((x) => link.idOf(x) === link.idOf(value));
			let relinked = false;
			was.forEach((value, i) => {
				if (!returning.has(link.idOf(value) as string) || indexOf(value) >= 0) return;
				// After the nearest link that came before it and is still there, else first.
				const previous = was.slice(0, i).findLast((x) => indexOf(x) >= 0);
				list.splice(previous === undefined ? 0 : indexOf(previous) + 1, 0, value);
				relinked = true;
			});
			if (relinked) result[field] = list;
		} else if (typeof was === 'string' && returning.has(was) && now[field] === undefined)
			result[field] = was;
	}
	return result;
}
