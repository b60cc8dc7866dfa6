/**
 * fast-check generators of valid version 2 workspaces, for the property tests. Small pools of
 * ids, values and dates, so that ties, thresholds met exactly, stale and small samples, margins
 * and role mismatches (an embedding model beside an LLM capability) all happen often.
 */
import fc from 'fast-check';
import { EVIDENCE_KINDS, ITEM_STATUSES, MODEL_STATUSES } from '$lib/domain/entities';
import type { Capability, Evidence, Item, Model } from '$lib/domain/schemas';
import { addDays } from '$lib/domain/dates';
import { emptyWorkspace, type Workspace } from '$lib/domain/workspace';

const CAPS = ['c0', 'c1', 'c2', 'c3', 'c4'];
const MODELS = ['m0', 'm1', 'm2', 'm3', 'm4'];
/** The roles random capabilities ask for and random models fill. */
export const ROLES = ['llm', 'embedding'] as const;

/** 2024-01-01 … 2027-01-05: around the properties' as-of date 2026-11-27, on both sides. */
export const arbitraryDate = fc.integer({ min: 0, max: 1100 }).map((d) => addDays('2024-01-01', d));
const quarter = fc
	.tuple(fc.integer({ min: 2026, max: 2028 }), fc.integer({ min: 1, max: 4 }))
	.map(([y, q]) => `${y}-Q${q}`);

const role = fc.option(fc.constantFrom(...ROLES), { nil: undefined });
const roles = fc.option(fc.subarray([...ROLES], { minLength: 1 }), { nil: undefined });

/** One evidence record without its id and source, for any of the pool's models and capabilities. */
export const arbitraryEvidenceFields = (modelIds: readonly string[] = MODELS) =>
	fc.record({
		modelId: fc.constantFrom(...modelIds),
		capabilityId: fc.constantFrom(...CAPS),
		value: fc.integer({ min: 0, max: 100 }),
		kind: fc.constantFrom(...EVIDENCE_KINDS),
		observedAt: arbitraryDate,
		sampleSize: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
		stderr: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined })
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

export type EvidenceFields = {
	modelId: string;
	capabilityId: string;
	value: number;
	kind: Evidence['kind'];
	observedAt: string;
	sampleSize: number | undefined;
	stderr: number | undefined;
};

/** A valid evidence record from generated fields: optional fields absent rather than undefined. */
export function toEvidence(e: EvidenceFields, id: string): Evidence {
	return {
		id,
		modelId: e.modelId,
		capabilityId: e.capabilityId,
		value: e.value,
		kind: e.kind,
		source: { title: `Source ${id}` },
		observedAt: e.observedAt,
		...(e.sampleSize !== undefined ? { sampleSize: e.sampleSize } : {}),
		...(e.stderr !== undefined ? { stderr: e.stderr } : {})
	};
}

export const arbitraryWorkspace: fc.Arbitrary<Workspace> = fc
	.record({
		capabilities: fc.array(
			fc.record({
				direction: fc.constantFrom('higher' as const, 'lower' as const),
				unit: fc.constantFrom('%', '%', 'score'),
				role
			}),
			{ minLength: CAPS.length, maxLength: CAPS.length }
		),
		models: fc.array(
			fc.record({
				status: fc.constantFrom(...MODEL_STATUSES),
				expectedAt: fc.option(arbitraryDate, { nil: undefined }),
				roles
			}),
			{ minLength: MODELS.length, maxLength: MODELS.length }
		),
		evidence: fc.array(arbitraryEvidenceFields(), { maxLength: 40 }),
		items: fc.array(itemRecord, { minLength: 1, maxLength: 8 }),
		staleAfterDays: fc.integer({ min: 0, max: 400 }),
		minSampleSize: fc.integer({ min: 1, max: 400 })
	})
	.map(({ capabilities, models, evidence, items, staleAfterDays, minSampleSize }) => ({
		...emptyWorkspace('Random'),
		settings: { staleAfterDays, minSampleSize },
		capabilities: CAPS.map((id, i): Capability => ({
			id,
			name: `Capability ${id}`,
			unit: capabilities[i]!.unit,
			direction: capabilities[i]!.direction,
			...(capabilities[i]!.role ? { role: capabilities[i]!.role } : {})
		})),
		models: MODELS.map((id, i): Model => ({
			id,
			name: `Model ${id}`,
			status: models[i]!.status,
			...(models[i]!.expectedAt ? { expectedAt: models[i]!.expectedAt } : {}),
			...(models[i]!.roles ? { roles: models[i]!.roles } : {})
		})),
		evidence: evidence.map((e, i) => toEvidence(e, `e${i}`)),
		items: items.map((it, i): Item => ({
			id: `i${i}`,
			title: `Item ${i}`,
			status: it.status,
			...(it.quarter ? { quarter: it.quarter } : {}),
			requirements: it.requirements
		}))
	}));

/** The same workspace as a version 1 file would read: no role written anywhere (all `llm`). */
export function withoutRoles(ws: Workspace): Workspace {
	return {
		...ws,
		capabilities: ws.capabilities.map((c) => {
			const copy = { ...c };
			delete copy.role;
			return copy;
		}),
		models: ws.models.map((m) => {
			const copy = { ...m };
			delete copy.roles;
			return copy;
		})
	};
}

/** Random workspaces where every capability and model is `llm` (roles left unwritten). */
export const arbitraryLlmWorkspace: fc.Arbitrary<Workspace> = arbitraryWorkspace.map(withoutRoles);
