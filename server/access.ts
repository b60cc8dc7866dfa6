/**
 * Who may open a workspace: the check the server runs on every connection (its authentication
 * hook), over the tokens in the store. A refusal carries a sentence the app shows as it is; the
 * log gets the token's id, never the token.
 */
import { workspaceIdProblem } from '../src/lib/sync/workspace-id';
import type { SyncStore } from './store';
import { hashToken, type Role } from './tokens';

export type Access =
	{ ok: true; role: Role; tokenId: string } | { ok: false; reason: string; tokenId?: string };

export const REFUSED = {
	noToken: 'No access token was given. Paste the token you were given for this workspace.',
	unknown:
		'This access token is not known to the sync server. Check that it was copied whole, or ask whoever shares the workspace for a new one.',
	revoked: (at: string) =>
		`This access token was revoked on ${at.slice(0, 10)}. Ask whoever shares the workspace for a new one.`,
	otherWorkspace: 'This access token is for another workspace, not this one.',
	badWorkspace: (problem: string) => `The sync server has no such workspace: ${problem}.`
} as const;

export async function checkAccess(
	store: Pick<SyncStore, 'tokenByHash'>,
	workspace: string,
	token: string
): Promise<Access> {
	const problem = workspaceIdProblem(workspace);
	if (problem) return { ok: false, reason: REFUSED.badWorkspace(problem) };
	if (token === '') return { ok: false, reason: REFUSED.noToken };
	const record = await store.tokenByHash(hashToken(token));
	if (!record) return { ok: false, reason: REFUSED.unknown };
	if (record.revokedAt)
		return { ok: false, reason: REFUSED.revoked(record.revokedAt), tokenId: record.id };
	if (record.workspace !== workspace)
		return { ok: false, reason: REFUSED.otherWorkspace, tokenId: record.id };
	return { ok: true, role: record.role, tokenId: record.id };
}
