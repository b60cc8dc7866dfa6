/** Marks shared by the charts: one shape per readiness, so colour is never the only cue. */
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';
import type { Readiness } from '../domain/readiness';

const SHAPES = {
	ready: symbolCircle,
	upgrade: symbolTriangle,
	unverified: symbolDiamond,
	waiting: symbolSquare
} as const;

/** SVG path data of each readiness marker, centred on 0,0, of the given area in px². */
export function readinessMarks(area: number): Record<Readiness, string> {
	return Object.fromEntries(
		Object.entries(SHAPES).map(([state, type]) => [state, symbol(type, area)()!])
	) as Record<Readiness, string>;
}
