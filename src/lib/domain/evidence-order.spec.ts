import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confidenceOf, decidingEvidence, indexEvidence } from './evidence';
import { addDays } from './dates';
import { type Evidence } from './schemas';
import { EVIDENCE_KINDS } from './entities';

const AS_OF = '2026-11-27';
const SETTINGS = { staleAfterDays: 180, minSampleSize: 100 };

/** Records of one pair that tie often: few dates, kinds, sizes and ids, so every key of rule 1 decides. */
const record = fc
	.record({
		id: fc.constantFrom('a', 'b', 'c', 'd'),
		kind: fc.constantFrom(...EVIDENCE_KINDS),
		// Around the as-of date (rule 0) and the staleness line (rule 1).
		observedAt: fc.constantFrom(-400, -181, -180, -30, 0, 1, 5).map((days) => addDays(AS_OF, days)),
		sampleSize: fc.option(fc.constantFrom(0, 50, 99, 100, 400), { nil: undefined })
	})
	.map((r): Evidence => ({
		id: r.id,
		modelId: 'm',
		capabilityId: 'c',
		value: 1,
		kind: r.kind,
		source: { title: 't' },
		observedAt: r.observedAt,
		...(r.sampleSize === undefined ? {} : { sampleSize: r.sampleSize })
	}));

/**
 * Rule 1 read straight from docs/rules.md, as a sort key per record: fresh before stale, the more
 * trusted kind, a full sample before a small one, the later day, the larger sample, the smaller
 * id. The first record known on the as-of date (rule 0) decides.
 */
function naiveDeciding(records: Evidence[]): Evidence | undefined {
	const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
	const key = (e: Evidence): (number | string)[] => [
		day(AS_OF) - day(e.observedAt) > SETTINGS.staleAfterDays ? 1 : 0,
		EVIDENCE_KINDS.indexOf(e.kind),
		e.sampleSize !== undefined && e.sampleSize < SETTINGS.minSampleSize ? 1 : 0,
		-day(e.observedAt),
		-(e.sampleSize ?? 0),
		e.id
	];
	const before = (a: (number | string)[], b: (number | string)[]) => {
		const i = a.findIndex((v, k) => v !== b[k]);
		return i >= 0 && a[i]! < b[i]!;
	};
	// Of records equal on every key, the one listed first decides.
	let first: Evidence | undefined;
	for (const e of records.filter((r) => r.observedAt <= AS_OF))
		if (!first || before(key(e), key(first))) first = e;
	return first;
}

describe('the deciding record (rules 0 and 1) against a plain sort', () => {
	it('is the first record in rule 1’s order, with its staleness, size and confidence', () => {
		fc.assert(
			fc.property(fc.array(record, { maxLength: 12 }), (records) => {
				const expected = naiveDeciding(records);
				const deciding = decidingEvidence(indexEvidence(records, AS_OF, SETTINGS), 'm', 'c');
				expect(deciding?.evidence).toBe(expected);
				if (!deciding || !expected) return;
				const stale = expected.observedAt < addDays(AS_OF, -180);
				const small = expected.sampleSize !== undefined && expected.sampleSize < 100;
				expect(deciding).toEqual({
					evidence: expected,
					stale,
					small,
					confidence: confidenceOf(expected.kind, stale, small)
				});
			}),
			{ numRuns: 2000 }
		);
	});
});
