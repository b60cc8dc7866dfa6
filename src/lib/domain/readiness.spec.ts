import { describe, expect, it } from 'vitest';
import { computeReadiness, createContext, readinessOf } from './readiness';
import { capability, evidence, item, model, need, workspace } from './testing';
import type { Item } from './schemas';
import type { Workspace } from './workspace';

const AS_OF = '2026-11-27';
const one = (ws: Workspace, it: Item = ws.items[0]!) => readinessOf(createContext(ws, AS_OF), it);

const acc = capability('acc');
const lat = capability('lat', { unit: 'ms', direction: 'lower' });

describe('requirements and verdicts (rules 3 and 4)', () => {
	it('meets a higher-is-better threshold at equality', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('prod', 'production')],
			evidence: [evidence('prod', 'acc', 90)],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({ readiness: 'ready', via: 'prod', confidence: 'high' });
	});

	it('reads a lower-is-better capability the other way', () => {
		const base = {
			capabilities: [lat],
			models: [model('prod', 'production')],
			items: [item('i', [need('lat', 800)])]
		};
		expect(one(workspace({ ...base, evidence: [evidence('prod', 'lat', 650)] })).readiness).toBe(
			'ready'
		);
		expect(one(workspace({ ...base, evidence: [evidence('prod', 'lat', 800)] })).readiness).toBe(
			'ready'
		);
		expect(one(workspace({ ...base, evidence: [evidence('prod', 'lat', 801)] })).readiness).toBe(
			'waiting'
		);
	});

	it('ignores nice-to-have requirements for readiness', () => {
		const ws = workspace({
			capabilities: [acc, lat],
			models: [model('prod', 'production')],
			evidence: [evidence('prod', 'acc', 95), evidence('prod', 'lat', 5000)],
			items: [item('i', [need('acc', 90), need('lat', 800, false)])]
		});
		expect(one(ws)).toMatchObject({ readiness: 'ready', gaps: [] });
	});

	it('calls an item with no must-requirement ready, with no via and no confidence', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [],
			items: [item('none', []), item('nice-only', [need('acc', 99, false)])]
		});
		for (const it of ws.items) {
			const r = one(ws, it);
			expect(r).toMatchObject({
				readiness: 'ready',
				confidence: null,
				gaps: [],
				earliestQuarter: '2026-Q4'
			});
			expect(r.via).toBeUndefined();
		}
	});
});

describe('item readiness (rule 5)', () => {
	it('picks the production model with the highest confidence, ties to the smaller id', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [
				model('b-prod', 'production'),
				model('a-prod', 'production'),
				model('c-prod', 'production')
			],
			evidence: [
				evidence('a-prod', 'acc', 95, { kind: 'vendor-claim' }),
				evidence('b-prod', 'acc', 91, { kind: 'benchmark' }),
				evidence('c-prod', 'acc', 92, { kind: 'internal-eval' })
			],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({ readiness: 'ready', via: 'b-prod', confidence: 'high' });
	});

	it('is ready when any of several production models meets, even if another fails', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('a', 'production'), model('b', 'production')],
			evidence: [evidence('a', 'acc', 50), evidence('b', 'acc', 95)],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({ readiness: 'ready', via: 'b' });
	});

	it('needs an upgrade when only available models meet, listing every target', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [
				model('prod', 'production'),
				model('z-new', 'available'),
				model('a-new', 'available'),
				model('weak', 'available')
			],
			evidence: [
				evidence('prod', 'acc', 80),
				evidence('z-new', 'acc', 95, { kind: 'user-research' }),
				evidence('a-new', 'acc', 93, { kind: 'vendor-claim' }),
				evidence('weak', 'acc', 70)
			],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({
			readiness: 'upgrade',
			targets: ['a-new', 'z-new'],
			confidence: 'medium',
			earliestQuarter: '2026-Q4',
			gaps: [{ capabilityId: 'acc', threshold: 90, best: 95, bestModelId: 'z-new' }]
		});
	});

	it('is unverified when a usable model has no evidence, listing the evals worth running', () => {
		const ws = workspace({
			capabilities: [acc, lat],
			models: [model('prod', 'production'), model('new', 'available'), model('soon', 'announced')],
			evidence: [
				evidence('prod', 'acc', 80),
				evidence('prod', 'lat', 500),
				evidence('soon', 'acc', 99)
			],
			items: [item('i', [need('acc', 90), need('lat', 800)])]
		});
		expect(one(ws)).toMatchObject({
			readiness: 'unverified',
			missing: [
				{ modelId: 'new', capabilityId: 'acc' },
				{ modelId: 'new', capabilityId: 'lat' }
			],
			confidence: null,
			earliestQuarter: null
		});
	});

	it('does not list pairs of models that already fail', () => {
		const ws = workspace({
			capabilities: [acc, lat],
			models: [model('prod', 'production'), model('new', 'available')],
			evidence: [evidence('prod', 'acc', 80), evidence('new', 'acc', 99)],
			items: [item('i', [need('acc', 90), need('lat', 800)])]
		});
		expect(one(ws).missing).toEqual([{ modelId: 'new', capabilityId: 'lat' }]);
	});

	it('waits when no usable model meets, expecting announced models that do', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [
				model('prod', 'production'),
				model('late', 'announced', { expectedAt: '2027-08-01' }),
				model('early', 'announced', { expectedAt: '2027-02-15' }),
				model('undated', 'announced'),
				model('too-weak', 'announced', { expectedAt: '2026-12-01' })
			],
			evidence: [
				evidence('prod', 'acc', 80),
				evidence('late', 'acc', 95, { kind: 'vendor-claim' }),
				evidence('early', 'acc', 91, { kind: 'vendor-claim' }),
				evidence('undated', 'acc', 99, { kind: 'anecdote' }),
				evidence('too-weak', 'acc', 85)
			],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({
			readiness: 'waiting',
			expected: [
				{ modelId: 'early', expectedAt: '2027-02-15' },
				{ modelId: 'late', expectedAt: '2027-08-01' },
				{ modelId: 'undated', expectedAt: null }
			],
			earliestQuarter: '2027-Q1',
			gaps: [{ capabilityId: 'acc', threshold: 90, best: 80, bestModelId: 'prod' }]
		});
	});

	it('has a null earliest quarter when only undated announced models meet', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('undated', 'announced')],
			evidence: [evidence('undated', 'acc', 99)],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({ readiness: 'waiting', earliestQuarter: null });
	});

	it('ignores retired models entirely', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('old', 'retired'), model('prod', 'production')],
			evidence: [evidence('old', 'acc', 99), evidence('prod', 'acc', 50)],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({
			readiness: 'waiting',
			expected: [],
			gaps: [{ capabilityId: 'acc', threshold: 90, best: 50, bestModelId: 'prod' }]
		});
	});

	it('reports gaps with no known value as null', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('soon', 'announced')],
			evidence: [],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws).gaps).toEqual([
			{ capabilityId: 'acc', threshold: 90, best: null, bestModelId: null }
		]);
	});

	it('reports a gap only for must-requirements production fails, best value direction-aware', () => {
		const ws = workspace({
			capabilities: [acc, lat],
			models: [model('b', 'production'), model('a', 'available'), model('c', 'available')],
			evidence: [
				evidence('b', 'acc', 95),
				evidence('b', 'lat', 900),
				evidence('a', 'lat', 700),
				evidence('c', 'lat', 700)
			],
			items: [item('i', [need('acc', 90), need('lat', 500)])]
		});
		expect(one(ws).gaps).toEqual([
			{ capabilityId: 'lat', threshold: 500, best: 700, bestModelId: 'a' }
		]);
	});
});

