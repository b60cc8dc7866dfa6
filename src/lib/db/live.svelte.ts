/**
 * The one bridge from Dexie live queries to Svelte runes. A `Live` re-runs its query whenever the
 * tables it read change — in this tab or in another one — and exposes the latest result.
 * The query runs only while something reads `.current` (createSubscriber starts and stops it).
 *
 * Instead of a query, a `Live` can follow a source that keeps its own result current (the
 * workspace, `workspace-follow.ts`, which reads again only what changed).
 */
import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

export interface LiveObserver<T> {
	next(value: T): void;
	error(error: unknown): void;
}

/** Starts delivering results to `observer`; returns how to stop. */
export type LiveSource<T> = (observer: LiveObserver<T>) => () => void;

export class Live<T> {
	#current = $state.raw<T | undefined>(undefined);
	#loading = $state(true);
	#error = $state.raw<unknown>(undefined);
	#subscribe: () => void;

	/** `mark`, when given, is a performance mark set at each result (perf-marks.ts). */
	constructor(query: (() => Promise<T>) | { follow: LiveSource<T> }, mark?: string) {
		const source = typeof query === 'function' ? fromQuery(query) : query.follow;
		this.#subscribe = createSubscriber((update) =>
			source({
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
			})
		);
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

function fromQuery<T>(query: () => Promise<T>): LiveSource<T> {
	return (observer) => {
		const subscription = liveQuery(query).subscribe(observer);
		return () => subscription.unsubscribe();
	};
}
