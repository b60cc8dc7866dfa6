/**
 * App-wide state: the live workspace from IndexedDB, the as-of date, what readiness follows from
 * them, and whether this tab can still write. Components read these; they never touch the
 * database themselves (changes go through state/commands.ts).
 *
 * The storage code (Dexie, the repositories) is not part of the first screen. A returning user's
 * workspace is read as soon as it has loaded; on a first visit (no workspace remembered, see
 * db/status.ts) the welcome page shows at once and storage loads after it is painted (`connect`).
 */
import { untrack } from 'svelte';
import type { Live } from '$lib/db/live.svelte';
import {
	connectionLost,
	onConnectionLost,
	rememberWorkspace,
	workspaceRemembered,
	type ConnectionLoss
} from '$lib/db/status';
import { isIsoDate, todayIso } from '$lib/domain/dates';
import type { ItemReadiness, ReadinessContext } from '$lib/domain/readiness';
import type { Item } from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';
import { PERF_MARKS } from '$lib/perf-marks';
import { isShared } from './sharing-handle.svelte';

export type Persistence = 'unknown' | 'granted' | 'denied' | 'unsupported';

let noted: boolean | undefined;
/** Notes, for the next visit's first screen, whether a workspace is here (when that changes). */
function remembered(workspace: Workspace | null): Workspace | null {
	if (noted !== (workspace !== null)) rememberWorkspace((noted = workspace !== null));
	return workspace;
}

class AppState {
	/** The stored workspace, live, once the storage code has loaded. */
	#live = $state.raw<Live<Workspace | null> | null>(null);
	/** The readiness rules, loaded with the storage code: there is nothing to judge before. */
	#rules = $state.raw<typeof import('$lib/domain/readiness') | null>(null);
	/**
	 * This browser held no workspace when last read: the welcome page needs no storage code. A
	 * device that shares holds one, or is being given one (a join, written while it is shown).
	 */
	#noneRemembered = $state(!workspaceRemembered() && !isShared());
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
		if (!this.#noneRemembered) void this.connect();
	}

	/**
	 * True when this browser held a workspace as the app started, so one is likely: a page may
	 * fetch the code it draws one with beside it, rather than after it.
	 */
	get returning(): boolean {
		return !this.#noneRemembered;
	}

	/** Loads the storage code and starts reading the workspace live; once. */
	connect(): Promise<void> {
		this.#connecting ??= Promise.all([
			import('$lib/db'),
			import('$lib/db/workspace-follow'),
			import('$lib/db/live.svelte'),
			import('$lib/domain/readiness')
		]).then(
			([{ db }, { followWorkspace }, { Live }, rules]) => {
				this.#rules = rules;
				// Read again, after a change, only what changed: unchanged tables and records come as
				// the same arrays and objects, which the context and readiness below rely on.
				this.#live = new Live<Workspace | null>(
					{
						follow: (observer) =>
							followWorkspace(db, {
								next: (workspace) => observer.next(remembered(workspace)),
								error: (error) => observer.error(error)
							})
					},
					PERF_MARKS.workspaceRead
				);
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
		return this.#noneRemembered ? null : undefined;
	}

	get loading(): boolean {
		if (this.#shown) return false;
		if (this.#noneRemembered || this.#failure !== undefined) return false;
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

	/** Calls `stopShowing` once the live workspace delivers a result it read after this call. */
	async #showUntilRead(stopShowing: () => void): Promise<void> {
		await this.connect();
		// A read that a write overlapped is dropped (db/workspace-follow.ts): the next result the
		// live workspace delivers is the written workspace.
		const before = untrack(() => this.#live?.current);
		await this.#whenLive((live) => live.current !== before);
		stopShowing();
	}

	/**
	 * The workspace as storage holds it, once read. The welcome page can show before storage is
	 * read (a workspace an older Capmap left has no note, db/status.ts): a choice there that
	 * replaces the tables asks this first. Storage that cannot be read holds nothing to keep: the
	 * write fails then, and says why.
	 */
	async storedWorkspace(): Promise<Workspace | null> {
		const live = await this.#whenLive(
			(live) => live.current !== undefined || live.error !== undefined
		);
		return live?.current ?? null;
	}

	/** The live workspace once `ready` holds for it (undefined: the storage code did not load). */
	async #whenLive(
		ready: (live: Live<Workspace | null>) => boolean
	): Promise<Live<Workspace | null> | undefined> {
		await this.connect();
		const live = this.#live;
		if (!live) return undefined;
		return new Promise((resolve) => {
			const stop = $effect.root(() => {
				$effect(() => {
					if (!ready(live)) return;
					resolve(live);
					stop();
				});
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

	/**
	 * What the rules' context is made of, each its own derived: a change that leaves one as the
	 * same array (the live workspace hands unchanged tables on as they were) does not invalidate
	 * what is derived from it. An item edit rebuilds no context.
	 */
	#capabilities = $derived(this.workspace?.capabilities);
	#models = $derived(this.workspace?.models);
	#evidence = $derived(this.workspace?.evidence);
	#settings = $derived(this.workspace?.settings);

	/** The rules' context for the current workspace and as-of date, rebuilt only when they change. */
	#context = $derived.by((): ReadinessContext | null => {
		const [capabilities, models, evidence, settings] = [
			this.#capabilities,
			this.#models,
			this.#evidence,
			this.#settings
		];
		const rules = this.#rules;
		return capabilities && models && evidence && settings && rules
			? rules.createContext({ capabilities, models, evidence, settings }, this.#asOf)
			: null;
	});

	get context(): ReadinessContext | null {
		return this.#context;
	}

	/**
	 * Each item's readiness under the last context, by the item object: an item the live
	 * workspace handed on unchanged keeps its result (the same object, so its card is not drawn
	 * again); a new context starts afresh. Not state: only the derived below reads and writes it.
	 */
	#judged: { context: ReadinessContext; byItem: WeakMap<Item, ItemReadiness> } | null = null;

	#readiness = $derived.by((): Map<string, ItemReadiness> => {
		const ws = this.workspace;
		const ctx = this.#context;
		const rules = this.#rules;
		const out = new Map<string, ItemReadiness>();
		if (!ws || !ctx || !rules) return out;
		if (this.#judged?.context !== ctx) this.#judged = { context: ctx, byItem: new WeakMap() };
		const byItem = this.#judged.byItem;
		for (const item of ws.items) {
			let result = byItem.get(item);
			if (!result) byItem.set(item, (result = rules.readinessOf(ctx, item)));
			out.set(item.id, result);
		}
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
