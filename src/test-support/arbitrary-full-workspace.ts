/**
 * fast-check generators of valid workspaces that use every entity and every optional field —
 * specs, decisions, findings, eval runs, briefs, links between them — with texts in any Unicode
 * (empty ones too) and any finite numbers, negative zero included. For properties about storage
 * and transport (the shared workspace's Y.Doc), where what matters is that nothing is lost or
 * changed, not what the rules make of it.
 */
import fc from 'fast-check';
import {
	CLASSIFICATIONS,
	DECISION_KINDS,
	DECISION_STATUSES,
	EVIDENCE_KINDS,
	FINDING_KINDS,
	ITEM_STATUSES,
	MODEL_STATUSES,
	PRIORITIES
} from '$lib/domain/entities';
import { emptyWorkspace, type Workspace } from '$lib/domain/workspace';
import { arbitraryDate } from './arbitraries';

/** Any text, in whole characters (a lone UTF-16 surrogate is not one), empty included. */
const text = fc.string({ unit: 'grapheme', maxLength: 24 });
const nonEmpty = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 });
const number = fc.double({ noNaN: true, noDefaultInfinity: true });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const role = fc.constantFrom('llm', 'embedding', 'speech-to-text');

/**
 * The record without its absent optional fields, as a parsed file has them, and with an ordinary
 * prototype (fast-check's records have none, which a strict comparison would see).
 */
