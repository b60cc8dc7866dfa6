/// <reference lib="webworker" />
/**
 * Parses eval results off the main thread, so a 50 MB file never freezes the page. The page can
 * cancel by terminating the worker.
 */
import { parseResults, type Format } from './detect';
import { ResultsError } from './results';

self.onmessage = (event: MessageEvent<{ text: string; format: Format }>) => {
	try {
		const parsed = parseResults(event.data.text, event.data.format);
		self.postMessage({ ok: true, parsed });
	} catch (error) {
		self.postMessage({
			ok: false,
			message: error instanceof ResultsError ? error.message : `could not be read: ${String(error)}`
		});
	}
};
