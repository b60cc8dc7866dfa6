import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlainEvidenceCheck } from './plain-evidence';
import { EVIDENCE_KINDS, LIMITS } from './entities';
import { Evidence } from './schemas';
import { validateWorkspace } from './workspace';
import { workspace, model, capability, evidence } from '../../test-support/testing';

/** Short texts, and now and then one at or just past a length limit of the schema. */
const upTo = (short: fc.Arbitrary<string>, limits: number[]) =>
	fc.oneof(
		{ weight: 12, arbitrary: short },
		{
			weight: 1,
			arbitrary: fc.constantFrom(...limits.flatMap((n) => ['x'.repeat(n), 'x'.repeat(n + 1)]))
		}
	);
const id = upTo(fc.string({ minLength: 1, maxLength: 6 }), [LIMITS.id]);

const wellFormed = fc
	.record(
		{
			id,
			modelId: id,
			capabilityId: id,
			value: fc.double({ noNaN: true, noDefaultInfinity: true }),
			kind: fc.constantFrom(...EVIDENCE_KINDS),
			source: fc.record(
				{
					title: upTo(fc.string({ minLength: 1, maxLength: 6 }), [LIMITS.title]),
					url: upTo(fc.string({ maxLength: 6 }), [LIMITS.url])
				},
				{ requiredKeys: ['title'] }
			),
			observedAt: fc
				.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
				.map((d) => d.toISOString().slice(0, 10)),
			sampleSize: fc.nat(),
			stderr: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
			notes: upTo(fc.string({ maxLength: 6 }), [LIMITS.body])
		},
		{ requiredKeys: ['id', 'modelId', 'capabilityId', 'value', 'kind', 'source', 'observedAt'] }
		// Plain objects, as JSON.parse makes them (fast-check's have no prototype).
	)
	.map((record) => ({ ...record, source: { ...record.source } }));

/** Any value, a present `undefined` often: zod reads it as absent. */
const anyValue = fc.oneof(
	{ weight: 1, arbitrary: fc.constant(undefined) },
	{ weight: 2, arbitrary: fc.anything() },
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'',
			'2026-02-30',
			'2026-13-01',
			-1,
			1.5,
			Infinity,
			NaN,
			2 ** 60,
			null
		)
	}
);

/** A well-formed record with one field broken, one added, or a value of any type put anywhere. */
const damaged = fc
	.tuple(
		wellFormed,
		fc.constantFrom(
			'id',
			'modelId',
			'value',
			'kind',
			'source',
			'observedAt',
			'sampleSize',
			'stderr',
			'notes',
			'extra'
		),
		anyValue
	)
	.map(([record, key, value]) => ({ ...record, [key]: value }) as Record<string, unknown>);

/** A well-formed record whose source has one field broken, removed or added. */
const damagedSource = fc
	.tuple(wellFormed, fc.constantFrom('title', 'url', 'extra'), fc.boolean(), anyValue)
	.map(([record, key, remove, value]) => {
		const source: Record<string, unknown> = { ...record.source };
		if (remove) delete source[key];
		else source[key] = value;
		return { ...record, source } as Record<string, unknown>;
	});

describe('the plain-evidence fast path', () => {
	it('accepts only what the Evidence schema accepts, and exactly as the schema returns it', () => {
		fc.assert(
			fc.property(fc.oneof(wellFormed, damaged, damagedSource), (record) => {
				if (!new PlainEvidenceCheck().accepts(record)) return;
				const parsed = Evidence.safeParse(record);
				expect(parsed.success).toBe(true);
				expect(parsed.data).toStrictEqual(record);
			}),
			{ numRuns: 3000 }
		);
	});

	it('takes every well-formed record, so a clean file never pays for zod copies', () => {
		fc.assert(
			fc.property(wellFormed, (record) => {
				if (!Evidence.safeParse(record).success) return; // a text past its limit
				expect(new PlainEvidenceCheck().accepts(record)).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

	it('leaves a bad record to zod, which names it by its path', () => {
		const ws = workspace({
			capabilities: [capability('c')],
			models: [model('m', 'production')],
			evidence: [evidence('m', 'c', 90), { ...evidence('m', 'c', 91), observedAt: '2026-02-30' }]
		});
		const result = validateWorkspace(JSON.parse(JSON.stringify(ws)));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['evidence[1].observedAt']);
	});
});
