/**
 * Which imports' "↓ worse since" marks the user dismissed from the board: a view preference of
 * this browser (local-store.ts), the newest 50 keys.
 */
import { browserStorage } from '$lib/browser-storage';
import { readList, writeList } from './local-store';

const KEY = 'capmap:dismissed-imports:v1';
const KEEP = 50;
const isKey = (v: unknown): v is string => typeof v === 'string';

export class DismissedImports {
	#store: Storage | null;
	#keys = $state<string[]>([]);

	constructor(store: Storage | null = browserStorage()) {
		this.#store = store;
		this.#keys = readList(store, KEY, isKey);
	}

	has(importKey: string): boolean {
		return this.#keys.includes(importKey);
	}

	dismiss(importKey: string): void {
		if (this.has(importKey)) return;
		this.#keys = [...this.#keys, importKey].slice(-KEEP);
		writeList(this.#store, KEY, this.#keys);
	}
}

export const dismissedImports = new DismissedImports();
