/**
 * The capability matrix: every non-retired model (columns, grouped by status) against every
 * capability (rows, by bottleneck impact), each cell the model's effective value judged against
 * what the open roadmap asks of that capability.
 */
import type { Deciding } from '../domain/evidence';
import { satisfies, type ReadinessContext } from '../domain/readiness';
import { isCandidate } from '../domain/entities';
import type { Model } from '../domain/schemas';
import { byImpact, type CapabilityDemand } from './demand';

/**
 * `all`: meets every open must-threshold; `some`: meets some; `none`: meets none;
 * `no-demand`: known, but no open item asks for this capability; `unknown`: no evidence;
 * `not-candidate`: the capability is not of the model's role, so it is never judged on it.
 */
export type Standing = 'all' | 'some' | 'none' | 'no-demand' | 'unknown' | 'not-candidate';

export const STANDING_TEXT: Record<Standing, string> = {
	all: 'meets every open threshold',
	some: 'meets some open thresholds',
	none: 'meets no open threshold',
	'no-demand': 'no open item asks for this capability',
	unknown: 'no evidence',
	'not-candidate': "not this model's role"
};

export interface MatrixCell {
	modelId: string;
	capabilityId: string;
	standing: Standing;
	deciding?: Deciding;
	/** How many of the thresholds it meets, of how many. */
	met: number;
	asked: number;
}

export interface MatrixData {
	/** Columns: production, then available, then announced; by id within a status. */
	models: Model[];
	groups: { status: Model['status']; count: number }[];
	rows: { demand: CapabilityDemand; cells: MatrixCell[] }[];
}

const COLUMN_ORDER: Model['status'][] = ['production', 'available', 'announced'];

export function standingOf(
	direction: 'higher' | 'lower',
	value: number | undefined,
	thresholds: readonly number[]
): { standing: Standing; met: number } {
	if (value === undefined) return { standing: 'unknown', met: 0 };
	if (thresholds.length === 0) return { standing: 'no-demand', met: 0 };
	let met = 0;
	for (const t of thresholds) if (satisfies(direction, value, t)) met++;
	return { standing: met === thresholds.length ? 'all' : met > 0 ? 'some' : 'none', met };
}

export function matrixData(ctx: ReadinessContext, demand: readonly CapabilityDemand[]): MatrixData {
	const columns = COLUMN_ORDER.flatMap((status) =>
		ctx.positions[status].map((position) => ({ position, model: ctx.models[position]! }))
	);
	const rows = [...demand].sort(byImpact).map((d) => {
		const row = ctx.rows.get(d.capability.id);
		return {
			demand: d,
			cells: columns.map(({ position, model }): MatrixCell => {
				if (!isCandidate(model, d.capability))
					return {
						modelId: model.id,
						capabilityId: d.capability.id,
						standing: 'not-candidate',
						met: 0,
						asked: d.thresholds.length
					};
				const deciding = row?.[position];
				const { standing, met } = standingOf(
					d.capability.direction,
					deciding?.evidence.value,
					d.thresholds
				);
				return {
					modelId: model.id,
					capabilityId: d.capability.id,
					standing,
					...(deciding ? { deciding } : {}),
					met,
					asked: d.thresholds.length
				};
			})
		};
	});
	return {
		models: columns.map((c) => c.model),
		groups: COLUMN_ORDER.map((status) => ({ status, count: ctx.positions[status].length })).filter(
			(g) => g.count > 0
		),
		rows
	};
}
