/**
 * The rows a tall chart draws: those in its scrolled view (see visible-rows.ts), or all of them
 * while the page prints or the chart is being saved. Create it during component setup: it
 * listens for printing for as long as the component lives.
 */
import { tick } from 'svelte';
import { visibleRows } from './visible-rows';

export class RowWindow {
	scrollTop = $state(0);
	viewHeight = $state(800);
	#all = $state(false);

	constructor(private readonly shape: () => { header: number; rowHeight: number; count: number }) {
		$effect(() => {
			const all = () => (this.#all = true);
			const some = () => (this.#all = false);
			addEventListener('beforeprint', all);
			addEventListener('afterprint', some);
			return () => {
				removeEventListener('beforeprint', all);
				removeEventListener('afterprint', some);
			};
		});
	}

	readonly range = $derived.by(() => {
		const { header, rowHeight, count } = this.shape();
		return this.#all
			? { from: 0, to: count }
			: visibleRows(this.scrollTop, this.viewHeight, header, rowHeight, count);
	});

	/** True while every row is drawn (printing, saving): nothing should be pinned to the view. */
	get drawingAll(): boolean {
		return this.#all;
	}

	/** Draws every row (for saving) and waits until they are in the page. */
	async drawAll(): Promise<void> {
		this.#all = true;
		await tick();
	}

	/** Back to the rows in view. */
	release(): void {
		this.#all = false;
	}
}
