/**
 * Which imports' "↓ worse since" marks the user dismissed from the board. A view preference of
 * this browser, not workspace data: kept in localStorage, the newest 50 keys, and forgotten
 * without harm when storage is unavailable (the marks then come back on reload).
 */
const KEY = 'capmap:dismissed-imports:v1';
const KEEP = 50;

function storage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null; // storage disabled for this site
	}
}

function read(store: Storage | null): string[] {
	try {
		const value: unknown = JSON.parse(store?.getItem(KEY) ?? '[]');
		return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
	} catch {
		return [];
	}
}

export class DismissedImports {
	#store: Storage | null;
	#keys = $state<string[]>([]);

	constructor(store: Storage | null = storage()) {
		this.#store = store;
		this.#keys = read(store);
	}

	has(importKey: string): boolean {
		return this.#keys.includes(importKey);
	}

	dismiss(importKey: string): void {
		if (this.has(importKey)) return;
		this.#keys = [...this.#keys, importKey].slice(-KEEP);
		try {
			this.#store?.setItem(KEY, JSON.stringify(this.#keys));
		} catch {
			// storage full or disabled: dismissed for this page's life only
		}
	}
}

export const dismissedImports = new DismissedImports();
