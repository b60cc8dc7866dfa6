import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeReadiness, createContext } from '../domain/readiness';
import { capability, evidence, item, model, need, workspace } from '../../test-support/testing';
import type { Workspace } from '../domain/workspace';
import { byImpact, capabilityDemand } from './demand';
import { gapScale } from './gap-scale';
import { gapData } from './gaps';
import { mapGraph } from './map-data';
import { layoutMap, MAP_GEOMETRY } from './map-layout';
import { matrixData, standingOf } from './matrix';
import { fitView, panBy, zoomAround, MAX_SCALE, MIN_SCALE } from './pan-zoom';
import { scenarioTimeline } from './scenario-timeline';
import { fractionOfQuarter, quarterRange, timelineData } from './timeline';
import { visibleRows } from './visible-rows';
import { element, escapeXml } from './svg-markup';

const AS_OF = '2026-11-27';

/** Accuracy needs 90 (one item) and 80 (another); latency (lower) needs 500. */
function fixture(): Workspace {
	return workspace({
		capabilities: [capability('acc'), capability('lat', { unit: 'ms', direction: 'lower' })],
		models: [
			model('prod', 'production'),
			model('avail', 'available'),
			model('next', 'announced', { expectedAt: '2027-02-15' }),
			model('old', 'retired')
		],
		evidence: [
			evidence('prod', 'acc', 85),
			evidence('avail', 'acc', 88),
			evidence('next', 'acc', 95),
			evidence('old', 'acc', 99),
			evidence('prod', 'lat', 700),
			evidence('avail', 'lat', 450)
		],
		items: [
			item('hard', [need('acc', 90), need('lat', 500)], { quarter: '2026-Q4' }),
			item('easy', [need('acc', 80)], { quarter: '2027-Q1' }),
			item('fast', [need('lat', 500)], { quarter: '2027-Q2' }),
			item('done', [need('acc', 99)], { status: 'shipped', quarter: '2026-Q3' }),
			item('loose', [need('acc', 99, false)], { status: 'idea' })
		]
	});
}

function setup(ws = fixture()) {
	const ctx = createContext(ws, AS_OF);
	const readiness = new Map(computeReadiness(ws, AS_OF).map((r) => [r.itemId, r]));
	return { ws, ctx, readiness, demand: capabilityDemand(ctx, ws.capabilities, ws.items) };
}

describe('capability demand', () => {
	it('counts open must-requirements, finds the best usable value and the bottleneck', () => {
		const { demand } = setup();
		const acc = demand.find((d) => d.capability.id === 'acc')!;
		// The shipped item and the nice-to-have ask nothing; retired and announced models are not usable.
		expect(acc).toMatchObject({ dependents: 2, thresholds: [80, 90], strictest: 90, blocked: 1 });
		expect(acc.best).toMatchObject({ value: 88, modelId: 'avail' });
		expect(acc.bottleneck).toBe(true);
		const lat = demand.find((d) => d.capability.id === 'lat')!;
		expect(lat.best).toMatchObject({ value: 450, modelId: 'avail' });
		expect(lat).toMatchObject({ bottleneck: false, blocked: 0, strictest: 500 });
		expect([...demand].sort(byImpact)[0]!.capability.id).toBe('acc');
	});
});

