/**
 * This browser's view preferences in localStorage (dismissed marks, saved scenarios): JSON under
 * a versioned key, read forgivingly and written best-effort. Never workspace data: losing them
 * costs a click, never an edit.
 */
export function readList<T>(store: Storage | null, key: string, keep: (v: unknown) => v is T): T[] {
	try {
		const value: unknown = JSON.parse(store?.getItem(key) ?? '[]');
		return Array.isArray(value) ? value.filter(keep) : [];
	} catch {
		return [];
	}
}

/** False when the browser refused (storage full or disabled): the page keeps it for now only. */
export function writeList(store: Storage | null, key: string, list: readonly unknown[]): boolean {
	try {
		store?.setItem(key, JSON.stringify(list));
		return store !== null;
	} catch {
		return false;
	}
}
