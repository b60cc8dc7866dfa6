import { describe, expect, it } from 'vitest';
import { relink } from './relink';

describe('relink: an undone delete gives back its links, and nothing else', () => {
	const back = new Map([
		['items', new Set(['b'])],
		['capabilities', new Set(['cap'])],
		['models', new Set(['m'])]
	] as const);

	it('puts a returning id back in its old place among the links still there', () => {
		const before = { id: 'd', title: 'Old', itemIds: ['a', 'b', 'c'] };
		const now = { id: 'd', title: 'New', itemIds: ['c', 'a', 'x'] };
		expect(relink('decisions', now, before, back)).toEqual({
			id: 'd',
			title: 'New',
			itemIds: ['c', 'a', 'b', 'x']
		});
	});

	it('gives back a requirement and a single link, not a link someone removed on purpose', () => {
		const requirement = { capabilityId: 'cap', level: 'must' };
		expect(
			relink(
				'items',
				{ id: 'i', requirements: [{ capabilityId: 'other' }] },
				{ id: 'i', requirements: [requirement, { capabilityId: 'other' }] },
				back
			).requirements
		).toEqual([requirement, { capabilityId: 'other' }]);
		expect(relink('findings', { id: 'f' }, { id: 'f', modelId: 'm' }, back)).toEqual({
			id: 'f',
			modelId: 'm'
		});
		// A link to a record that is not coming back stays as it is now.
		expect(relink('findings', { id: 'f' }, { id: 'f', capabilityId: 'gone' }, back)).toEqual({
			id: 'f'
		});
	});
});