describe('dependency map', () => {
	it('shows open items and every capability; a filter keeps only what the shown items need', () => {
		const { ws, readiness, demand } = setup();
		const all = mapGraph(ws, readiness, demand, { quarter: '', readiness: '' });
		expect(all.items.map((e) => e.item.id)).toEqual(['hard', 'easy', 'fast', 'loose']);
		expect(all.capabilities).toHaveLength(2);
		expect(all.edges.find((e) => e.itemId === 'loose')).toMatchObject({ must: false });
		const q = mapGraph(ws, readiness, demand, { quarter: '2027-Q1', readiness: '' });
		expect(q.items.map((e) => e.item.id)).toEqual(['easy']);
		expect(q.capabilities.map((d) => d.capability.id)).toEqual(['acc']);
		const none = mapGraph(ws, readiness, demand, { quarter: 'none', readiness: '' });
		expect(none.items.map((e) => e.item.id)).toEqual(['loose']);
	});

	const graphs = fc
		.record({ items: fc.integer({ min: 0, max: 60 }), caps: fc.integer({ min: 1, max: 15 }) })
		.chain(({ items, caps }) =>
			fc.record({
				items: fc.constant(items),
				caps: fc.constant(caps),
				edges: fc.array(
					fc.record({
						item: fc.integer({ min: 0, max: Math.max(0, items - 1) }),
						cap: fc.integer({ min: 0, max: caps - 1 })
					}),
					{ maxLength: items * 3 }
				)
			})
		);

	it('places every node once, inside the drawing, items evenly spaced, capabilities never overlapping', () => {
		fc.assert(
			fc.property(graphs, ({ items, caps, edges }) => {
				const layout = layoutMap(
					Array.from({ length: items }, (_, i) => ({ id: `i${i}`, label: `i${i}` })),
					Array.from({ length: caps }, (_, c) => ({ id: `c${c}`, label: `c${c}`, weight: c })),
					items === 0 ? [] : edges.map((e) => ({ itemId: `i${e.item}`, capabilityId: `c${e.cap}` }))
				);
				expect(layout.nodes).toHaveLength(items + caps);
				expect(new Set(layout.nodes.map((n) => `${n.kind}:${n.id}`)).size).toBe(items + caps);
				for (const n of layout.nodes) {
					expect(n.x).toBeGreaterThanOrEqual(0);
					expect(n.x).toBeLessThanOrEqual(layout.width);
					expect(n.y - n.r).toBeGreaterThanOrEqual(0);
					expect(n.y + n.r).toBeLessThanOrEqual(layout.height);
				}
				const capsByY = layout.nodes
					.filter((n) => n.kind === 'capability')
					.sort((a, b) => a.y - b.y);
				for (let i = 1; i < capsByY.length; i++)
					expect(capsByY[i]!.y - capsByY[i]!.r).toBeGreaterThanOrEqual(
						capsByY[i - 1]!.y + capsByY[i - 1]!.r
					);
				const left = layout.nodes.filter((n) => n.side === 'left').map((n) => n.y);
				const gaps = new Set(left.slice(1).map((y, i) => Math.round((y - left[i]!) * 1000)));
				expect(gaps.size).toBeLessThanOrEqual(1);
			})
		);
	});

	it('puts each capability level with its items when there is room, and lays out 2,000 nodes', () => {
		const layout = layoutMap(
			[
				{ id: 'a', label: 'a' },
				{ id: 'b', label: 'b' }
			],
			[{ id: 'c', label: 'c', weight: 2 }],
			[
				{ itemId: 'a', capabilityId: 'c' },
				{ itemId: 'b', capabilityId: 'c' }
			]
		);
		const [a, b, c] = ['a', 'b', 'c'].map((id) => layout.nodes.find((n) => n.id === id)!);
		expect(a!.side).not.toBe(b!.side);
		expect(c!.y).toBeGreaterThanOrEqual(Math.min(a!.y, b!.y) - MAP_GEOMETRY.row);

		const big = layoutMap(
			Array.from({ length: 1700 }, (_, i) => ({ id: `i${i}`, label: '' })),
			Array.from({ length: 300 }, (_, c) => ({ id: `c${c}`, label: '', weight: c % 17 })),
			Array.from({ length: 1700 * 2 }, (_, e) => ({
				itemId: `i${e % 1700}`,
				capabilityId: `c${(e * 7) % 300}`
			}))
		);
		expect(big.nodes).toHaveLength(2000);
	});
});

describe('pan and zoom', () => {
	it('keeps the point under the pointer still while zooming, within the scale limits', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0.05, max: 3, noNaN: true }),
				fc.double({ min: 0.5, max: 2, noNaN: true }),
				fc.double({ min: 0, max: 1000, noNaN: true }),
				fc.double({ min: 0, max: 800, noNaN: true }),
				(k, factor, px, py) => {
					const view = { x: 30, y: -40, k };
					const next = zoomAround(view, factor, px, py);
					const contentX = (px - view.x) / view.k;
					const contentY = (py - view.y) / view.k;
					expect(contentX * next.k + next.x).toBeCloseTo(px, 6);
					expect(contentY * next.k + next.y).toBeCloseTo(py, 6);
					expect(next.k).toBeGreaterThanOrEqual(MIN_SCALE);
					expect(next.k).toBeLessThanOrEqual(MAX_SCALE);
				}
			)
		);
		expect(panBy({ x: 1, y: 2, k: 3 }, 10, -5)).toEqual({ x: 11, y: -3, k: 3 });
	});

	it('fits content inside the viewport, never magnified', () => {
		const view = fitView({ width: 2000, height: 1000 }, { width: 1000, height: 800 }, 0);
		expect(view.k).toBe(0.5);
		expect(view.x).toBe(0);
		expect(fitView({ width: 100, height: 100 }, { width: 1000, height: 800 }).k).toBe(1);
	});
});

