import { describe, expect, it } from 'vitest';
import { confidenceOf, decidingEvidence, indexEvidence, isStale } from './evidence';
import { evidence } from './testing';

const AS_OF = '2026-11-27';
const decide = (records: ReturnType<typeof evidence>[], staleAfterDays = 180) =>
	decidingEvidence(indexEvidence(records, AS_OF, staleAfterDays), 'm', 'c');

describe('deciding evidence (rule 1)', () => {
	it('is stale only when observed more than staleAfterDays before the as-of date', () => {
		expect(isStale(evidence('m', 'c', 1, { observedAt: '2026-05-31' }), AS_OF, 180)).toBe(false);
		expect(isStale(evidence('m', 'c', 1, { observedAt: '2026-05-30' }), AS_OF, 180)).toBe(true);
	});

	it('prefers fresh evidence of lower trust to stale evidence of higher trust', () => {
		const stale = evidence('m', 'c', 90, { kind: 'internal-eval', observedAt: '2025-01-01' });
		const fresh = evidence('m', 'c', 70, { kind: 'anecdote', observedAt: '2026-11-01' });
		expect(decide([stale, fresh])?.evidence).toBe(fresh);
	});

	it('follows the trust order internal-eval > benchmark > user-research > vendor-claim > anecdote', () => {
		const kinds = [
			'anecdote',
			'vendor-claim',
			'user-research',
			'benchmark',
			'internal-eval'
		] as const;
		const records = kinds.map((kind, i) =>
			evidence('m', 'c', i, { kind, observedAt: '2026-11-20' })
		);
		for (let n = records.length; n > 0; n--)
			expect(decide(records.slice(0, n))?.evidence.kind).toBe(kinds[n - 1]);
	});

	it('breaks ties by later date, then larger sample, then smaller id', () => {
		const older = evidence('m', 'c', 1, { id: 'a', observedAt: '2026-10-01' });
		const newer = evidence('m', 'c', 2, { id: 'b', observedAt: '2026-10-02' });
		expect(decide([older, newer])?.evidence.id).toBe('b');

		const small = evidence('m', 'c', 1, { id: 'a', sampleSize: 10 });
		const large = evidence('m', 'c', 2, { id: 'b', sampleSize: 500 });
		const missing = evidence('m', 'c', 3, { id: 'c' });
		expect(decide([small, missing, large])?.evidence.id).toBe('b');
		expect(decide([missing, small])?.evidence.id).toBe('a');

		const x = evidence('m', 'c', 1, { id: 'x' });
		const y = evidence('m', 'c', 2, { id: 'y' });
		expect(decide([y, x])?.evidence.id).toBe('x');
	});

	it('among stale evidence still applies the trust order', () => {
		const a = evidence('m', 'c', 1, { kind: 'benchmark', observedAt: '2024-01-01' });
		const b = evidence('m', 'c', 2, { kind: 'vendor-claim', observedAt: '2025-01-01' });
		expect(decide([b, a])?.evidence).toBe(a);
	});

	it('uses the workspace staleness window', () => {
		const old = evidence('m', 'c', 1, { kind: 'internal-eval', observedAt: '2026-10-01' });
		const claim = evidence('m', 'c', 2, { kind: 'vendor-claim', observedAt: '2026-11-20' });
		expect(decide([old, claim], 180)?.evidence).toBe(old);
		expect(decide([old, claim], 30)?.evidence).toBe(claim);
	});
});

describe('confidence (rule 2)', () => {
	it('is high only for fresh internal evals and benchmarks, and never for vendor claims', () => {
		expect(confidenceOf('internal-eval', false)).toBe('high');
		expect(confidenceOf('benchmark', false)).toBe('high');
		expect(confidenceOf('internal-eval', true)).toBe('medium');
		expect(confidenceOf('benchmark', true)).toBe('medium');
		expect(confidenceOf('user-research', false)).toBe('medium');
		expect(confidenceOf('user-research', true)).toBe('medium');
		expect(confidenceOf('vendor-claim', false)).toBe('low');
		expect(confidenceOf('anecdote', false)).toBe('low');
	});
});
