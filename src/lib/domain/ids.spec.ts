import { describe, expect, it } from 'vitest';
import { randomTag, slug, tagNewIds, uniqueId } from './ids';

describe('ids from names', () => {
	it('makes a lower-case, dash-separated id, accents folded, at most 60 characters', () => {
		expect(slug('Tool-call accuracy')).toBe('tool-call-accuracy');
		expect(slug('  Résumé → Über   ')).toBe('resume-uber');
		expect(slug('***')).toBe('');
		expect(slug('x'.repeat(100))).toHaveLength(60);
	});

	it('keeps a new id apart from the ones taken, from a list or a set', () => {
		expect(uniqueId('refund', [])).toBe('refund');
		expect(uniqueId('refund', ['refund', 'refund-2'])).toBe('refund-3');
		expect(uniqueId('refund', new Set(['refund']))).toBe('refund-2');
		expect(uniqueId('', ['item'])).toBe('item-2');
	});

	it('in a shared workspace, tags new ids with the tab’s tag, so two people adding one name at once make two records', () => {
		tagNewIds('k3f9');
		try {
			expect(uniqueId('search', ['search'])).toBe('search-k3f9');
			expect(uniqueId('search', ['search-k3f9'])).toBe('search-k3f9-2');
		} finally {
			tagNewIds('');
		}
		expect(uniqueId('search', [])).toBe('search');
		expect(randomTag()).toMatch(/^[a-z0-9]{4}$/);
	});
});
