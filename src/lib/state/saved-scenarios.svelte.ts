/**
 * Scenarios saved by name for the roadmap meeting: each is the scenario's query string, so opening
 * one is following a link. Kept in this browser (local-store.ts); a link copied from the address
 * bar is how a scenario reaches a colleague.
 */
import { browserStorage } from '$lib/browser-storage';
import { readList, writeList } from './local-store';

export interface SavedScenario {
	name: string;
	/** The scenario page's query string, without `?`. */
	query: string;
}

const KEY = 'capmap:scenarios:v1';
const isSaved = (v: unknown): v is SavedScenario =>
	typeof v === 'object' &&
	v !== null &&
	typeof (v as SavedScenario).name === 'string' &&
	typeof (v as SavedScenario).query === 'string';

export class SavedScenarios {
	#store: Storage | null;
	#list = $state<SavedScenario[]>([]);

	constructor(store: Storage | null = browserStorage()) {
		this.#store = store;
		this.#list = readList(store, KEY, isSaved);
	}

	get list(): readonly SavedScenario[] {
		return this.#list;
	}

	/** Saves under `name`, replacing one of the same name. False if the browser refused to keep it. */
	save(name: string, query: string): boolean {
		const trimmed = name.trim();
		this.#list = [...this.#list.filter((s) => s.name !== trimmed), { name: trimmed, query }].sort(
			(a, b) => a.name.localeCompare(b.name)
		);
		return writeList(this.#store, KEY, this.#list);
	}

	remove(name: string): void {
		this.#list = this.#list.filter((s) => s.name !== name);
		writeList(this.#store, KEY, this.#list);
	}
}

export const savedScenarios = new SavedScenarios();
