/**
 * Work the first screen does not need — the offline copy of the app, the storage code on a first
 * visit — waits until that screen has painted, so it never competes with it for the network or
 * the processor. "Painted" is the browser's first contentful paint; where the browser does not
 * report paints, the next frame.
 */
let painted: Promise<void> | undefined;

/** Resolves in a task after the page's first contentful paint. */
export function firstPaint(): Promise<void> {
	painted ??= new Promise((resolve) => {
		const after = () => setTimeout(resolve);
		if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) {
			requestAnimationFrame(after);
			return;
		}
		const observer = new PerformanceObserver((list) => {
			if (list.getEntriesByName('first-contentful-paint').length === 0) return;
			observer.disconnect();
			after();
		});
		observer.observe({ type: 'paint', buffered: true });
	});
	return painted;
}
