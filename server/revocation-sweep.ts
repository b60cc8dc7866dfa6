/**
 * A token revoked while its holder is connected stops working within one sweep: every open
 * connection's token is looked up again (by id, one query per connected token) and a revoked
 * one's connection is closed with the reason, which the client shows. New connections are
 * checked on arrival (access.ts), so only open ones need this.
 */
import type { Hocuspocus } from '@hocuspocus/server';
import { REFUSED } from './access';
import type { AccessContext } from './access-extension';
import { who, type Log } from './log';
import type { SyncStore } from './store';

export function revocationSweep(
	hocuspocus: Hocuspocus,
	store: Pick<SyncStore, 'tokenById'>,
	log: Log,
	everyMs: number
): { stop(): void } {
	let running = false;
	const timer = setInterval(() => {
		if (running) return;
		running = true;
		closeRevoked(hocuspocus, store, log)
			.catch((error: unknown) => log(`revocation check failed: ${String(error)}`))
			.finally(() => {
				running = false;
			});
	}, everyMs);
	timer.unref();
	return { stop: () => clearInterval(timer) };
}

export async function closeRevoked(
	hocuspocus: Hocuspocus,
	store: Pick<SyncStore, 'tokenById'>,
	log: Log
): Promise<number> {
	const revokedAt = new Map<string, string | undefined>();
	let closed = 0;
	for (const document of hocuspocus.documents.values())
		for (const connection of document.getConnections()) {
			const { tokenId, role } = connection.context as AccessContext;
			if (!revokedAt.has(tokenId))
				revokedAt.set(tokenId, (await store.tokenById(tokenId))?.revokedAt);
			const at = revokedAt.get(tokenId);
			if (at === undefined) continue;
			log(`closed ${who(document.name, role, tokenId)}: token revoked`);
			connection.close({ code: 4401, reason: REFUSED.revoked(at) });
			closed++;
		}
	return closed;
}
