/** fast-check generators of valid workspaces, for the property tests. */
import fc from 'fast-check';
import { EVIDENCE_KINDS, ITEM_STATUSES, MODEL_STATUSES, type Evidence, type Item } from './schemas';
import { addDays } from './dates';
import { emptyWorkspace, type Workspace } from './workspace';

const CAPS = ['c0', 'c1', 'c2', 'c3', 'c4'];
const MODELS = ['m0', 'm1', 'm2', 'm3', 'm4'];

const date = fc.integer({ min: 0, max: 1100 }).map((d) => addDays('2024-01-01', d));
const quarter = fc
	.tuple(fc.integer({ min: 2026, max: 2028 }), fc.integer({ min: 1, max: 4 }))
	.map(([y, q]) => `${y}-Q${q}`);

const evidenceRecord = fc.record({
	modelId: fc.constantFrom(...MODELS),
	capabilityId: fc.constantFrom(...CAPS),
	value: fc.integer({ min: 0, max: 100 }),
	kind: fc.constantFrom(...EVIDENCE_KINDS),
	observedAt: date,
	sampleSize: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined })
});

const requirement = fc.record({
	capabilityId: fc.constantFrom(...CAPS),
	threshold: fc.integer({ min: 0, max: 100 }),
	must: fc.boolean()
});

const itemRecord = fc.record({
	status: fc.constantFrom(...ITEM_STATUSES),
	quarter: fc.option(quarter, { nil: undefined }),
	requirements: fc.array(requirement, { maxLength: 3 })
});

export const arbitraryWorkspace: fc.Arbitrary<Workspace> = fc
	.record({
		directions: fc.array(fc.constantFrom('higher' as const, 'lower' as const), {
			minLength: CAPS.length,
			maxLength: CAPS.length
		}),
		statuses: fc.array(fc.constantFrom(...MODEL_STATUSES), {
			minLength: MODELS.length,
			maxLength: MODELS.length
		}),
		expected: fc.array(fc.option(date, { nil: undefined }), {
			minLength: MODELS.length,
			maxLength: MODELS.length
		}),
		evidence: fc.array(evidenceRecord, { maxLength: 40 }),
		items: fc.array(itemRecord, { minLength: 1, maxLength: 8 }),
		staleAfterDays: fc.integer({ min: 0, max: 400 })
	})
	.map(({ directions, statuses, expected, evidence, items, staleAfterDays }) => ({
		...emptyWorkspace('Random'),
		settings: { staleAfterDays },
		capabilities: CAPS.map((id, i) => ({
			id,
			name: `Capability ${id}`,
			unit: '%',
			direction: directions[i]!
		})),
		models: MODELS.map((id, i) => ({
			id,
			name: `Model ${id}`,
			status: statuses[i]!,
			...(expected[i] ? { expectedAt: expected[i] } : {})
		})),
		evidence: evidence.map((e, i): Evidence => ({
			id: `e${i}`,
			modelId: e.modelId,
			capabilityId: e.capabilityId,
			value: e.value,
			kind: e.kind,
			source: { title: `Source ${i}` },
			observedAt: e.observedAt,
			...(e.sampleSize !== undefined ? { sampleSize: e.sampleSize } : {})
		})),
		items: items.map((it, i): Item => ({
			id: `i${i}`,
			title: `Item ${i}`,
			status: it.status,
			...(it.quarter ? { quarter: it.quarter } : {}),
			requirements: it.requirements
		}))
	}));
