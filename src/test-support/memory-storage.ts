/** A Storage over a Map, as localStorage and sessionStorage behave; `full` makes writes fail. */
export class MemoryStorage implements Storage {
	#items = new Map<string, string>();
	full = false;
	get length() {
		return this.#items.size;
	}
	key(i: number) {
		return [...this.#items.keys()][i] ?? null;
	}
	getItem(key: string) {
		return this.#items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.full) throw new DOMException('full', 'QuotaExceededError');
		this.#items.set(key, value);
	}
	removeItem(key: string) {
		this.#items.delete(key);
	}
	clear() {
		this.#items.clear();
	}
}

/** Gives Node tests a localStorage, as a fresh browser profile has (import it first). */
export function installLocalStorage(): MemoryStorage {
	const storage = new MemoryStorage();
	Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
	return storage;
}
