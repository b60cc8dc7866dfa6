import { describe, expect, it } from 'vitest';
import {
	confidenceOf,
	decidingEvidence,
	indexEvidence,
	isBorderline,
	isSmallSample,
	isStale,
	marginOf
} from './evidence';
import { capability, evidence } from '../../test-support/testing';

const AS_OF = '2026-11-27';
const decide = (
	records: ReturnType<typeof evidence>[],
	staleAfterDays = 180,
	minSampleSize = 100,
	asOf = AS_OF
) => decidingEvidence(indexEvidence(records, asOf, { staleAfterDays, minSampleSize }), 'm', 'c');

describe('what was known on the as-of date (rule 0)', () => {
	it('ignores evidence observed after the as-of date and counts evidence observed on it', () => {
		const onTheDay = evidence('m', 'c', 70, { id: 'on', observedAt: AS_OF });
		const dayAfter = evidence('m', 'c', 95, { id: 'after', observedAt: '2026-11-28' });
		expect(decide([dayAfter])).toBeUndefined();
		expect(decide([onTheDay, dayAfter])?.evidence.id).toBe('on');
		expect(decide([onTheDay, dayAfter], 180, 100, '2026-11-28')?.evidence.id).toBe('after');
	});

	it('never lets a later record of higher trust displace what was known then', () => {
		const claim = evidence('m', 'c', 95, { id: 'claim', kind: 'vendor-claim' });
		const laterEval = evidence('m', 'c', 60, { id: 'eval', observedAt: '2027-01-10' });
		const deciding = decide([laterEval, claim]);
		expect(deciding?.evidence.id).toBe('claim');
		expect(deciding?.confidence).toBe('low');
	});
});

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

		// All adequate samples (at least minSampleSize), so only the size itself separates them.
		const smaller = evidence('m', 'c', 1, { id: 'a', sampleSize: 150 });
		const larger = evidence('m', 'c', 2, { id: 'b', sampleSize: 500 });
		const missing = evidence('m', 'c', 3, { id: 'c' });
		expect(decide([smaller, missing, larger])?.evidence.id).toBe('b');
		expect(decide([missing, smaller])?.evidence.id).toBe('a');

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

