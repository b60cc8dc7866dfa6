/** Runs as the app starts in the browser, before the first page's code is loaded. */
import { startedWithoutDatabase } from '$lib/db/status';

export function init(): void {
	// Asked now, answered while the first page loads: the welcome page needs the answer to show.
	void startedWithoutDatabase();
}
