/** The sync server's log: one line per event, with its time. Never a token, never a password. */

export type Log = (message: string) => void;

export const stdoutLog: Log = (message) =>
	process.stdout.write(`${new Date().toISOString()} ${message}\n`);

export const silentLog: Log = () => undefined;

/** `workspace="ws-1" role=editor token=3f9a1c2b7d4e`: who, on what, by which token id. */
export function who(workspace: string, role?: string, tokenId?: string): string {
	return [
		`workspace=${JSON.stringify(workspace)}`,
		role ? `role=${role}` : '',
		tokenId ? `token=${tokenId}` : ''
	]
		.filter(Boolean)
		.join(' ');
}
