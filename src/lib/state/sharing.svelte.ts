/**
 * Whether this device's workspace is shared, and how the sharing goes: the header's one status,
 * the role the server granted, who else is here, and what went wrong. The sync code (Yjs,
 * y-dexie, the Hocuspocus provider) loads only on a device that shares: a flag in localStorage
 * says so before anything else has loaded, and a workspace never shared never loads it.
 */
import type { SharedSession, Peer, Role, SyncStatus, Connection } from '$lib/sharing/session';
import { randomTag, tagNewIds } from '$lib/domain/ids';
import type { Workspace } from '$lib/domain/workspace';
import { access } from './access.svelte';
import { app } from './app.svelte';
import { browserStorage } from '$lib/browser-storage';
import { OPENING, SHARED_KEY, sharingHandle } from './sharing-handle.svelte';

const AUTHOR_KEY = 'capmap:author';

export type { Peer, Role, SyncStatus };

/** What sharing found on the server, when it must ask before replacing anything. */
export interface SharedContent {
	name: string;
	records: number;
}

const READER =
	'This workspace is shared with you read-only: your access token is a reader’s. You can read, filter and export, not change.';

class Sharing {
	#session = $state.raw<SharedSession | null>(null);
	#status = $state.raw<SyncStatus | null>(null);
	#role = $state<Role | undefined>(undefined);
	#peers = $state.raw<Peer[]>([]);
	#problem = $state<string | undefined>(undefined);
	/** Bumped on every change of the doc, for views of its history. */
	#version = $state(0);
	#author = $state(browserStorage()?.getItem(AUTHOR_KEY) ?? '');
	#page = '/';
	#resuming: Promise<void> | undefined;
	/** The shared workspace is being written into this device's tables (`#showWhileWriting`). */
	#writing = false;

	constructor() {
		globalThis.addEventListener?.('storage', (event) =>
			this.#followOtherTabs(event as StorageEvent)
		);
	}

	/** The id of the workspace this device shares, known before the sync code loads. */
	get sharedId(): string | null {
		return browserStorage()?.getItem(SHARED_KEY) ?? null;
	}

	get session(): SharedSession | null {
		return this.#session;
	}

	get status(): SyncStatus | null {
		return this.#status;
	}

	get role(): Role | undefined {
		return this.#role;
	}

	get peers(): Peer[] {
		return this.#peers;
	}

	get problem(): string | undefined {
		return this.#problem;
	}

	get version(): number {
		return this.#version;
	}

	/** The name this person's changes carry, shown to the others. */
	get author(): string {
		return this.#author;
	}

