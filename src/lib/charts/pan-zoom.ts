/**
 * Pan and zoom as plain transform arithmetic: the view shows content point p at screen point
 * p * k + (x, y). Pure, so it is tested without a browser; the map applies the result as one CSS
 * transform on a composited layer, which pans without repainting a single node.
 */
export interface View {
	x: number;
	y: number;
	k: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 4;

const clampScale = (k: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, k));

export function panBy(view: View, dx: number, dy: number): View {
	return { ...view, x: view.x + dx, y: view.y + dy };
}

/** Zooms by `factor`, keeping the content under screen point (px, py) where it is. */
export function zoomAround(view: View, factor: number, px: number, py: number): View {
	const k = clampScale(view.k * factor);
	const applied = k / view.k;
	return { k, x: px - (px - view.x) * applied, y: py - (py - view.y) * applied };
}

/** Fits content of the given size into the viewport, centred, with a margin; never above 1:1. */
export function fitView(
	content: { width: number; height: number },
	viewport: { width: number; height: number },
	margin = 16
): View {
	const k = clampScale(
		Math.min(
			1,
			(viewport.width - 2 * margin) / content.width,
			(viewport.height - 2 * margin) / content.height
		)
	);
	return {
		k,
		x: (viewport.width - content.width * k) / 2,
		y: Math.max(margin, (viewport.height - content.height * k) / 2)
	};
}

/** Centres content point (cx, cy) in the viewport at the current scale. */
export function centreOn(
	view: View,
	cx: number,
	cy: number,
	viewport: { width: number; height: number }
): View {
	return { k: view.k, x: viewport.width / 2 - cx * view.k, y: viewport.height / 2 - cy * view.k };
}

export function toCss(view: View): string {
	return `translate(${view.x}px, ${view.y}px) scale(${view.k})`;
}
