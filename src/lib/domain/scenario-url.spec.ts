import { describe, expect, it } from 'vitest';
import { readScenarioParams, scenarioQuery } from './scenario-url';

const models = new Set(['gpt-5', 'gpt-4o', 'odd~id']);

describe('a scenario in the URL', () => {
	it('round-trips statuses and ship dates', () => {
		const overrides = [
			{ modelId: 'gpt-5', status: 'production' as const, expectedAt: '2027-02-15' },
			{ modelId: 'gpt-4o', status: 'retired' as const },
			{ modelId: 'odd~id', status: 'available' as const }
		];
		const query = scenarioQuery(overrides);
		expect(query).toBe(
			'model=gpt-5~production~2027-02-15&model=gpt-4o~retired&model=odd~id~available'
		);
		expect(readScenarioParams(new URLSearchParams(query), models)).toEqual({
			overrides,
			ignored: []
		});
	});

	it('names what a hand-edited link got wrong and keeps the rest', () => {
		const read = readScenarioParams(
			new URLSearchParams(
				'model=claude~production&model=gpt-5~shipping&model=gpt-4o~retired&model=gpt-4o~production'
			),
			models
		);
		expect(read.overrides).toEqual([{ modelId: 'gpt-4o', status: 'retired' }]);
		expect(read.ignored).toEqual([
			'no model “claude”',
			'“shipping” is not a model status (for gpt-5)',
			'gpt-4o named twice (the first kept)'
		]);
	});
});
