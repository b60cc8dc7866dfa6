/**
 * The layout's light handle on sharing. The sharing state (and the sync code behind it) loads
 * only where a workspace is shared, or when someone opens the sharing form: the first screen of
 * a device that never shared carries none of it. Whichever way it loads, it registers here, and
 * the layout shows the status, tells the others the page, and guards closing the tab from then on.
 */
import type { sharing as Sharing } from './sharing.svelte';
import { browserStorage } from '$lib/browser-storage';

/** localStorage: the id of the workspace this browser shares, set once it is this device's. */
export const SHARED_KEY = 'capmap:shared-workspace';

export const sharingHandle = $state<{ current: typeof Sharing | null }>({ current: null });

/** Why nothing can be changed yet on a shared device: its doc is still opening. */
export const OPENING = 'Opening the shared workspace… Changes can be made once it is open.';

/** The sync server's WebSocket address for a page served from `origin` (the same origin). */
export function serverFor(origin: string): string {
	return `${origin.replace(/^http/, 'ws')}/sync`;
}

/** True when this browser's workspace is shared: known before any sync code loads. */
export function isShared(): boolean {
	return !!browserStorage()?.getItem(SHARED_KEY);
}

/** Loads the sharing state (it registers itself in `sharingHandle`). */
export async function loadSharing(): Promise<typeof Sharing> {
	return (await import('./sharing.svelte')).sharing;
}
