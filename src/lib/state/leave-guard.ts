/**
 * Asking before unsaved changes are left behind, for the editors that do not keep a draft (the
 * entity dialogs, the workspace settings). In-app links and Back go through SvelteKit's
 * `beforeNavigate`, which asks here; a reload, a closed tab or a link off the app unload the page,
 * and cancelling those makes SvelteKit's own `beforeunload` handler show the browser's prompt.
 * Call it while a component initialises.
 */
import { beforeNavigate } from '$app/navigation';

export function guardUnsaved(
	dirty: () => boolean,
	question = 'You have unsaved changes on this page. Leave it and lose them?'
): void {
	beforeNavigate((navigation) => {
		if (!dirty()) return;
		if (navigation.willUnload) navigation.cancel();
		else if (!confirm(question)) navigation.cancel();
	});
}
