import { describe, expect, it } from 'vitest';
import { slug, uniqueId } from './ids';

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
});