describe('item confidence (rule 6)', () => {
	it('is the weakest deciding evidence of the deciding model', () => {
		const ws = workspace({
			capabilities: [acc, lat],
			models: [model('prod', 'production')],
			evidence: [
				evidence('prod', 'acc', 95),
				evidence('prod', 'lat', 500, { kind: 'internal-eval', observedAt: '2025-01-01' })
			],
			items: [item('i', [need('acc', 90), need('lat', 800)])]
		});
		expect(one(ws).confidence).toBe('medium');
	});

	it('for an upgrade is taken from the target for which it is highest', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('a', 'available'), model('b', 'available')],
			evidence: [
				evidence('a', 'acc', 95, { kind: 'anecdote' }),
				evidence('b', 'acc', 91, { kind: 'benchmark' })
			],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({ readiness: 'upgrade', confidence: 'high' });
	});
});

describe('over-promised (rule 8)', () => {
	const ws = (
		status: Item['status'],
		quarter: string | undefined,
		value: number,
		expectedAt?: string
	) =>
		workspace({
			capabilities: [acc],
			models: [model('soon', 'announced', expectedAt ? { expectedAt } : {})],
			evidence: [evidence('soon', 'acc', value)],
			items: [item('i', [need('acc', 90)], { status, ...(quarter ? { quarter } : {}) })]
		});

	it('flags a planned item whose earliest quarter is later than its quarter', () => {
		expect(one(ws('planned', '2026-Q4', 95, '2027-02-01')).overPromised).toBe(true);
		expect(one(ws('planned', '2027-Q1', 95, '2027-02-01')).overPromised).toBe(false);
	});

	it('flags an in-progress item with a null earliest quarter', () => {
		const r = one(ws('in-progress', '2027-Q4', 50));
		expect(r.earliestQuarter).toBeNull();
		expect(r.overPromised).toBe(true);
	});

	it('does not flag ideas, shipped or cut items, or items with no quarter', () => {
		for (const status of ['idea', 'shipped', 'cut'] as const)
			expect(one(ws(status, '2026-Q4', 50)).overPromised).toBe(false);
		expect(one(ws('planned', undefined, 50)).overPromised).toBe(false);
	});
});

describe('computeReadiness', () => {
	it('returns one result per item in workspace order, whatever the status', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('prod', 'production')],
			evidence: [evidence('prod', 'acc', 95)],
			items: [
				item('b', [need('acc', 90)], { status: 'cut' }),
				item('a', [need('acc', 99)], { status: 'shipped' })
			]
		});
		expect(computeReadiness(ws, AS_OF).map((r) => [r.itemId, r.readiness])).toEqual([
			['b', 'ready'],
			['a', 'waiting']
		]);
	});
});
