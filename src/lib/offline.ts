/**
 * The offline copy of the app (src/service-worker.ts precaches every file of the build). It is
 * installed once the first screen is painted (first-paint.ts), so that fetching the whole build
 * never competes with that screen; SvelteKit's own registration, at the page's load event, is
 * turned off in svelte.config.js.
 */
import { dev } from '$app/environment';

let installed = false;

export function installOfflineCopy(): void {
	if (installed || !('serviceWorker' in navigator)) return;
	installed = true;
	// Without it the app still works, only not offline: nothing to tell the user.
	navigator.serviceWorker
		.register('/service-worker.js', { type: dev ? 'module' : 'classic' })
		.catch(() => {});
}
