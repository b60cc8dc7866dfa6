/** Runs the results parser in a Web Worker; `cancel()` stops it at once. */
import type { Format } from './detect';
import type { ParsedResults } from './results';
import ParseWorker from './parse.worker?worker';

export interface ParseJob {
	result: Promise<ParsedResults>;
	cancel: () => void;
}

export function parseInWorker(text: string, format: Format): ParseJob {
	const worker = new ParseWorker();
	let settle: { reject: (error: Error) => void } | undefined;
	const result = new Promise<ParsedResults>((resolve, reject) => {
		settle = { reject };
		worker.onmessage = (
			event: MessageEvent<{ ok: true; parsed: ParsedResults } | { ok: false; message: string }>
		) => {
			worker.terminate();
			if (event.data.ok) resolve(event.data.parsed);
			else reject(new Error(event.data.message));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message || 'the parser stopped'));
		};
		worker.postMessage({ text, format });
	});
	return {
		result,
		cancel: () => {
			worker.terminate();
			settle?.reject(new Error('cancelled'));
		}
	};
}
