/**
 * This site's localStorage, or null where the browser disables it. Only hints and preferences
 * live there (a flag, a list of dismissed marks), never workspace data: each reader copes with
 * null.
 */
export function browserStorage(): Storage | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		return null; // storage disabled for this site
	}
}
