/**
 * The gap chart's per-row domain. It starts at zero (or the lowest value, if negative), so a gap
 * looks as big as it is: a 92 % → 93 % step stays a small step instead of filling the row. It is
 * ordered so that "better" is always to the right — for a `lower` capability (latency, cost) the
 * domain runs from high to zero. Percentages end at 100.
 */
export function gapScale(
	direction: 'higher' | 'lower',
	unit: string,
	best: number | null,
	thresholds: readonly number[]
): [number, number] {
	const values = best === null ? [...thresholds] : [best, ...thresholds];
	const low = Math.min(0, ...values);
	const high = Math.max(...values);
	const end =
		unit.trim() === '%' && high <= 100 ? 100 : high + (high - low) * 0.1 || Math.abs(high) || 1;
	return direction === 'higher' ? [low, end] : [end, low];
}