	setAuthor(name: string): void {
		this.#author = name.trim();
		try {
			browserStorage()?.setItem(AUTHOR_KEY, this.#author);
		} catch {
			// storage refused: the name holds for this visit
		}
		this.#session?.setPresence(this.#page);
	}

	/**
	 * Changes made here that the server has not acknowledged yet — this visit's and earlier ones',
	 * and while a refused token keeps them from being sent too.
	 */
	get unsent(): number {
		void this.#status; // read again whenever the status is reported
		return this.#session?.unsent ?? 0;
	}

	#listener = {
		status: (status: SyncStatus) => {
			this.#status = status;
			if (status.state === 'refused')
				access.setReadOnly(
					`Not allowed: ${status.reason} Changes here would reach nobody; open the Workspace page to give another token.`
				);
		},
		role: (role: Role) => {
			this.#role = role;
			access.setReadOnly(role === 'reader' ? READER : this.#writing ? OPENING : null);
		},
		peers: (peers: Peer[]) => (this.#peers = peers),
		problem: (problem: string | undefined) => (this.#problem = problem),
		changed: () => this.#version++,
		writing: (workspace: Workspace, written: Promise<void>) =>
			this.#showWhileWriting(workspace, written)
	};

	/**
	 * The shared workspace is being written into this device's tables (a join: seconds for a big
	 * one). The app shows it at once; nothing can be changed until it is written, because every
	 * command checks its change against those tables.
	 */
	#showWhileWriting(workspace: Workspace, written: Promise<void>): void {
		this.#writing = true;
		if (access.canEdit) access.setReadOnly(OPENING);
		app.showWhileWriting(workspace, written);
		// The write has the tables now. A reload before it is done (the board is there to leave)
		// must open the shared workspace again, and write it again, not the welcome page: a join
		// is remembered from here, not only once adopted.
		if (this.#session) this.#remember(this.#session.workspaceId);
		const done = () => {
			this.#writing = false;
			// Only the reason given here: a refusal or a reader's token that came meanwhile stays.
			if (access.readOnlyReason === OPENING) access.setReadOnly(null);
		};
		written.then(done, done);
	}

	#name = () => this.#author || 'Someone';

	/** Opens the shared workspace this device keeps, if it keeps one; offline first. */
	resume(): Promise<void> {
		// Once at a time: a second start (another tab's signal) joins the one under way.
		this.#resuming ??= this.#resume().finally(() => (this.#resuming = undefined));
		return this.#resuming;
	}

	async #resume(): Promise<void> {
		const id = this.sharedId;
		if (!id || this.#session) return;
		// Until the doc is open, a change made here would reach only this device's tables and be
		// undone by the doc: nothing can be changed while it opens.
		access.setReadOnly(OPENING);
		try {
			const [{ db }, { SharedSession }] = await Promise.all([
				import('$lib/db'),
				import('$lib/sharing/session')
			]);
			const session = await SharedSession.resume(db, id, this.#name, this.#listener);
			if (!session) {
				this.#forgetFlag();
				access.setReadOnly(null);
				return;
			}
			this.#started(session);
			if (!session.role) access.setReadOnly(null);
		} catch (error) {
			access.setReadOnly(
				`The shared workspace could not be opened on this device (${String(error)}), so nothing can be changed here: reload the page.`
			);
		}
	}

	/**
	 * Connects to a shared workspace with a token, and resolves with what the server holds under
	 * that id (null: nothing yet). Nothing on this device changes until the caller `upload`s this
	 * device's workspace or `adopt`s the server's — or `leave`s. Throws the server's refusal.
	 */
	async connect(connection: Connection): Promise<SharedContent | null> {
		// Another token for the workspace shared here (the last was refused): its stored doc stays,
		// with the changes not sent yet, and a refusal leaves this device as it was.
		const anotherToken = this.isAnotherToken(connection.workspaceId);
		if (anotherToken) this.#closeHere();
		else await this.leave();
		const [{ db }, { SharedSession }] = await Promise.all([
			import('$lib/db'),
			import('$lib/sharing/session')
		]);
		let session: SharedSession;
		try {
			session = await SharedSession.connect(
				db,
				connection,
				this.#name,
				this.#listener,
				anotherToken
			);
		} catch (error) {
			if (anotherToken) await this.resume();
			throw error;
		}
		this.#started(session);
		return session.isEmpty ? null : session.describe();
	}

	/** Whether a token for `workspaceId` is another one for the workspace shared here. */
	isAnotherToken(workspaceId: string): boolean {
		return this.#session?.workspaceId === workspaceId;
	}

	/** Makes this device's workspace the shared one (the server held none under this id). */
	async upload(): Promise<void> {
		const session = this.#session;
		if (!session) return;
		await session.upload();
		this.#remember(session.workspaceId);
	}

	/** Takes the shared workspace as this device's (after the user agreed to replace it). */
	async adopt(): Promise<void> {
		const session = this.#session;
		if (!session) return;
		await session.adopt();
		this.#remember(session.workspaceId);
	}

	/**
	 * Another tab started or stopped sharing this browser's workspace (the flag in localStorage
	 * changed): this tab follows, so that its own edits go into the doc too — or no longer do.
	 */
	#followOtherTabs(event: StorageEvent): void {
		if (event.key !== SHARED_KEY) return;
		if (event.newValue) void this.resume();
		else this.#closeHere();
	}

	/** Stops syncing in this tab only; the stored doc stays (another tab decided). */
	#closeHere(): void {
		this.#session?.close();
		this.#session = null;
		this.#status = null;
		this.#role = undefined;
		this.#peers = [];
		this.#problem = undefined;
		access.setReadOnly(null);
		tagNewIds('');
	}

	/**
	 * Replaces the shared workspace for everyone with an imported one, in one change; the local
	 * tables follow. The caller has asked, naming how many people are connected.
	 */
	async replace(input: unknown): Promise<void> {
		const session = this.#session;
		if (!session) throw new Error('this workspace is not shared');
		const { loadChecks } = await import('$lib/db/check');
		const workspace = (await loadChecks()).workspace(input);
		await session.replace(workspace);
	}

	/**
	 * Waits up to `ms` for this device's unsent changes to reach the server; resolves with how
	 * many are still unsent (asked before anything forgets the stored doc).
	 */
	async whenSent(ms: number): Promise<number> {
		return (await this.#session?.whenSent(ms)) ?? 0;
	}

	/**
	 * Stops sharing on this device; its workspace stays here as a local one. The stored doc is
	 * forgotten, changes not sent included: callers ask first (`unsent`, `whenSent`).
	 */
	async leave(): Promise<void> {
		const session = this.#session;
		this.#closeHere();
		this.#forgetFlag();
		await session?.forget();
	}

	/** Brings back a record deleted from the shared workspace, for everyone. */
	async restore(kind: string, id: string): Promise<void> {
		const { RECORD_KINDS } = await import('$lib/domain/entities');
		const found = RECORD_KINDS.find((k) => k === kind);
		if (!found || !this.#session) throw new Error(`there is no ${kind} ${id} to restore`);
		await this.#session.restore(found, id);
	}

	/** Tells the others which page this person is on. */
	setPage(page: string): void {
		this.#page = page;
		this.#session?.setPresence(page);
	}

	#started(session: SharedSession): void {
		this.#session = session;
		session.setPresence(this.#page);
		tagNewIds(randomTag());
	}

	#remember(id: string): void {
		try {
			browserStorage()?.setItem(SHARED_KEY, id);
		} catch {
			// storage refused: this visit shares; the next one opens the local copy unshared
		}
	}

	#forgetFlag(): void {
		try {
			browserStorage()?.removeItem(SHARED_KEY);
		} catch {
			// nothing kept, nothing to forget
		}
	}
}

export const sharing = new Sharing();
sharingHandle.current = sharing;
