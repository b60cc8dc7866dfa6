/** Short messages at the foot of the screen, some with an Undo. */
export interface Toast {
	id: number;
	message: string;
	undo?: () => Promise<void>;
}

class Toasts {
	list = $state<Toast[]>([]);
	#next = 1;

	show(message: string, undo?: () => Promise<void>): void {
		const id = this.#next++;
		this.list.push({ id, message, undo });
		setTimeout(() => this.dismiss(id), undo ? 12_000 : 5_000);
	}

	dismiss(id: number): void {
		this.list = this.list.filter((t) => t.id !== id);
	}
}

export const toasts = new Toasts();
