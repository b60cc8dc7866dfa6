/**
 * The page's handle on one import: a dedicated worker (see ingest.worker.ts) that holds the
 * parsed file between the steps. Requests return promises; a preview answered after a newer one
 * was asked for is dropped, and the worker may send a fresh preview by itself when the workspace
 * changes. `close()` terminates the worker, which also cancels whatever it was doing.
 */
import type { EvidenceKind } from '../domain/schemas';
import type { Format } from './detect';
import type { ResultsMap } from './ingest';
import type {
	CommitResult,
	CreatedOnMapping,
	FileSummary,
	IngestPreview,
	IngestRequest,
	IngestResponse,
	Progress
} from './ingest-protocol';
import type { SharedCommit } from '../sharing/from-worker';
import IngestWorker from './ingest.worker?worker';

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void };

export class CancelledError extends Error {
	constructor() {
		super('cancelled');
	}
}

export class IngestSession {
	#worker = new IngestWorker();
	#pending = new Map<number, Pending>();
	#nextId = 1;
	#latestPreview = 0;

	constructor(
		private readonly on: {
			progress: (progress: Progress) => void;
			preview: (preview: IngestPreview) => void;
			previewFailed: (error: Error) => void;
		}
	) {
		this.#worker.onmessage = (event: MessageEvent<IngestResponse>) => this.#receive(event.data);
		this.#worker.onerror = (event) => {
			event.preventDefault();
			this.#failAll(new Error(event.message || 'the import stopped'));
		};
	}

	/** Opens a results file; `companions` are files chosen with it (lm-eval's samples files). */
	open(file: File, format: Format, companions: File[] = []): Promise<FileSummary> {
		return this.#ask<FileSummary>({ type: 'open', file, format, companions });
	}

	/** Asks for a preview; it arrives through `on.preview` (as may later, fresher ones). */
	preview(map: ResultsMap, kind: EvidenceKind, asOf: string, created: CreatedOnMapping): void {
		const id = this.#nextId;
		this.#latestPreview = id;
		this.#ask<IngestPreview>({ type: 'preview', map, kind, asOf, created }).catch(
			(error: Error) => {
				if (id === this.#latestPreview && !(error instanceof CancelledError))
					this.on.previewFailed(error);
			}
		);
	}

	/** Commits the import in one transaction; answers what was added and the triage note. */
	commit(
		map: ResultsMap,
		kind: EvidenceKind,
		asOf: string,
		created: CreatedOnMapping,
		shared?: SharedCommit
	): Promise<CommitResult> {
		this.#latestPreview = 0;
		return this.#ask<CommitResult>({
			type: 'commit',
			map,
			created,
			kind,
			asOf,
			at: new Date().toISOString(),
			...(shared ? { shared } : {})
		});
	}

	close(): void {
		this.#worker.terminate();
		this.#failAll(new CancelledError());
	}

	#ask<T>(request: DistributiveOmit<IngestRequest, 'id'>): Promise<T> {
		const id = this.#nextId++;
		return new Promise<T>((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (value: never) => void, reject });
			this.#worker.postMessage({ ...request, id } as IngestRequest);
		});
	}

	#receive(message: IngestResponse): void {
		if (message.type === 'progress') {
			if (this.#pending.has(message.id)) this.on.progress(message.progress);
			return;
		}
		if (message.type === 'preview') {
			if (message.id === this.#latestPreview) this.on.preview(message.preview);
			this.#settle(message.id, (p) => p.resolve(message.preview as never));
			return;
		}
		if (message.type === 'failed')
			this.#settle(message.id, (p) => p.reject(new Error(message.message)));
		else if (message.type === 'opened')
			this.#settle(message.id, (p) => p.resolve(message.summary as never));
		else {
			const { added, runs, note } = message;
			this.#settle(message.id, (p) => p.resolve({ added, runs, note } as never));
		}
	}

	#settle(id: number, how: (pending: Pending) => void): void {
		const pending = this.#pending.get(id);
		this.#pending.delete(id);
		if (pending) how(pending);
	}

	#failAll(error: Error): void {
		for (const pending of this.#pending.values()) pending.reject(error);
		this.#pending.clear();
	}
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
