/**
 * The sync server: Hocuspocus with one Y.Doc per workspace, named by the workspace id, loaded
 * from and stored to the store (SQLite or Postgres), fanned out to other instances through Redis
 * when given a Redis URL. It takes ownership of the store: `stop()` flushes every open document
 * and closes it.
 */
import { Database } from '@hocuspocus/extension-database';
import type { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { accessExtension } from './access-extension';
import { appExtension } from './app-extension';
import type { Log } from './log';
import { withoutPassword } from './redact';
import { connectRedis } from './redis-fan-out';
import { revocationSweep } from './revocation-sweep';
import type { SyncStore } from './store';

export interface SyncServerOptions {
	host: string;
	/** 0 picks a free port (the tests do). */
	port: number;
	store: SyncStore;
	redis?: string;
	/** The built app (build/) to serve on the same address; none: a line says how to build it. */
	app?: string;
	/** Redis key and channel prefix; instances that share documents share it. */
	redisPrefix?: string;
	log: Log;
	/**
	 * A change is stored this long after the last one (Hocuspocus's debounce), and at the latest
	 * `maxDebounceMs` after the first: short enough that a crash loses seconds, long enough that
	 * typing does not rewrite a large document on every key. A clean stop stores at once.
	 */
	debounceMs?: number;
	maxDebounceMs?: number;
	/** How often open connections are checked against revoked tokens. */
	revocationCheckMs?: number;
}

export interface SyncServer {
	readonly port: number;
	readonly url: string;
	/** Refuses new connections, stores every open document, closes the store. */
	stop(): Promise<void>;
}

/** How long a clean stop waits for Hocuspocus to store and unload every document. */
const STOP_TIMEOUT_MS = 15_000;

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
	const { store, log } = options;
	const extensions: Extension[] = [
		accessExtension(store, log),
		appExtension(options.app),
		new Database({
			fetch: ({ documentName }) => store.fetchDocument(documentName),
			store: async ({ documentName, state }) => {
				await store.storeDocument(documentName, state);
			}
		})
	];
	let redis: Redis | undefined;
	if (options.redis) {
		redis = await connectRedis(options.redis, options.redisPrefix ?? 'capmap-sync', log);
		extensions.push(redis);
	}
	const server = new Server({
		name: 'capmap-sync',
		address: options.host,
		port: options.port,
		quiet: true,
		stopOnSignals: false,
		debounce: options.debounceMs ?? 1000,
		maxDebounce: options.maxDebounceMs ?? 5000,
		extensions
	});
	try {
		await server.listen();
	} catch (error) {
		await redis?.onDestroy();
		throw error;
	}
	const port = server.address.port;
	const sweep = revocationSweep(server.hocuspocus, store, log, options.revocationCheckMs ?? 15_000);
	log(
		`listening on ws://${options.host}:${port}, storing in ${store.where}` +
			(options.app ? `, serving the app at http://${options.host}:${port}/` : '') +
			(options.redis ? `, sharing through ${withoutPassword(options.redis)}` : '')
	);

	return {
		port,
		url: `ws://${options.host}:${port}`,
		async stop() {
			sweep.stop();
			const open = server.hocuspocus.getDocumentsCount();
			log(`stopping: storing ${open} open workspace${open === 1 ? '' : 's'}`);
			const destroyed = await settlesWithin(server.destroy(), STOP_TIMEOUT_MS);
			// Hocuspocus stores a document when its last connection closes; whatever it did not
			// unload in time is stored here, so a stop never leaves an edit only in memory.
			for (const document of server.hocuspocus.documents.values()) {
				try {
					await store.storeDocument(document.name, Y.encodeStateAsUpdate(document));
				} catch (error) {
					log(`could not store workspace ${JSON.stringify(document.name)}: ${String(error)}`);
				}
			}
			if (!destroyed) await redis?.onDestroy();
			await store.close();
			log('stopped');
		}
	};
}

/** True when the promise settled, either way, within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), ms);
	});
	const settled = promise.then(
		() => true,
		() => true
	);
	try {
		return await Promise.race([settled, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