describe('small samples (rule 1)', () => {
	it('is small only when a sample size is given and below minSampleSize', () => {
		expect(isSmallSample({ sampleSize: 4 }, 100)).toBe(true);
		expect(isSmallSample({ sampleSize: 99 }, 100)).toBe(true);
		expect(isSmallSample({ sampleSize: 100 }, 100)).toBe(false);
		expect(isSmallSample({}, 100)).toBe(false);
	});

	it('lets an adequate sample of the same kind decide over a newer smoke run', () => {
		const fullEval = evidence('m', 'c', 88, {
			id: 'full',
			sampleSize: 2400,
			observedAt: '2026-09-01'
		});
		const smokeRun = evidence('m', 'c', 100, {
			id: 'smoke',
			sampleSize: 4,
			observedAt: '2026-11-20'
		});
		expect(decide([smokeRun, fullEval])?.evidence.id).toBe('full');
		expect(decide([fullEval, smokeRun])?.evidence.id).toBe('full');
	});

	it('only compares sample sizes within a kind: a small internal eval beats an adequate benchmark', () => {
		const smokeRun = evidence('m', 'c', 90, { id: 'smoke', sampleSize: 4 });
		const benchmark = evidence('m', 'c', 80, {
			id: 'bench',
			kind: 'benchmark',
			sampleSize: 5000
		});
		expect(decide([benchmark, smokeRun])?.evidence.id).toBe('smoke');
	});

	it('puts freshness first: a fresh small sample beats a stale adequate one', () => {
		const staleFull = evidence('m', 'c', 88, {
			id: 'stale',
			sampleSize: 2400,
			observedAt: '2025-01-01'
		});
		const freshSmall = evidence('m', 'c', 70, { id: 'fresh', sampleSize: 4 });
		const deciding = decide([staleFull, freshSmall]);
		expect(deciding).toMatchObject({ stale: false, small: true });
		expect(deciding?.evidence.id).toBe('fresh');
	});

	it('treats an unknown sample size as adequate, so it beats a newer small sample', () => {
		const unsized = evidence('m', 'c', 88, { id: 'unsized', observedAt: '2026-09-01' });
		const smokeRun = evidence('m', 'c', 100, {
			id: 'smoke',
			sampleSize: 4,
			observedAt: '2026-11-20'
		});
		expect(decide([smokeRun, unsized])).toMatchObject({
			small: false,
			confidence: 'high',
			evidence: { id: 'unsized' }
		});
	});

	it('reads the threshold from the workspace setting', () => {
		const forty = evidence('m', 'c', 90, { id: 'forty', sampleSize: 40 });
		const older = evidence('m', 'c', 80, { id: 'older', observedAt: '2026-06-01' });
		expect(decide([forty, older], 180, 100)?.evidence.id).toBe('older');
		expect(decide([forty, older], 180, 40)?.evidence.id).toBe('forty');
		expect(decide([forty], 180, 40)?.confidence).toBe('high');
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

	it('is medium for a small-sample internal eval or benchmark, and no higher for others', () => {
		expect(confidenceOf('internal-eval', false, true)).toBe('medium');
		expect(confidenceOf('benchmark', false, true)).toBe('medium');
		expect(confidenceOf('user-research', false, true)).toBe('medium');
		expect(confidenceOf('vendor-claim', false, true)).toBe('low');
		expect(decide([evidence('m', 'c', 90, { sampleSize: 4 })])?.confidence).toBe('medium');
		expect(decide([evidence('m', 'c', 90, { sampleSize: 400 })])?.confidence).toBe('high');
	});
});

describe('margin (rule 3)', () => {
	const percent = capability('c');
	const score = capability('c', { unit: 'score' });

	it('is the reported standard error when there is one, whatever the unit', () => {
		expect(marginOf({ value: 90, stderr: 1.5, sampleSize: 100 }, percent)).toBe(1.5);
		expect(marginOf({ value: 700, stderr: 40 }, score)).toBe(40);
		expect(marginOf({ value: 90, stderr: 0, sampleSize: 100 }, percent)).toBe(0);
	});

	it('is the binomial standard error 100·sqrt(p(1−p)/n) for a percentage with a sample size', () => {
		expect(marginOf({ value: 50, sampleSize: 100 }, percent)).toBeCloseTo(5, 12);
		expect(marginOf({ value: 90, sampleSize: 100 }, percent)).toBeCloseTo(3, 12);
		expect(marginOf({ value: 80, sampleSize: 400 }, percent)).toBeCloseTo(2, 12);
	});

	it('clamps p to [0, 1], so a value outside 0–100 has no spread', () => {
		expect(marginOf({ value: 120, sampleSize: 100 }, percent)).toBe(0);
		expect(marginOf({ value: -5, sampleSize: 100 }, percent)).toBe(0);
		expect(marginOf({ value: 100, sampleSize: 100 }, percent)).toBe(0);
	});

	it('is none without a standard error for another unit, or without a sample size', () => {
		expect(marginOf({ value: 50, sampleSize: 100 }, score)).toBeNull();
		expect(marginOf({ value: 50 }, percent)).toBeNull();
		expect(marginOf({ value: 50, sampleSize: 100 }, undefined)).toBeNull();
	});

	it('is none for a sample of zero cases rather than an infinite one', () => {
		expect(marginOf({ value: 50, sampleSize: 0 }, percent)).toBeNull();
	});
});

describe('borderline (rule 3)', () => {
	it('is borderline strictly inside 1.96 margins of the threshold, on either side', () => {
		// 1.96 × 25 = 49 exactly in floating point, so the boundary itself is tested.
		expect(isBorderline(100, 52, 25)).toBe(true);
		expect(isBorderline(100, 51, 25)).toBe(false);
		expect(isBorderline(51, 100, 25)).toBe(false);
		expect(isBorderline(52, 100, 25)).toBe(true);
		expect(isBorderline(100, 100, 25)).toBe(true);
	});

	it('is never borderline without a margin, or with a zero one', () => {
		expect(isBorderline(90, 90, null)).toBe(false);
		expect(isBorderline(90, 90, 0)).toBe(false);
	});
});
