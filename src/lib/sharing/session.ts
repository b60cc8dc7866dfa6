/**
 * A shared workspace open on this device: its doc loaded from this browser's storage, kept in
 * step with the local tables both ways (local-to-doc.ts, doc-to-local.ts), and synchronised with
 * the sync server through a Hocuspocus provider. What it reports — the connection's one honest
 * status, the role the server granted, who else is here — goes to `listener`.
 */
import {
	HocuspocusProvider,
	HocuspocusProviderWebsocket,
	WebSocketStatus
} from '@hocuspocus/provider';
import { DexieYProvider } from 'y-dexie';
import * as Y from 'yjs';
import type { CapmapDatabase } from '$lib/db/database';
import { loadWorkspace } from '$lib/db/workspace-read';
import { PERF_MARKS } from '$lib/perf-marks';
import type { Workspace } from '$lib/domain/workspace';
import { keepReadModel, type ReadModel } from './doc-to-local';
import { LOCAL_ORIGIN, sendLocalChanges } from './local-to-doc';
import { recentlyDeleted, restoreDeleted, type DeletedRecord } from '$lib/sync/deleted';
import { lastEdit, recordHistory, type LostValue } from '$lib/sync/history';
import { RECORD_KINDS, type RecordKind } from '$lib/sync/kinds';
import type { Stamp } from '$lib/sync/record-map';
import { SharedDatabase, type SharedWorkspaceRow } from './shared-db';
import { UnsentChanges } from './unsent';
import { deviceId, otherPeople, type Peer } from './presence';
import { kindMap, META, writeWorkspace } from '$lib/sync/workspace-doc';
import { workspaceIdProblem } from '$lib/sync/workspace-id';

/** The connection as the header says it. */
export type SyncStatus =
	| { state: 'connecting' }
	| { state: 'synced' }
	| { state: 'sending'; changes: number }
	| { state: 'offline'; changes: number }
	| { state: 'refused'; reason: string };

export type Role = 'editor' | 'reader';

export interface SessionListener {
	status(status: SyncStatus): void;
	role(role: Role): void;
	peers(peers: Peer[]): void;
	/** Why the shared workspace cannot be read into this device (undefined once it can). */
	problem(problem: string | undefined): void;
	/** The doc changed (anyone's edit): history and recently deleted may have moved. */
	changed(): void;
	/**
	 * The whole shared workspace, read and checked, is being written into the local tables, which
	 * takes seconds (a join): it can be shown from here until `written` resolves.
	 */
	writing(workspace: Workspace, written: Promise<void>): void;
}

export interface Connection {
	server: string;
	workspaceId: string;
	token: string;
}

/** The origin of changes made in the doc first (an import, a restore): the local tables follow. */
const DOC_FIRST = Symbol('capmap replace');

export class SharedSession {
	readonly workspaceId: string;
	readonly doc: Y.Doc;
	#db: CapmapDatabase;
	#shared: SharedDatabase;
	#provider: HocuspocusProvider;
	#socket: HocuspocusProviderWebsocket;
	#stopSendingFromV2: () => void;
	/** Kept once the doc is this device's workspace (resumed, uploaded or adopted). */
	#readModel: ReadModel | undefined;
	#stopSending: (() => void) | undefined;
	#listener: SessionListener;
	#author: () => string;
	#role: Role | undefined;
	#refused: string | undefined;
	#closed = false;
	#page = '/';
	/** This browser's id: its other tabs are this person, not someone else here. */
	#device = deviceId();
	#firstSync: Promise<void>;
	/** This device's changes the server has not confirmed, across connections (unsent.ts). */
	#unsent: UnsentChanges;
	#keepingUnsent: Promise<void> = Promise.resolve();

