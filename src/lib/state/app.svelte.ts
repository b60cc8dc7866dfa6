/**
 * App-wide state: the live workspace from IndexedDB, the as-of date, what readiness follows from
 * them, and whether this tab can still write. Components read these; they never touch the
 * database themselves (changes go through state/commands.ts).
 */
import { connectionLost, db, onConnectionLost, type ConnectionLoss } from '$lib/db';
import { Live } from '$lib/db/live.svelte';
import { loadWorkspace } from '$lib/db/workspace-repo';
import { isIsoDate, todayIso } from '$lib/domain/dates';
import {
	createContext,
	readinessOf,
	type ItemReadiness,
	type ReadinessContext
} from '$lib/domain/readiness';
import type { Workspace } from '$lib/domain/workspace';

export type Persistence = 'unknown' | 'granted' | 'denied' | 'unsupported';

class AppState {
	#live = new Live<Workspace | null>(() => loadWorkspace(db), 'workspace');
	#asOf = $state(todayIso());
	#persistence = $state<Persistence>('unknown');
	#lost = $state<ConnectionLoss | null>(connectionLost());

	constructor() {
		onConnectionLost((why) => (this.#lost = why));
	}

	/** The stored workspace: undefined while loading, null before there is one. */
	get workspace(): Workspace | null | undefined {
		return this.#live.current;
	}

	get loading(): boolean {
		return this.#live.loading;
	}

	/** Why the workspace could not be read, when nothing has been read at all. */
	get error(): unknown {
		return this.#live.current === undefined ? this.#live.error : undefined;
	}

	/** Why this tab can no longer save (another tab upgraded or deleted the database), or null. */
	get connectionLost(): ConnectionLoss | null {
		return this.#lost;
	}

	/** The date readiness is computed for: today unless the user travels in time. */
	get asOf(): string {
		return this.#asOf;
	}

	/** Moves the as-of date; an empty value means today; anything but a real date is ignored. */
	setAsOf(value: string): boolean {
		if (value === '') value = todayIso();
		if (!isIsoDate(value)) return false;
		this.#asOf = value;
		return true;
	}

	get persistence(): Persistence {
		return this.#persistence;
	}

	/** The rules' context for the current workspace and as-of date, rebuilt only when they change. */
	#context = $derived.by((): ReadinessContext | null => {
		const ws = this.workspace;
		return ws ? createContext(ws, this.#asOf) : null;
	});

	get context(): ReadinessContext | null {
		return this.#context;
	}

	#readiness = $derived.by((): Map<string, ItemReadiness> => {
		const ws = this.workspace;
		const ctx = this.#context;
		const out = new Map<string, ItemReadiness>();
		if (ws && ctx) for (const item of ws.items) out.set(item.id, readinessOf(ctx, item));
		return out;
	});

	get readiness(): Map<string, ItemReadiness> {
		return this.#readiness;
	}

	/** Asks the browser to keep our data under storage pressure, and remembers the answer. */
	async requestPersistence(): Promise<void> {
		if (!navigator.storage?.persist) {
			this.#persistence = 'unsupported';
			return;
		}
		try {
			const already = await navigator.storage.persisted();
			this.#persistence = already || (await navigator.storage.persist()) ? 'granted' : 'denied';
		} catch {
			this.#persistence = 'denied'; // the browser would not say: best effort, as far as we know
		}
	}
}

export const app = new AppState();
