import { describe, expect, it } from 'vitest';
import { computeReadiness } from './readiness';
import {
	applyOverrides,
	isRegression,
	regressionsFirst,
	scenarioChanges,
	withOverrides
} from './scenario';
import { capability, evidence, item, model, need, workspace } from '../../test-support/testing';

const AS_OF = '2026-11-27';
const ws = workspace({
	capabilities: [capability('acc'), capability('json')],
	models: [
		model('old', 'production'),
		model('next', 'announced', { expectedAt: '2027-03-01' }),
		model('alt', 'available')
	],
	evidence: [
		evidence('old', 'acc', 92),
		evidence('old', 'json', 99),
		evidence('next', 'acc', 97),
		evidence('alt', 'json', 99.5)
	],
	items: [
		item('triage', [need('acc', 90), need('json', 98)]),
		item('agent', [need('acc', 95)]),
		item('static', [])
	]
});

describe('scenarios', () => {
	it('overrides status and expected date without touching the saved models', () => {
		const models = applyOverrides(ws.models, [
			{ modelId: 'next', status: 'available', expectedAt: '2026-12-01' }
		]);
		expect(models[1]).toMatchObject({ status: 'available', expectedAt: '2026-12-01' });
		expect(ws.models[1]).toMatchObject({ status: 'announced', expectedAt: '2027-03-01' });
	});

	it('lists only the items whose readiness changes, from → to', () => {
		const adopt = scenarioChanges(ws, [{ modelId: 'next', status: 'production' }], AS_OF);
		expect(adopt.map((c) => [c.itemId, c.from, c.to])).toEqual([['agent', 'unverified', 'ready']]);

		const replace = scenarioChanges(
			ws,
			[
				{ modelId: 'next', status: 'production' },
				{ modelId: 'old', status: 'retired' }
			],
			AS_OF
		);
		expect(replace.map((c) => [c.itemId, c.from, c.to])).toEqual([
			['triage', 'ready', 'unverified'],
			['agent', 'unverified', 'ready']
		]);
	});

	it('tells a scenario one way: regressions first, then the rest, each in workspace order', () => {
		const overrides = [
			{ modelId: 'next', status: 'production' as const },
			{ modelId: 'old', status: 'retired' as const }
		];
		// `agent` comes first in this workspace but is an improvement; `triage` regresses.
		const reordered = { ...ws, items: [ws.items[1]!, ws.items[0]!, ws.items[2]!] };
		const changes = scenarioChanges(reordered, overrides, AS_OF);
		expect(changes.map((c) => [c.itemId, isRegression(c)])).toEqual([
			['triage', true],
			['agent', false]
		]);
		// Readiness already computed (as the Scenario page has it) gives the same answer.
		const before = computeReadiness(reordered, AS_OF);
		const after = computeReadiness(withOverrides(reordered, overrides), AS_OF);
		expect(scenarioChanges(reordered, overrides, AS_OF, { before, after })).toEqual(changes);
	});

	it('puts regressions first', () => {
		const changes = scenarioChanges(
			ws,
			[
				{ modelId: 'next', status: 'production' },
				{ modelId: 'old', status: 'retired' }
			],
			AS_OF
		);
		expect(regressionsFirst([...changes].reverse()).map((c) => c.itemId)).toEqual([
			'triage',
			'agent'
		]);
		expect(isRegression({ from: 'upgrade', to: 'waiting' })).toBe(true);
		expect(isRegression({ from: 'waiting', to: 'unverified' })).toBe(false);
	});

	it('ships a model set to production with a future date in that quarter, not the as-of quarter', () => {
		const change = (expectedAt?: string) =>
			scenarioChanges(
				ws,
				[{ modelId: 'next', status: 'production', ...(expectedAt ? { expectedAt } : {}) }],
				AS_OF
			);
		// `next` keeps its announced date (2027-03-01) unless the scenario gives another.
		expect(change().map((c) => [c.itemId, c.to, c.after.earliestQuarter])).toEqual([
			['agent', 'ready', '2027-Q1']
		]);
		expect(change('2027-08-15').map((c) => [c.itemId, c.to, c.after.earliestQuarter])).toEqual([
			['agent', 'ready', '2027-Q3']
		]);
		expect(change('2026-10-01')[0]!.after.earliestQuarter).toBe('2026-Q4');
	});

	it('keeps an item in the as-of quarter when a production model of today also meets it', () => {
		// `alt` now meets triage too and, on equal confidence, is the via (smaller id); the item
		// still ships today on `old`.
		const both = { ...ws, evidence: [...ws.evidence, evidence('alt', 'acc', 95)] };
		const after = computeReadiness(
			withOverrides(both, [{ modelId: 'alt', status: 'production', expectedAt: '2027-08-15' }]),
			AS_OF
		)[0]!;
		expect(after).toMatchObject({ readiness: 'ready', earliestQuarter: '2026-Q4' });
		expect(after.parts[0]!.via).toBe('alt');
	});

	it('changes nothing for an item when the overridden model fills none of its roles', () => {
		const withEmbedder = {
			...ws,
			models: [...ws.models, model('embedder', 'announced', { roles: ['embedding'] })],
			evidence: [...ws.evidence, evidence('embedder', 'acc', 99)]
		};
		expect(
			scenarioChanges(withEmbedder, [{ modelId: 'embedder', status: 'production' }], AS_OF)
		).toEqual([]);
	});
});
