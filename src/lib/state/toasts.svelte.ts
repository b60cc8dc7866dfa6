/**
 * Short messages at the foot of the screen: confirmations (some with an Undo), which go after a
 * few seconds, and failures, which stay until dismissed and are announced at once.
 */
import type { WriteResult } from './write-result';

export interface Toast {
	id: number;
	message: string;
	/** A failure: shown as an alert, kept until dismissed. */
	error: boolean;
	undo?: () => Promise<WriteResult<unknown> | void>;
}

class Toasts {
	#list = $state<Toast[]>([]);
	#next = 1;

	get list(): readonly Toast[] {
		return this.#list;
	}

	show(message: string, undo?: () => Promise<WriteResult<unknown> | void>): void {
		const id = this.#next++;
		this.#list.push({ id, message, error: false, undo });
		setTimeout(() => this.dismiss(id), undo ? 12_000 : 5_000);
	}

	/** A failure in words; it stays until dismissed. */
	fail(message: string): void {
		this.#list.push({ id: this.#next++, message, error: true });
	}

	/** Runs a toast's Undo; a failed undo says why. */
	async undo(toast: Toast): Promise<void> {
		const result = await toast.undo?.();
		this.dismiss(toast.id);
		if (result && !result.ok) this.fail(result.failure.message);
	}

	dismiss(id: number): void {
		this.#list = this.#list.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
