import { describe, expect, it } from 'vitest';
import { otherPeople } from './presence';

describe('who else is here', () => {
	it('leaves out this tab and this browser’s other tabs', () => {
		const states: [number, unknown][] = [
			[1, { user: { name: 'Ana', page: '/', device: 'ana-laptop' } }],
			[2, { user: { name: 'Ana', page: '/models', device: 'ana-laptop' } }],
			[3, { user: { name: 'Ben', page: '/items', device: 'ben-laptop' } }],
			[4, { user: { name: 'Ana', device: 'ana-phone' } }],
			[5, {}]
		];
		expect(otherPeople(states, { clientId: 1, device: 'ana-laptop' })).toEqual([
			{ clientId: 4, name: 'Ana', page: '/' },
			{ clientId: 3, name: 'Ben', page: '/items' }
		]);
	});
});
