/**
 * App-wide state: the live workspace from IndexedDB, the as-of date, what readiness follows from
 * them, and whether this tab can still write. Components read these; they never touch the
 * database themselves (changes go through state/commands.ts).
 *
 * The storage code (Dexie, the repositories) is not part of the first screen. A returning user's
 * workspace is read as soon as it has loaded; on a first visit there is no database at all, which
 * the browser can say without it, so the welcome page shows at once and storage loads after it is
 * painted (`connect`).
 */
import { untrack } from 'svelte';
import type { Live } from '$lib/db/live.svelte';
import {
	connectionLost,
	onConnectionLost,
	startedWithoutDatabase,
	type ConnectionLoss
} from '$lib/db/status';
import { isIsoDate, todayIso } from '$lib/domain/dates';
import type { ItemReadiness, ReadinessContext } from '$lib/domain/readiness';
import type { Workspace } from '$lib/domain/workspace';
import { PERF_MARKS } from '$lib/perf-marks';

export type Persistence = 'unknown' | 'granted' | 'denied' | 'unsupported';

class AppState {
	/** The stored workspace, live, once the storage code has loaded. */
	#live = $state.raw<Live<Workspace | null> | null>(null);
	/** The readiness rules, loaded with the storage code: there is nothing to judge before. */
	#rules = $state.raw<typeof import('$lib/domain/readiness') | null>(null);
	/** This browser has no database yet, so no workspace: known before storage loads. */
	#noDatabase = $state(false);
	/** Why the storage code could not be loaded, if it could not. */
	#failure = $state.raw<unknown>(undefined);
	#connecting: Promise<void> | undefined;
	#asOf = $state(todayIso());
	#persistence = $state<Persistence>('unknown');
	#lost = $state<ConnectionLoss | null>(connectionLost());
	/** A workspace shown while it is written into the tables (`showWhileWriting`). */
	#shown = $state.raw<Workspace | null>(null);

	constructor() {
		onConnectionLost((why) => (this.#lost = why));
		void startedWithoutDatabase().then((none) => {
			if (none) this.#noDatabase = true;
			else void this.connect();
		});
	}

	/**
	 * Resolves true when this browser had a Capmap database as the app started, so a workspace is
	 * likely: a page may fetch the code it draws one with beside it, rather than after it.
	 */
	get returning(): Promise<boolean> {
		return startedWithoutDatabase().then((none) => !none);
	}

	/** Loads the storage code and starts reading the workspace live; once. */
	connect(): Promise<void> {
		this.#connecting ??= Promise.all([
			import('$lib/db'),
			import('$lib/db/workspace-read'),
			import('$lib/db/live.svelte'),
			import('$lib/domain/readiness')
		]).then(
			([{ db }, { loadWorkspace }, { Live }, rules]) => {
				this.#rules = rules;
				this.#live = new Live(() => loadWorkspace(db), PERF_MARKS.workspaceRead);
			},
			(error: unknown) => {
				this.#failure = error;
			}
		);
		return this.#connecting;
	}

	/** The stored workspace: undefined while loading, null before there is one. */
	get workspace(): Workspace | null | undefined {
		const current = this.#live?.current;
		if (this.#shown) return this.#shown;
		if (current !== undefined) return current;
		return this.#noDatabase ? null : undefined;
	}

	get loading(): boolean {
		if (this.#shown) return false;
		if (this.#noDatabase || this.#failure !== undefined) return false;
		return this.#live?.loading ?? true;
	}

	/** Why the workspace could not be read, when nothing has been read at all. */
	get error(): unknown {
		if (this.#failure !== undefined) return this.#failure;
		return this.#live?.current === undefined ? this.#live?.error : undefined;
	}

	/**
	 * Shows `workspace`, read and checked already (a shared workspace that a join writes into the
	 * tables), while it is being written: the board is drawn from it without waiting seconds for
	 * the write. It stays shown until the live query has delivered a result read after `written`
	 * resolved (the write committed), so nothing older — the welcome page, the tables' previous
	 * content — shows in between. If the write fails, the tables' content shows again.
	 */
	showWhileWriting(workspace: Workspace, written: Promise<unknown>): void {
		this.#shown = workspace;
		const stopShowing = () => {
			if (this.#shown === workspace) this.#shown = null;
		};
		written.then(() => this.#showUntilRead(stopShowing), stopShowing);
	}

	/** Calls `stopShowing` once the live query delivers a result it read after this call. */
	async #showUntilRead(stopShowing: () => void): Promise<void> {
		await this.connect();
		const live = this.#live;
		if (!live) return stopShowing();
		// Dexie re-reads a query once a write to its tables commits, and drops a read that a write
		// overlapped: the next result the live query delivers is the written workspace.
		const before = untrack(() => live.current);
		const stop = $effect.root(() => {
			$effect(() => {
				if (live.current === before) return;
				untrack(stopShowing);
				stop();
			});
		});
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
		const rules = this.#rules;
		return ws && rules ? rules.createContext(ws, this.#asOf) : null;
	});

	get context(): ReadinessContext | null {
		return this.#context;
	}

	#readiness = $derived.by((): Map<string, ItemReadiness> => {
		const ws = this.workspace;
		const ctx = this.#context;
		const rules = this.#rules;
		const out = new Map<string, ItemReadiness>();
		if (ws && ctx && rules)
			for (const item of ws.items) out.set(item.id, rules.readinessOf(ctx, item));
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
