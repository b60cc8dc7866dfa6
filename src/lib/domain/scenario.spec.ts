import { describe, expect, it } from 'vitest';
import { applyOverrides, isRegression, regressionsFirst, scenarioChanges } from './scenario';
import { capability, evidence, item, model, need, workspace } from './testing';

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
});
