/**
 * The one bridge from Dexie live queries to Svelte runes. A `Live` re-runs its query whenever the
 * tables it read change — in this tab or in another one — and exposes the latest result.
 * The query runs only while something reads `.current` (createSubscriber starts and stops it).
 */
import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

export class Live<T> {
	#current = $state.raw<T | undefined>(undefined);
	#loading = $state(true);
	#error = $state.raw<unknown>(undefined);
	#subscribe: () => void;

	/** `mark`, when given, is a performance mark set at each result (perf-marks.ts). */
	constructor(query: () => Promise<T>, mark?: string) {
		this.#subscribe = createSubscriber((update) => {
			const subscription = liveQuery(query).subscribe({
				next: (value) => {
					if (mark) performance.mark(mark);
					this.#current = value;
					this.#loading = false;
					this.#error = undefined;
					update();
				},
				error: (error) => {
					this.#error = error;
					this.#loading = false;
					update();
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	get current(): T | undefined {
		this.#subscribe();
		return this.#current;
	}

	get loading(): boolean {
		this.#subscribe();
		return this.#loading;
	}

	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}
}
