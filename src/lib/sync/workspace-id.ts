/**
 * The id of a shared workspace: the name of its document on the sync server and the workspace
 * an access token opens. The app makes it when a workspace is first shared; the server and the
 * `token` command refuse anything else, so a name never becomes a path, a key prefix or a log
 * line it was not meant to be.
 */

const WORKSPACE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isWorkspaceId(value: string): boolean {
	return WORKSPACE_ID.test(value);
}

/** Why `value` is not a workspace id, in words, or undefined when it is one. */
export function workspaceIdProblem(value: string): string | undefined {
	if (isWorkspaceId(value)) return undefined;
	return `${JSON.stringify(value.slice(0, 140))} is not a workspace id (1 to 128 letters, digits, dots, dashes or underscores, starting with a letter or digit)`;
}
