/**
 * Which rows of a tall chart to draw: those in the scrolled view, plus some above and below so a
 * scroll shows drawn rows at once. Charts draw every row when printing or saving.
 */
export function visibleRows(
	scrollTop: number,
	viewportHeight: number,
	header: number,
	rowHeight: number,
	count: number,
	overscan = 10
): { from: number; to: number } {
	const first = Math.floor((scrollTop - header) / rowHeight) - overscan;
	const last = Math.ceil((scrollTop + viewportHeight - header) / rowHeight) + overscan;
	const to = Math.min(count, Math.max(0, last));
	return { from: Math.min(to, Math.max(0, first)), to };
}
