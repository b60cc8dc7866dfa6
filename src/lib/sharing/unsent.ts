/**
 * The changes made on this device that the sync server has not confirmed, counted across
 * connections, reloads and tabs. The provider's own count starts again at every connection, so a
 * device that edited offline, reloaded and is still offline would say "nothing unsent" — and
 * stopping sharing would then forget those changes without a word.
 *
 * What is known for sure is kept with the stored doc (shared-db.ts): the state vector the server
 * last confirmed it holds all of (`acknowledged`), the Yjs client ids this device has written
 * with (`clients`: one per visit), and how many changes were made since (`unsent`). Something is
 * unsent exactly while one of this device's clients is ahead of what the server confirmed; the
 * count says how many changes that is.
 */
import * as Y from 'yjs';

/** What a stored doc keeps of it (optional: rows stored before it have none). */
export interface UnsentState {
	acknowledged?: Uint8Array;
	clients?: number[];
	unsent?: number;
}

export class UnsentChanges {
	#acknowledged: Map<number, number>;
	#clients: Set<number>;
	#count: number;

	constructor(stored: UnsentState) {
		this.#acknowledged = stored.acknowledged ? Y.decodeStateVector(stored.acknowledged) : new Map();
		this.#clients = new Set(stored.clients ?? []);
		this.#count = stored.unsent ?? 0;
	}

	/** A change made here (a transaction of this tab's). */
	made(doc: Y.Doc): void {
		// Nothing was unsent (a confirmation another tab learnt may have left an old count).
		if (this.count(doc) === 0) this.#count = 0;
		this.#clients.add(doc.clientID);
		this.#count++;
	}

	/** The server confirmed it holds everything `doc` holds now. */
	confirmed(doc: Y.Doc): void {
		this.#acknowledged = mergeStateVectors(
			this.#acknowledged,
			Y.decodeStateVector(Y.encodeStateVector(doc))
		);
		this.#count = 0;
	}

	/** How many changes made on this device the server has not confirmed (0: none). */
	count(doc: Y.Doc): number {
		const now = Y.decodeStateVector(Y.encodeStateVector(doc));
		const ahead = [...this.#clients].some(
			(client) => (now.get(client) ?? 0) > (this.#acknowledged.get(client) ?? 0)
		);
		return ahead ? Math.max(1, this.#count) : 0;
	}

	/** The state to keep, merged with what another tab kept meanwhile (the later knowledge wins). */
	merged(stored: UnsentState): Required<UnsentState> {
		const other = new UnsentChanges(stored);
		this.#acknowledged = mergeStateVectors(this.#acknowledged, other.#acknowledged);
		for (const client of other.#clients) this.#clients.add(client);
		// Another tab's count, when larger, is the better guess of how many are unsent here.
		this.#count = Math.max(this.#count, other.#count);
		return {
			acknowledged: Y.encodeStateVector(this.#acknowledged),
			clients: [...this.#clients],
			unsent: this.#count
		};
	}
}

/** Each client at the further of its two clocks: what either says the server holds, it holds. */
function mergeStateVectors(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
	const merged = new Map(a);
	for (const [client, clock] of b) merged.set(client, Math.max(clock, merged.get(client) ?? 0));
	return merged;
}
