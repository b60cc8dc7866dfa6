/**
 * `npm run sync -- token create|revoke|list`: access tokens in the same store as the documents.
 * `create` prints the new token alone on its last line (and nowhere else, ever); `list` shows
 * each token's id, workspace, role and dates, never the token.
 */
import type { Output } from '../cli/options';
import { table } from '../cli/table';
import type { SyncStore } from './store';
import { hashToken, looksLikeTokenId, newToken, type Role } from './tokens';

export async function createToken(
	store: SyncStore,
	workspace: string,
	role: Role,
	io: Output
): Promise<number> {
	const { token, record } = newToken(workspace, role);
	await store.addToken(record);
	io.out(
		`Created ${role === 'editor' ? 'an editor' : 'a reader'} token for workspace ${JSON.stringify(workspace)}, id ${record.id}, in ${store.where}.`
	);
	io.out(
		role === 'editor'
			? 'It can read and change the workspace.'
			: 'It can read the workspace and change nothing.'
	);
	io.out('Keep it secret: it is shown only this once, and the server keeps only its hash.');
	io.out(token);
	return 0;
}

/** Revokes by the token itself, or by the id `token list` shows (for a token nobody kept). */
export async function revokeToken(
	store: SyncStore,
	tokenOrId: string,
	io: Output
): Promise<number> {
	const record = looksLikeTokenId(tokenOrId)
		? await store.tokenById(tokenOrId)
		: await store.tokenByHash(hashToken(tokenOrId));
	if (!record) {
		io.err(`no such token in ${store.where}`);
		return 1;
	}
	const revoked = await store.revokeToken(record.id, new Date().toISOString());
	io.out(
		revoked
			? `Revoked token ${record.id} (${record.role} of workspace ${JSON.stringify(record.workspace)}): open connections that use it are closed within seconds.`
			: `Token ${record.id} was already revoked on ${record.revokedAt?.slice(0, 10)}.`
	);
	return 0;
}

export async function listTokens(
	store: SyncStore,
	workspace: string | undefined,
	io: Output
): Promise<number> {
	const tokens = (await store.listTokens()).filter(
		(t) => workspace === undefined || t.workspace === workspace
	);
	if (tokens.length === 0) {
		io.out(
			`no tokens${workspace ? ` for workspace ${JSON.stringify(workspace)}` : ''} in ${store.where}`
		);
		return 0;
	}
	io.out(
		table(
			['id', 'workspace', 'role', 'created', 'revoked'],
			tokens.map((t) => [
				t.id,
				t.workspace,
				t.role,
				t.createdAt.slice(0, 16).replace('T', ' '),
				t.revokedAt ? t.revokedAt.slice(0, 16).replace('T', ' ') : '-'
			])
		)
	);
	return 0;
}