	private constructor(
		db: CapmapDatabase,
		shared: SharedDatabase,
		row: SharedWorkspaceRow,
		doc: Y.Doc,
		author: () => string,
		listener: SessionListener
	) {
		this.workspaceId = row.id;
		this.doc = doc;
		this.#db = db;
		this.#shared = shared;
		this.#author = author;
		this.#listener = listener;
		doc.on('afterTransaction', () => listener.changed());
		this.#unsent = new UnsentChanges(row);
		// Before the provider's own handler, so its report counts this change already.
		doc.on('update', (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
			if (!tr.local || this.#closed) return;
			this.#unsent.made(doc);
			this.#keepUnsent();
		});

		let synced: () => void = () => {};
		let refused: (reason: string) => void = () => {};
		this.#firstSync = new Promise<void>((resolve, reject) => {
			synced = resolve;
			refused = (reason) => reject(new Refused(reason));
		});
		// A socket of our own, connected once the provider is attached: a provider that makes its
		// own socket connects twice (Hocuspocus 3.4), and the second connection, closed later,
		// takes this person's presence with it.
		this.#socket = new HocuspocusProviderWebsocket({
			url: row.server,
			autoConnect: false,
			// Back soon after the network is: a laptop rejoining the office Wi-Fi waits 5 s at most.
			maxDelay: 5000
		});
		this.#provider = new HocuspocusProvider({
			websocketProvider: this.#socket,
			name: row.id,
			document: doc,
			token: row.token,
			onAuthenticated: ({ scope }) => {
				const role: Role = scope === 'readonly' ? 'reader' : 'editor';
				this.#setRole(role);
				if (role !== row.role) void shared.shared.update(row.id, { role });
				this.#report();
			},
			onAuthenticationFailed: ({ reason }) => {
				this.#refused = reason || 'The sync server refused this access token.';
				refused(this.#refused);
				this.#report();
				// A refusal stands until the user gives another token: no retrying in a loop.
				this.#socket.disconnect();
			},
			onSynced: () => {
				performance.mark(PERF_MARKS.sharingSynced);
				synced();
				// Presence set before the server admitted this client may not have reached it: again.
				this.#announce();
				this.#noteConfirmed();
			},
			// Closed before the first sync, and not refused: nothing that speaks sync answers there.
			onClose: () => {
				if (this.#provider.isSynced || this.#refused) return;
				refused(
					`No Capmap sync server answered at ${row.server}. Start one (npm run sync) and open Capmap from its address: the app talks only to the server it is opened from.`
				);
			},
			onStatus: () => this.#report(),
			onUnsyncedChanges: () => {
				this.#noteConfirmed();
				this.#report();
			},
			onAwarenessChange: () => this.#reportPeers()
		});
		this.#stopSendingFromV2 = sendFromV2(this.#provider, doc);
		this.#provider.attach();
		void this.#socket.connect();
		// Offline, a device that was an editor stays one: its edits are kept and sent on reconnect.
		if (row.role) this.#setRole(row.role);
		this.#report();
	}

	/**
	 * Opens the shared workspace this device keeps: its doc is read from this browser's storage
	 * first, so the workspace works offline at once; the connection follows.
	 */
	static async resume(
		db: CapmapDatabase,
		workspaceId: string,
		author: () => string,
		listener: SessionListener
	): Promise<SharedSession | undefined> {
		const shared = new SharedDatabase();
		const row = await shared.shared.get(workspaceId);
		if (!row?.doc) return undefined;
		const doc = row.doc;
		await DexieYProvider.load(doc).whenLoaded;
		const session = new SharedSession(db, shared, row, doc, author, listener);
		await session.#keep().refresh();
		return session;
	}

	/**
	 * Connects to a shared workspace for the first time on this device, and waits for its content
	 * (or the server's refusal, which removes what was stored here for it). The caller then
	 * `upload`s this device's workspace into a new shared document, or `adopt`s the existing one.
	 *
	 * `anotherToken`: this device keeps this workspace already and is given a new token for it (the
	 * old one was revoked). Its stored doc stays, with the changes not sent yet, which the new
	 * connection sends; a refusal puts the old token back and keeps everything.
	 */
	static async connect(
		db: CapmapDatabase,
		connection: Connection,
		author: () => string,
		listener: SessionListener,
		anotherToken = false
	): Promise<SharedSession> {
		const problem = workspaceIdProblem(connection.workspaceId);
		if (problem) throw new Refused(`${problem}.`);
		const shared = new SharedDatabase();
		const kept = anotherToken ? await shared.shared.get(connection.workspaceId) : undefined;
		if (kept)
			await shared.shared.update(kept.id, { server: connection.server, token: connection.token });
		else
			await shared.shared.put({
				id: connection.workspaceId,
				server: connection.server,
				token: connection.token,
				since: new Date().toISOString()
			});
		const row = (await shared.shared.get(connection.workspaceId))!;
		const doc = row.doc!;
		await DexieYProvider.load(doc).whenLoaded;
		const session = new SharedSession(db, shared, row, doc, author, listener);
		try {
			await session.#firstSync;
		} catch (error) {
			if (!kept) await session.forget();
			else {
				session.close();
				await shared.shared.update(kept.id, { server: kept.server, token: kept.token });
				shared.close();
			}
			throw error;
		}
		return session;
	}

	/** True when the server's document holds no workspace yet: this device's can be uploaded. */
	get isEmpty(): boolean {
		return this.doc.getMap(META).size === 0;
	}

	/** The shared workspace's name and size, for the question asked before it replaces anything. */
	describe(): { name: string; records: number } {
		const name = String(this.doc.getMap(META).get('name') ?? '');
		let records = 0;
		for (const kind of RECORD_KINDS) records += kindMap(this.doc, kind).size;
		return { name, records };
	}

	/** Makes this device's workspace the shared document's content. */
	async upload(): Promise<void> {
		const workspace = await loadWorkspace(this.#db);
		if (!workspace) throw new Error('there is no workspace on this device to share');
		// The local tables hold it already; only the doc has to change.
		this.doc.transact(() => writeWorkspace(this.doc, workspace, this.#stamp()), LOCAL_ORIGIN);
		this.#keep();
	}

	/** Makes the shared document's content this device's workspace. */
	async adopt(): Promise<void> {
		await this.#keep().refresh();
	}

	/**
	 * From now on the doc is this device's workspace: its changes go into the local tables, and
	 * an editor's local changes into it. Not before: connecting must not replace anything here
	 * until the user has said which workspace to keep.
	 */
	#keep(): ReadModel {
		this.#readModel ??= keepReadModel(
			this.#db,
			this.doc,
			(problem) => this.#listener.problem(problem),
			(workspace, written) => this.#listener.writing(workspace, written)
		);
		this.#sendIfEditor();
		return this.#readModel;
	}

	/**
	 * Replaces the shared workspace's content for everyone, in one change: an import into a shared
	 * workspace. The local tables follow from the doc.
	 */
	async replace(workspace: Workspace): Promise<void> {
		this.doc.transact(() => writeWorkspace(this.doc, workspace, this.#stamp()), DOC_FIRST);
		await this.#keep().settled();
	}

	/** The records deleted lately, newest first, with any edit made after. */
	recentlyDeleted(): DeletedRecord[] {
		return recentlyDeleted(this.doc);
	}

	/**
	 * Brings back a deleted record for everyone, with every edit it received since, and what was
	 * deleted with it (a model's evidence and eval runs).
	 */
	async restore(kind: RecordKind, id: string): Promise<void> {
		this.doc.transact(() => restoreDeleted(this.doc, kind, id, this.#stamp()), DOC_FIRST);
		await this.#keep().settled();
	}

	/** A record's values that lost a conflict (who, when, old → new), and its last edit. */
	history(kind: RecordKind, id: string): { lost: LostValue[]; lastEdit?: Stamp } {
		const edited = lastEdit(this.doc, kind, id);
		return { lost: recordHistory(this.doc, kind, id), ...(edited ? { lastEdit: edited } : {}) };
	}

	/** Tells the others which page this person is on. */
	setPresence(page: string): void {
		this.#page = page;
		this.#announce();
	}

	#announce(): void {
		if (this.#closed) return;
		this.#provider.setAwarenessField('user', {
			name: this.#author(),
			page: this.#page,
			device: this.#device
		});
	}

	get role(): Role | undefined {
		return this.#role;
	}

	/** Stops syncing; the doc stays in this browser's storage for the next visit. */
	close(): void {
		if (this.#closed) return;
		this.#closed = true;
		this.#stopSending?.();
		this.#readModel?.stop();
		this.#stopSendingFromV2();
		this.#provider.destroy();
		this.#socket.destroy();
		DexieYProvider.release(this.doc);
	}

	/** Stops syncing and forgets the shared doc on this device (the local tables are kept). */
	async forget(): Promise<void> {
		this.close();
		await this.#shared.shared.delete(this.workspaceId);
		this.#shared.close();
	}

	/** This device's changes the server has not confirmed yet, this visit's and earlier ones'. */
	get unsent(): number {
		return this.#role === 'reader' ? 0 : this.#unsent.count(this.doc);
	}

	/**
	 * Resolves with the changes still unsent once all are sent, or after `ms` at most; this
	 * browser's other tabs' changes counted too (what they kept with the stored doc is read first:
	 * a tab learns their clients only so).
	 */
	async whenSent(ms: number): Promise<number> {
		const until = Date.now() + ms;
		try {
			const row = await this.#shared.shared.get(this.workspaceId);
			if (row) this.#unsent.merged(row);
		} catch {
			// Storage could not be read: this tab's own changes are still counted.
		}
		while (this.unsent > 0 && Date.now() < until && !this.#closed)
			await new Promise((resolve) => setTimeout(resolve, 100));
		return this.unsent;
	}

	/**
	 * The provider's count is back to nothing while connected and synced: the server has applied
	 * everything this doc holds (the sync's reply included), so all of it is confirmed.
	 */
	#noteConfirmed(): void {
		const provider = this.#provider;
		if (this.#closed || this.#refused || this.#role === 'reader') return;
		if (this.#socket.status !== WebSocketStatus.Connected) return;
		if (!provider.isSynced || provider.unsyncedChanges > 0) return;
		if (this.#unsent.count(this.doc) === 0) return;
		this.#unsent.confirmed(this.doc);
		this.#keepUnsent();
	}

	/** Keeps the unsent state with the stored doc, merged with another tab's, one write at a time. */
	#keepUnsent(): void {
		const shared = this.#shared;
		const id = this.workspaceId;
		this.#keepingUnsent = this.#keepingUnsent
			.then(() =>
				shared.transaction('rw', shared.shared, async () => {
					const row = await shared.shared.get(id);
					if (row) await shared.shared.update(id, this.#unsent.merged(row));
				})
			)
			.catch(() => {
				// Storage refused: this visit still counts; the next may count too few.
			});
	}

	/** An editor's local changes go into the doc; a reader's commands refuse to make any. */
	#setRole(role: Role): void {
		this.#role = role;
		this.#listener.role(role);
		this.#sendIfEditor();
	}

	#sendIfEditor(): void {
		if (!this.#readModel) return;
		if (this.#role === 'editor') {
			this.#stopSending ??= sendLocalChanges(
				this.#db,
				this.doc,
				() => this.#stamp(),
				undefined,
				(error) => {
					this.#listener.problem(
						`a change made here could not be written into the shared workspace, and was undone: ${String(error)}`
					);
					void this.#readModel?.refresh();
				}
			);
		} else {
			this.#stopSending?.();
			this.#stopSending = undefined;
		}
	}

	#stamp(): Stamp {
		return { by: this.#author(), at: new Date().toISOString() };
	}

	#report(): void {
		if (this.#closed) return;
		this.#listener.status(this.status);
	}

	get status(): SyncStatus {
		if (this.#refused) return { state: 'refused', reason: this.#refused };
		// A reader sends nothing the server keeps: its copy is in step once it is admitted.
		const reader = this.#role === 'reader';
		const changes = this.unsent;
		const socket = this.#socket.status;
		if (socket === WebSocketStatus.Disconnected) return { state: 'offline', changes };
		if (reader)
			return socket === WebSocketStatus.Connected && this.#provider.isAuthenticated
				? { state: 'synced' }
				: { state: 'connecting' };
		if (socket === WebSocketStatus.Connecting || !this.#provider.isSynced)
			return changes > 0 ? { state: 'offline', changes } : { state: 'connecting' };
		return changes > 0 ? { state: 'sending', changes } : { state: 'synced' };
	}

	#reportPeers(): void {
		const awareness = this.#provider.awareness;
		if (!awareness || this.#closed) return;
		const self = { clientId: awareness.clientID, device: this.#device };
		this.#listener.peers(otherPeople(awareness.getStates(), self));
	}
}

/**
 * Has `provider` send the doc's changes from their V2 encoding, which y-dexie has every change
 * encoded in to store it, rather than from a V1 encoding of its own: Yjs encodes each change once
 * per format that has a listener, and a join receives the whole workspace as one change — half a
 * second of encoding for 55,000 records, in the task that applies it — which the provider, its
 * origin, does not send anyway. A change made here is converted to V1 (the sync protocol's) alone.
 */
function sendFromV2(provider: HocuspocusProvider, doc: Y.Doc): () => void {
	const send = (update: Uint8Array, origin: unknown) => {
		if (origin === provider) return;
		provider.boundDocumentUpdateHandler(Y.convertUpdateFormatV2ToV1(update), origin);
	};
	doc.off('update', provider.boundDocumentUpdateHandler);
	doc.on('updateV2', send);
	return () => doc.off('updateV2', send);
}

/** The sync server said no: the reason is the server's sentence, shown as it is. */
export class Refused extends Error {}

export { LOCAL_ORIGIN, type Peer };
