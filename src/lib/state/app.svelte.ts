/**
 * App-wide state: the live workspace from IndexedDB, the as-of date, and what readiness follows
 * from them. Components read these; they never touch the database themselves.
 */
import { db, onOutdated } from '$lib/db';
import { Live } from '$lib/db/live.svelte';
import { loadWorkspace } from '$lib/db/workspace-repo';
import { todayIso } from '$lib/domain/dates';
import {
	createContext,
	readinessOf,
	type ItemReadiness,
	type ReadinessContext
} from '$lib/domain/readiness';
import type { Workspace } from '$lib/domain/workspace';

export type Persistence = 'unknown' | 'granted' | 'denied' | 'unsupported';

class AppState {
	readonly live = new Live<Workspace | null>(() => loadWorkspace(db), 'workspace');
	asOf = $state(todayIso());
	persistence = $state<Persistence>('unknown');
	outdated = $state(false);

	constructor() {
		onOutdated(() => (this.outdated = true));
	}

	get workspace(): Workspace | null | undefined {
		return this.live.current;
	}

	get loading(): boolean {
		return this.live.loading;
	}

	/** The rules' context for the current workspace and as-of date, rebuilt only when they change. */
	readonly context = $derived.by((): ReadinessContext | null => {
		const ws = this.workspace;
		return ws ? createContext(ws, this.asOf) : null;
	});

	readonly readiness = $derived.by((): Map<string, ItemReadiness> => {
		const ws = this.workspace;
		const ctx = this.context;
		const out = new Map<string, ItemReadiness>();
		if (ws && ctx) for (const item of ws.items) out.set(item.id, readinessOf(ctx, item));
		return out;
	});

	/** Asks the browser to keep our data under storage pressure, and remembers the answer. */
	async requestPersistence(): Promise<void> {
		if (!navigator.storage?.persist) {
			this.persistence = 'unsupported';
			return;
		}
		const already = await navigator.storage.persisted();
		this.persistence = already || (await navigator.storage.persist()) ? 'granted' : 'denied';
	}
}

export const app = new AppState();
