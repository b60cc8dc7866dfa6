/**
 * Who else has the shared workspace open, from the awareness states of every connected tab.
 * This person's own other tabs (same browser, same device id) are not someone else: they are left
 * out, so "Here now" and the question before an import name only other people.
 */

/** Someone else with this workspace open, and the page they are on. */
export interface Peer {
	clientId: number;
	name: string;
	page: string;
}

import { browserStorage } from '$lib/browser-storage';

const DEVICE_KEY = 'capmap:device';

/** This browser's id, shared by its tabs (a random one per tab when storage is refused). */
export function deviceId(): string {
	const made = crypto.randomUUID();
	try {
		const storage = browserStorage();
		const kept = storage?.getItem(DEVICE_KEY);
		if (kept) return kept;
		storage?.setItem(DEVICE_KEY, made);
	} catch {
		// storage refused: this tab only
	}
	return made;
}

/** The other people among awareness `states`, by name; not this tab, not this browser's others. */
export function otherPeople(
	states: Iterable<[number, unknown]>,
	self: { clientId: number; device: string }
): Peer[] {
	const peers: Peer[] = [];
	for (const [clientId, state] of states) {
		if (clientId === self.clientId) continue;
		const user = (state as { user?: { name?: unknown; page?: unknown; device?: unknown } }).user;
		if (typeof user?.name !== 'string' || user.device === self.device) continue;
		peers.push({
			clientId,
			name: user.name,
			page: typeof user.page === 'string' ? user.page : '/'
		});
	}
	return peers.sort((a, b) => a.name.localeCompare(b.name));
}