describe('capability matrix', () => {
	it('judges a value against every open threshold, direction-aware', () => {
		expect(standingOf('higher', 85, [80, 90])).toEqual({ standing: 'some', met: 1 });
		expect(standingOf('higher', 95, [80, 90])).toEqual({ standing: 'all', met: 2 });
		expect(standingOf('lower', 600, [500])).toEqual({ standing: 'none', met: 0 });
		expect(standingOf('higher', 50, [])).toEqual({ standing: 'no-demand', met: 0 });
		expect(standingOf('higher', undefined, [80])).toEqual({ standing: 'unknown', met: 0 });
	});

	it('has a cell per non-retired model and capability, columns grouped by status', () => {
		const { ctx, demand } = setup();
		const data = matrixData(ctx, demand);
		expect(data.models.map((m) => m.id)).toEqual(['prod', 'avail', 'next']);
		expect(data.groups.map((g) => g.status)).toEqual(['production', 'available', 'announced']);
		expect(data.rows.map((r) => r.demand.capability.id)).toEqual(['acc', 'lat']);
		const acc = data.rows[0]!.cells;
		expect(acc.map((c) => c.standing)).toEqual(['some', 'some', 'all']);
		expect(data.rows[1]!.cells.map((c) => c.standing)).toEqual(['none', 'all', 'unknown']);
	});
});

describe('readiness timeline', () => {
	it('lists quarters, ranks over-promised items first, and marks announced models', () => {
		const { ws, readiness } = setup();
		const data = timelineData(ws.items, readiness, ws.models, AS_OF);
		expect(data.rows[0]!.item.id).toBe('hard');
		expect(data.rows[0]!.result.overPromised).toBe(true);
		expect(data.rows.map((r) => r.item.id).sort()).toEqual(['easy', 'fast', 'hard']);
		expect(data.unplanned).toBe(1);
		expect(data.markers.map((m) => m.quarter)).toEqual(['2027-Q1']);
		expect(data.quarters).toEqual(quarterRange('2026-Q4', '2027-Q2'));
	});

	it('places dates within their quarter', () => {
		expect(quarterRange('2026-Q3', '2027-Q1')).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
		expect(fractionOfQuarter('2027-01-01')).toBe(0);
		expect(fractionOfQuarter('2027-02-15')).toBeCloseTo(45 / 90, 5);
		expect(fractionOfQuarter('2026-12-31')).toBeLessThan(1);
	});

	it('says which items a scenario moves, and what they were', () => {
		const { ws, readiness } = setup();
		const s = scenarioTimeline(ws, readiness, [{ modelId: 'next', status: 'production' }], AS_OF);
		expect(s.readiness.get('hard')!.readiness).not.toBe(readiness.get('hard')!.readiness);
		expect(s.changed.get('hard')).toBe('waiting on a capability');
		expect(scenarioTimeline(ws, readiness, [], AS_OF).changed.size).toBe(0);
	});
});

describe('gap chart', () => {
	it('steps from the best usable value to each blocked threshold, with what each would unlock', () => {
		const { ws, demand } = setup();
		const gaps = gapData(demand, ws.items);
		expect(gaps.map((g) => g.demand.capability.id)).toEqual(['acc']);
		// 'hard' needs acc ≥ 90; latency 500 is met by the available model, so acc alone blocks it.
		expect(gaps[0]!.steps).toEqual([{ threshold: 90, reached: ['hard'], unlocked: ['hard'] }]);
	});

	it('always puts "better" to the right and starts from zero', () => {
		expect(gapScale('higher', '%', 88, [90, 95])).toEqual([0, 100]);
		expect(gapScale('lower', 'ms', 700, [500])).toEqual([770, 0]);
		const [from, to] = gapScale('higher', 'score', null, [3]);
		expect(from).toBe(0);
		expect(to).toBeGreaterThan(3);
	});
});

describe('visible rows', () => {
	it('covers the view with some rows either side, within the chart', () => {
		expect(visibleRows(0, 500, 100, 20, 1000, 5)).toEqual({ from: 0, to: 25 });
		expect(visibleRows(2000, 500, 100, 20, 1000, 5)).toEqual({ from: 90, to: 125 });
		expect(visibleRows(50_000, 500, 100, 20, 1000, 5)).toEqual({ from: 1000, to: 1000 });
		expect(visibleRows(0, 500, 100, 20, 3)).toEqual({ from: 0, to: 3 });
	});
});

describe('SVG markup', () => {
	it('escapes workspace text in content and attributes', () => {
		const title = `<script>alert(1)</script> & "quotes" 'too'`;
		const markup = element('text', { 'aria-label': title, x: 1, hidden: false }, escapeXml(title));
		expect(markup).toBe(
			'<text aria-label="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &apos;too&apos;" x="1">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &apos;too&apos;</text>'
		);
	});
});
