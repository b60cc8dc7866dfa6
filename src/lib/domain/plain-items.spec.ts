import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlainItemCheck } from './plain-items';
import { Item } from './schemas';
import { ITEM_STATUSES, LIMITS, PRIORITIES } from './entities';
import { validateWorkspace } from './workspace';
import { capability, item, need, workspace } from '../../test-support/testing';

/** Texts at and just past every length limit of the Item schema; the longest rarely (they are slow). */
const atLimit = (limits: number[]) =>
	fc.constantFrom(...limits.flatMap((n) => ['x'.repeat(n), 'x'.repeat(n + 1)]));
const limitText = fc.oneof(
	{ weight: 6, arbitrary: atLimit([LIMITS.id, LIMITS.name, LIMITS.url]) },
	{ weight: 1, arbitrary: atLimit([LIMITS.body]) }
);
const text = fc.oneof(
	{ weight: 12, arbitrary: fc.string({ maxLength: 6 }) },
	{ weight: 1, arbitrary: limitText }
);
const nonEmpty = fc.oneof(
	{ weight: 12, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) },
	{ weight: 1, arbitrary: limitText }
);
const number = fc.double({ noNaN: true, noDefaultInfinity: true });

const requirement = fc.record(
	{ capabilityId: nonEmpty, threshold: number, must: fc.boolean(), note: text },
	{ requiredKeys: ['capabilityId', 'threshold'] }
);
const example = fc.record(
	{ input: text, output: text, verdict: fc.constantFrom('good', 'bad'), note: text },
	{ requiredKeys: ['input', 'output', 'verdict'] }
);
const spec = fc.record(
	{
		modelInput: text,
		fallback: text,
		examples: fc.array(example, { maxLength: 2 }),
		inScope: fc.array(text, { maxLength: 2 }),
		outOfScope: fc.array(text, { maxLength: 2 })
	},
	{ requiredKeys: [] }
);
const quarter = fc.oneof(
	fc.constantFrom('2026-Q1', '2026-Q4', '0001-Q2'),
	fc.constantFrom('2026-Q5', '2026-q1', '26-Q1', '2026-Q1\n', ' 2026-Q1')
);

/** Plain objects all the way down, as JSON.parse makes them (fast-check's have no prototype). */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const itemRecord = fc
	.record(
		{
			id: nonEmpty,
			title: nonEmpty,
			description: text,
			quarter,
			status: fc.constantFrom(...ITEM_STATUSES),
			owner: text,
			priority: fc.constantFrom(...PRIORITIES),
			userImpact: text,
			tags: fc.array(text, { maxLength: 3 }),
			externalKey: text,
			externalUrl: text,
			spec,
			noModelDependency: fc.boolean(),
			requirements: fc.array(requirement, { maxLength: 4 })
		},
		{ requiredKeys: ['id', 'title', 'status', 'requirements'] }
	)
	.map(asJson);

/** A present `undefined` is weighted up: zod reads it as absent, and may write a default for it. */
const ANY_VALUE = fc.oneof(
	{ weight: 2, arbitrary: fc.constant(undefined) },
	{ weight: 4, arbitrary: fc.anything() },
	{
		weight: 4,
		arbitrary: fc.constantFrom('', -1, 1.5, Infinity, NaN, null, [], {}, [1], ['x'], 'P4', 'done')
	}
);
type Json = Record<string, unknown>;

/** The keys each part of an item has, and one it has not. */
const KEYS = {
	item: [...Object.keys(Item.shape), 'extra'],
	requirement: ['capabilityId', 'threshold', 'must', 'note', 'extra'],
	spec: ['modelInput', 'fallback', 'examples', 'inScope', 'outOfScope', 'extra'],
	example: ['input', 'output', 'verdict', 'note', 'extra']
};

/** An item with one value broken, removed or added: on the item, a requirement, the spec or an example. */
const damagedItem = fc
	.tuple(
		itemRecord,
		fc.constantFrom('item', 'requirement', 'spec', 'example'),
		fc.nat(),
		fc.nat(),
		fc.boolean(),
		ANY_VALUE
	)
	.map(([record, where, at, k, remove, value]) => {
		const requirements = record.requirements as Json[];
		const examples = (record.spec as Json | undefined)?.examples as Json[] | undefined;
		const target: Json | undefined =
			where === 'item'
				? record
				: where === 'requirement'
					? requirements[at % Math.max(1, requirements.length)]
					: where === 'spec'
						? (record.spec as Json | undefined)
						: examples?.[at % Math.max(1, examples.length)];
		const keys = KEYS[where as keyof typeof KEYS];
		const key = keys[k % keys.length]!;
		if (target) {
			if (remove) delete target[key];
			else target[key] = value;
		}
		return record as Json;
	});

describe('the plain-items fast path', () => {
	it('takes only what the Item schema accepts, and returns exactly what the schema returns', () => {
		fc.assert(
			fc.property(fc.oneof(itemRecord, damagedItem), (record) => {
				const before = structuredClone(record);
				const plain = new PlainItemCheck().plain(record);
				// Never a change to the input: a requirement with no `must` is filled in on a copy.
				expect(record).toStrictEqual(before);
				if (plain === undefined) return;
				const parsed = Item.safeParse(record);
				expect(parsed.success).toBe(true);
				expect(plain).toStrictEqual(parsed.data);
			}),
			{ numRuns: 2000 }
		);
	});

	it('takes every well-formed item, so a clean file never pays for zod copies', () => {
		fc.assert(
			fc.property(itemRecord, (record) => {
				if (!Item.safeParse(record).success) return; // a text past its limit
				expect(new PlainItemCheck().plain(record)).toBeDefined();
			}),
			{ numRuns: 1000 }
		);
	});

	it('writes in must: true where a requirement leaves it out, as the schema does', () => {
		const file = asJson(
			workspace({
				capabilities: [capability('c')],
				items: [item('a', [need('c', 1)]), item('b', [need('c', 2), need('c', 3, false)])]
			})
		);
		delete (file.items[1]!.requirements[0] as Partial<ReturnType<typeof need>>).must;
		const result = validateWorkspace(file);
		expect(result.ok && result.workspace.items[1]!.requirements).toEqual([
			{ capabilityId: 'c', threshold: 2, must: true },
			{ capabilityId: 'c', threshold: 3, must: false }
		]);
		expect('must' in file.items[1]!.requirements[0]!).toBe(false);
	});

	it('leaves a bad item to zod, which names it by its path', () => {
		const file = asJson(
			workspace({
				capabilities: [capability('c')],
				items: [item('a', [need('c', 1)]), item('b', [need('c', 2)], { quarter: '2026-Q5' })]
			})
		);
		const result = validateWorkspace(file);
		expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['items[1].quarter']);
	});
});
