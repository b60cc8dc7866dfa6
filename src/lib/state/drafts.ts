/**
 * Drafts: what someone typed in an editor and has not saved yet, kept in this browser so that
 * leaving the page — a link, Back, a reload, a closed tab, a crash — never loses it. The item
 * editor and the brief editor keep one per record; the page shows it again when it is opened,
 * with a way to discard it.
 *
 * Where: localStorage, one key per editor and record, `capmap:draft:v1:<editor>:<record id>`,
 * holding `{ base, fields, savedAt, tab }` — the record as the editor opened it (so a later save
 * is still a field-level edit against it), the form's fields, when, and which tab wrote it.
 * Why not IndexedDB, where the workspace lives: a draft must be written synchronously as the
 * page is hidden (an IndexedDB transaction begun in `pagehide` may never finish), and it must
 * outlive the database failing — full, closed or deleted — which is when it matters most.
 *
 * !!! The key and its shape are a storage format: change them only with a new version in the
 * key (`v2`), reading the old one or letting it go.
 */

const PREFIX = 'capmap:draft:v1:';
const TAB_KEY = 'capmap:tab';
/** Each tab holds a Web Lock by this name for as long as it is open. */
const TAB_LOCK = 'capmap:tab:';

function locks(): LockManager | undefined {
	return (globalThis as { navigator?: Navigator }).navigator?.locks;
}

export interface Draft<B, F> {
	base: B;
	fields: F;
	savedAt: string;
	tab: string;
}

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
	try {
		return (globalThis as unknown as Record<string, Storage | undefined>)[kind] ?? null;
	} catch {
		return null; // storage disabled for this site
	}
}

/** This tab's id: a draft is removed on its own only by the tab that wrote it. */
function tabId(session: Storage | null): string {
	const made = Math.random().toString(36).slice(2, 10);
	try {
		const known = session?.getItem(TAB_KEY);
		if (known) return known;
		session?.setItem(TAB_KEY, made);
	} catch {
		// no session storage: one id for this page's life
	}
	return made;
}

export class DraftStore {
	#storage: Storage | null;
	#tab: string;

	constructor(
		local: Storage | null = storage('localStorage'),
		session: Storage | null = storage('sessionStorage')
	) {
		this.#storage = local;
		this.#tab = tabId(session);
		// Held until the tab closes, so other tabs can tell a draft being typed from a left one.
		locks()
			?.request(TAB_LOCK + this.#tab, () => new Promise<never>(() => {}))
			.catch(() => {});
	}

	/** Whether this tab wrote the draft (before a reload, say). */
	mine(draft: Draft<unknown, unknown>): boolean {
		return draft.tab === this.#tab;
	}

	/** Whether the tab that wrote a draft is still open: then the draft is that tab's work. */
	async openElsewhere(draft: Draft<unknown, unknown>): Promise<boolean> {
		if (this.mine(draft)) return false;
		const held = (await locks()?.query())?.held ?? [];
		return held.some((lock) => lock.name === TAB_LOCK + draft.tab);
	}

	read<B, F>(key: string): Draft<B, F> | null {
		try {
			const text = this.#storage?.getItem(PREFIX + key);
			if (!text) return null;
			const draft = JSON.parse(text) as Draft<B, F>;
			return draft && typeof draft === 'object' && 'fields' in draft ? draft : null;
		} catch {
			return null; // unreadable: as good as none
		}
	}

	/** Keeps a draft; false when the browser would not store it (storage full or disabled). */
	write<B, F>(key: string, base: B, fields: F, at = new Date().toISOString()): boolean {
		const draft: Draft<B, F> = { base, fields, savedAt: at, tab: this.#tab };
		try {
			if (!this.#storage) return false;
			this.#storage.setItem(PREFIX + key, JSON.stringify(draft));
			return true;
		} catch {
			return false;
		}
	}

	/**
	 * Forgets a draft. Without `force`, only one this tab wrote: a save in one tab must not throw
	 * away what another tab is typing into the same record.
	 */
	remove(key: string, force = false): void {
		try {
			if (!force && this.read(key)?.tab !== this.#tab) return;
			this.#storage?.removeItem(PREFIX + key);
		} catch {
			// nothing to do
		}
	}

	/** Forgets every draft (the workspace was closed). */
	clear(): void {
		try {
			const keys: string[] = [];
			for (let i = 0; i < (this.#storage?.length ?? 0); i++) {
				const key = this.#storage!.key(i);
				if (key?.startsWith(PREFIX)) keys.push(key);
			}
			for (const key of keys) this.#storage!.removeItem(key);
		} catch {
			// nothing to do
		}
	}
}

export const drafts = new DraftStore();

/**
 * Keeps one editor's draft as it is typed: written after a short pause, and at once when the
 * page is hidden or left (`pagehide`, `visibilitychange`) or the editor goes away (`flush`).
 */
export class DraftKeeper<B, F> {
	#key: string;
	#store: DraftStore;
	#delay: number;
	#pending: { base: B; fields: F } | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#failed = false;

	constructor(key: string, store: DraftStore = drafts, delay = 300) {
		this.#key = key;
		this.#store = store;
		this.#delay = delay;
	}

	/** The draft kept for this editor, if any. */
	read(): Draft<B, F> | null {
		return this.#store.read<B, F>(this.#key);
	}

	/**
	 * Gives the kept draft to `apply` when it holds changes (`differs`): at once when this tab
	 * wrote it (the page was reloaded or left and come back to), or as soon as it is known that
	 * the tab which wrote it is closed. A draft that another open tab is typing stays theirs.
	 */
	restore(differs: (fields: F) => boolean, apply: (draft: Draft<B, F>) => void): void {
		const kept = this.read();
		if (!kept) return;
		if (!differs(kept.fields)) return this.#store.remove(this.#key, true);
		if (this.#store.mine(kept)) return apply(kept);
		void this.#store.openElsewhere(kept).then((open) => {
			if (!open) apply(kept);
		});
	}

	/** The form changed and differs from what is saved: keep it, shortly. */
	keep(base: B, fields: F): void {
		this.#pending = { base, fields };
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), this.#delay);
	}

	/** The form holds nothing unsaved (saved, or back as it was): no draft. */
	clear(force = false): void {
		this.#pending = null;
		clearTimeout(this.#timer);
		this.#store.remove(this.#key, force);
	}

	/** Writes a pending draft now. */
	flush(): void {
		clearTimeout(this.#timer);
		if (!this.#pending) return;
		this.#failed = !this.#store.write(this.#key, this.#pending.base, this.#pending.fields);
		this.#pending = null;
	}

	/** Whether the last draft could not be stored (the browser's storage is full or off). */
	get failed(): boolean {
		return this.#failed;
	}

	/** Flushes when the page is hidden or left; returns the cleanup, which flushes too. */
	attach(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
		const flush = () => this.flush();
		const hidden = () => {
			if (document.visibilityState === 'hidden') this.flush();
		};
		target.addEventListener('pagehide', flush);
		target.addEventListener('visibilitychange', hidden);
		return () => {
			target.removeEventListener('pagehide', flush);
			target.removeEventListener('visibilitychange', hidden);
			this.flush();
		};
	}
}
