/**
 * Field-level edits. A form remembers the record as it was when it opened (its base); saving
 * writes only the fields the user changed, over the record as it is stored now. So two tabs that
 * change different fields of one record both keep their change, and a field changed in both is a
 * conflict for the user to settle — never a silent overwrite.
 */

/** Structural equality of JSON data; a field set to `undefined` equals a missing one. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b))
		return a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
	const x = a as Record<string, unknown>;
	const y = b as Record<string, unknown>;
	const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
	for (const key of keys) if (!sameValue(x[key], y[key])) return false;
	return true;
}

/** The top-level fields whose value differs between `base` and `next`. */
export function changedFields<T extends object>(base: T, next: T): (keyof T & string)[] {
	const x = base as Record<string, unknown>;
	const y = next as Record<string, unknown>;
	const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
	return [...keys].filter((key) => !sameValue(x[key], y[key])) as (keyof T & string)[];
}

/** A field both this form and someone else changed, to different values. */
export interface FieldConflict {
	field: string;
	/** The value this form would write. */
	mine: unknown;
	/** The value stored now, written elsewhere since the form opened. */
	theirs: unknown;
}

export interface Merged<T> {
	record: T;
	/** The fields this edit writes. */
	changed: string[];
	conflicts: FieldConflict[];
}

/**
 * Applies the fields that changed from `base` to `next` onto `current` (the stored record).
 * A changed field that `current` also changed — to something else — is a conflict, unless it is
 * listed in `overwrite` (the user chose to keep theirs over the stored value).
 */
export function mergeEdit<T extends object>(
	current: T,
	base: T,
	next: T,
	overwrite: readonly string[] = []
): Merged<T> {
	const record = { ...current } as Record<string, unknown>;
	const stored = current as Record<string, unknown>;
	const was = base as Record<string, unknown>;
	const wanted = next as Record<string, unknown>;
	const changed = changedFields(base, next);
	const conflicts: FieldConflict[] = [];
	for (const field of changed) {
		const elsewhere = !sameValue(stored[field], was[field]);
		if (elsewhere && !sameValue(stored[field], wanted[field]) && !overwrite.includes(field))
			conflicts.push({ field, mine: wanted[field], theirs: stored[field] });
		if (wanted[field] === undefined) delete record[field];
		else record[field] = wanted[field];
	}
	return { record: record as unknown as T, changed, conflicts };
}
