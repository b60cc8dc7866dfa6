/**
 * The server's authentication hook, and the log of who connected to which workspace. A reader's
 * connection is made read-only here (Hocuspocus 3: `connectionConfig.readOnly`), so the server
 * drops every update it sends and tells its client so.
 */
import type {
	Extension,
	connectedPayload,
	onAuthenticatePayload,
	onDisconnectPayload
} from '@hocuspocus/server';
import { checkAccess } from './access';
import { who, type Log } from './log';
import type { SyncStore } from './store';
import type { Role } from './tokens';

/** What a connection carries once admitted: its role and token id (never the token). */
export interface AccessContext {
	role: Role;
	tokenId: string;
}

/**
 * Hocuspocus sends a refusal's `reason` to the client. The message is left empty on purpose:
 * Hocuspocus prints the message of every error a hook throws, and a refusal is logged here once.
 */
class Refusal extends Error {
	constructor(readonly reason: string) {
		super('');
	}
}

export function accessExtension(store: SyncStore, log: Log): Extension {
	return {
		extensionName: 'capmap-access',
		async onAuthenticate(data: onAuthenticatePayload): Promise<AccessContext> {
			const access = await checkAccess(store, data.documentName, data.token);
			if (!access.ok) {
				log(`refused ${who(data.documentName, undefined, access.tokenId)}: ${access.reason}`);
				throw new Refusal(access.reason);
			}
			if (access.role === 'reader') data.connectionConfig.readOnly = true;
			return { role: access.role, tokenId: access.tokenId };
		},
		async connected(data: connectedPayload) {
			const context = data.context as AccessContext;
			log(`connected ${who(data.documentName, context.role, context.tokenId)}`);
		},
		async onDisconnect(data: onDisconnectPayload) {
			const context = data.context as Partial<AccessContext>;
			log(`disconnected ${who(data.documentName, context.role, context.tokenId)}`);
		}
	};
}
