/** Timing helpers for `npm run bench`: the median of a few runs (or a percentile), printed beside its target. */
import { performance } from 'node:perf_hooks';

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The smallest value that `p` percent of the values are at or below (nearest rank). */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function time(runs: number, work: () => unknown): number {
	work(); // warm-up: the JIT and caches, as a user's second click would see them
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		work();
		samples.push(performance.now() - start);
	}
	return median(samples);
}

export function report(label: string, value: number, target: number, unit = 'ms'): void {
	const verdict = value <= target ? 'ok  ' : 'OVER';
	// A ratio to two places, so that 1.34 does not print as an "OVER" 1.3.
	const shown = value.toFixed(unit === '×' ? 2 : 1);
	console.log(
		`${verdict} ${label.padEnd(58)} ${shown.padStart(8)} ${unit}   (target ≤ ${target} ${unit})`
	);
}