function compact<T extends object>(record: T): T {
	return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

const ids = (prefix: string, max: number) =>
	fc.integer({ min: 0, max }).map((n) => Array.from({ length: n }, (_, i) => `${prefix}${i}`));

const source = fc.record({ title: nonEmpty, url: opt(text) }).map(compact);

export const arbitraryFullWorkspace: fc.Arbitrary<Workspace> = fc
	.record({
		capabilityIds: ids('c', 4).filter((list) => list.length > 0),
		modelIds: ids('m', 4).filter((list) => list.length > 0),
		itemIds: ids('i', 5),
		findingIds: ids('f', 3),
		decisionIds: ids('d', 3)
	})
	.chain(({ capabilityIds, modelIds, itemIds, findingIds, decisionIds }) => {
		const capabilityId = fc.constantFrom(...capabilityIds);
		const modelId = fc.constantFrom(...modelIds);
		const some = (pool: string[]) =>
			pool.length === 0 ? fc.constant(undefined) : opt(fc.subarray(pool));
		const capabilities = fc.tuple(
			...capabilityIds.map((id) =>
				fc
					.record({
						id: fc.constant(id),
						name: nonEmpty,
						description: opt(text),
						category: opt(text),
						unit: text,
						direction: fc.constantFrom('higher' as const, 'lower' as const),
						role: opt(role)
					})
					.map(compact)
			)
		);
		const models = fc.tuple(
			...modelIds.map((id) =>
				fc
					.record({
						id: fc.constant(id),
						name: nonEmpty,
						vendor: opt(text),
						status: fc.constantFrom(...MODEL_STATUSES),
						expectedAt: opt(arbitraryDate),
						roles: opt(fc.uniqueArray(role, { minLength: 1 })),
						notes: opt(text)
					})
					.map(compact)
			)
		);
		const evidence = fc.array(
			fc
				.record({
					modelId,
					capabilityId,
					value: number,
					kind: fc.constantFrom(...EVIDENCE_KINDS),
					source,
					observedAt: arbitraryDate,
					sampleSize: opt(fc.nat()),
					stderr: opt(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })),
					notes: opt(text)
				})
				.map(compact),
			{ maxLength: 6 }
		);
		const spec = fc
			.record({
				modelInput: opt(text),
				fallback: opt(text),
				examples: opt(
					fc.array(
						fc
							.record({
								input: text,
								output: text,
								verdict: fc.constantFrom('good' as const, 'bad' as const),
								note: opt(text)
							})
							.map(compact),
						{ maxLength: 2 }
					)
				),
				inScope: opt(fc.array(text, { maxLength: 2 })),
				outOfScope: opt(fc.array(text, { maxLength: 2 }))
			})
			.map(compact);
		const items = fc.tuple(
			...itemIds.map((id) =>
				fc
					.record({
						id: fc.constant(id),
						title: nonEmpty,
						description: opt(text),
						quarter: opt(
							fc
								.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 4 }))
								.map(([y, q]) => `${y}-Q${q}`)
						),
						status: fc.constantFrom(...ITEM_STATUSES),
						owner: opt(text),
						priority: opt(fc.constantFrom(...PRIORITIES)),
						userImpact: opt(text),
						tags: opt(fc.array(text, { maxLength: 3 })),
						externalKey: opt(text),
						externalUrl: opt(text),
						spec: opt(spec),
						noModelDependency: opt(fc.boolean()),
						requirements: fc.array(
							fc
								.record({
									capabilityId,
									threshold: number,
									must: fc.boolean(),
									note: opt(text)
								})
								.map(compact),
							{ maxLength: 3 }
						)
					})
					.map(compact)
			)
		);
		const decisions = fc.tuple(
			...decisionIds.map((id, i) =>
				fc
					.record({
						id: fc.constant(id),
						date: arbitraryDate,
						title: nonEmpty,
						rationale: text,
						kind: fc.constantFrom(...DECISION_KINDS),
						status: opt(fc.constantFrom(...DECISION_STATUSES)),
						owner: opt(text),
						classification: opt(fc.constantFrom(...CLASSIFICATIONS)),
						// Only an earlier decision, so that supersession never loops.
						supersedes:
							i === 0 ? fc.constant(undefined) : opt(fc.constantFrom(...decisionIds.slice(0, i))),
						itemIds: some(itemIds),
						modelIds: some(modelIds),
						findingIds: some(findingIds)
					})
					.map(compact)
			)
		);
		const findings = fc.tuple(
			...findingIds.map((id) =>
				fc
					.record({
						id: fc.constant(id),
						date: arbitraryDate,
						kind: fc.constantFrom(...FINDING_KINDS),
						summary: nonEmpty,
						input: opt(text),
						output: opt(text),
						classification: opt(fc.constantFrom(...CLASSIFICATIONS)),
						modelId: opt(modelId),
						capabilityId: opt(capabilityId),
						itemIds: some(itemIds),
						source: opt(source)
					})
					.map(compact)
			)
		);
		const evalRuns = fc.array(
			fc
				.record({
					tool: nonEmpty,
					suite: text,
					modelId,
					ranAt: nonEmpty,
					file: opt(text),
					cases: fc.array(
						fc
							.record({
								key: nonEmpty,
								description: opt(text),
								pass: fc.boolean(),
								score: opt(number)
							})
							.map(compact),
						{ maxLength: 3 }
					)
				})
				.map(compact),
			{ maxLength: 2 }
		);
		const briefs = fc.array(
			fc
				.record({
					title: text,
					modelId,
					asOf: arbitraryDate,
					markdown: text,
					createdAt: nonEmpty,
					updatedAt: nonEmpty
				})
				.map(compact),
			{ maxLength: 2 }
		);
		return fc.record({
			name: text,
			settings: fc
				.record({
					staleAfterDays: fc.nat({ max: 1000 }),
					minSampleSize: fc.integer({ min: 1, max: 1000 })
				})
				.map(compact),
			capabilities,
			models,
			evidence,
			items,
			decisions,
			findings,
			evalRuns,
			briefs
		});
	})
	.map((w): Workspace => ({
		...emptyWorkspace(w.name),
		settings: w.settings,
		capabilities: w.capabilities,
		models: w.models,
		evidence: w.evidence.map((e, i) => ({ id: `e${i}`, ...e })),
		items: w.items,
		decisions: w.decisions,
		findings: w.findings,
		evalRuns: w.evalRuns.map((r, i) => ({ id: `r${i}`, ...r })),
		briefs: w.briefs.map((b, i) => ({ id: `b${i}`, ...b }))
	}));
