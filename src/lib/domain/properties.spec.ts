import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	arbitraryDate,
	arbitraryEvidenceFields,
	arbitraryLlmWorkspace,
	arbitraryWorkspace,
	toEvidence
} from '../../test-support/arbitraries';
import { briefItems, generateBrief } from './brief';
import { addDays } from './dates';
import { lintBrief } from './brief-lint';
import { decidingEvidence, indexEvidence } from './evidence';
import {
	computeReadiness,
	contextWith,
	createContext,
	mustRequirements,
	outcomeOf,
	readinessOf
} from './readiness';
import { withOverrides } from './scenario';
import { EVIDENCE_KINDS, MODEL_STATUSES, isOpen, roleOf, rolesOf } from './entities';
import type { Evidence, Model } from './schemas';
import { validateWorkspace, type Workspace } from './workspace';

const AS_OF = '2026-11-27';

describe('readiness properties', () => {
	it('generated workspaces are valid, so the properties speak of real files', () => {
		fc.assert(fc.property(arbitraryWorkspace, (ws) => validateWorkspace(ws).ok));
	});

	it('never calls an item ready when every production candidate of one of its parts fails it', () => {
		fc.assert(
			fc.property(arbitraryWorkspace, (ws) => {
				const ctx = createContext(ws, AS_OF);
				const roleOfCapability = (id: string) => roleOf(ws.capabilities.find((c) => c.id === id)!);
				computeReadiness(ws, AS_OF).forEach((result, i) => {
					const musts = mustRequirements(ws.items[i]!);
					const roles = new Set(musts.map((r) => roleOfCapability(r.capabilityId)));
					const somePartFails = [...roles].some((role) => {
						const part = musts.filter((r) => roleOfCapability(r.capabilityId) === role);
						return ws.models
							.filter((m) => m.status === 'production' && rolesOf(m).includes(role))
							.every((m) => part.some((r) => outcomeOf(ctx, m.id, r).outcome === 'unmet'));
					});
					if (somePartFails) expect(result.readiness).not.toBe('ready');
				});
			})
		);
	});

	it('reads the same when evidence is added to a context as when the context is built with it', () => {
		fc.assert(
			fc.property(arbitraryWorkspace, fc.nat(), arbitraryDate, (ws, cut, asOf) => {
				const at = ws.evidence.length === 0 ? 0 : cut % (ws.evidence.length + 1);
				const first = { ...ws, evidence: ws.evidence.slice(0, at) };
				const ctx = createContext(first, asOf);
				const grown = contextWith(ctx, ws.evidence.slice(at));
				expect(ws.items.map((item) => readinessOf(grown, item))).toEqual(
					computeReadiness(ws, asOf)
				);
				// The context it grew from is left as it was.
				expect(ws.items.map((item) => readinessOf(ctx, item))).toEqual(
					computeReadiness(first, asOf)
				);
			})
		);
	});

	it('does not depend on the order of the evidence list', () => {
		fc.assert(
			fc.property(arbitraryWorkspace, fc.infiniteStream(fc.double()), (ws, randoms) => {
				const shuffled = ws.evidence
					.map((e) => ({ e, key: randoms.next().value as number }))
					.sort((a, b) => a.key - b.key)
					.map(({ e }) => e);
				expect(computeReadiness({ ...ws, evidence: shuffled }, AS_OF)).toEqual(
					computeReadiness(ws, AS_OF)
				);
			})
		);
	});

	it('reads the same when every capability and model carries the default role explicitly', () => {
		fc.assert(
			fc.property(arbitraryLlmWorkspace, (ws) => {
				const explicit: Workspace = {
					...ws,
					capabilities: ws.capabilities.map((c) => ({ ...c, role: 'llm' })),
					models: ws.models.map((m) => ({ ...m, roles: ['llm'] }))
				};
				const results = computeReadiness(ws, AS_OF);
				expect(computeReadiness(explicit, AS_OF)).toEqual(results);
				for (const r of results) expect(r.parts.length).toBeLessThanOrEqual(1);
			})
		);
	});

	it("never changes an item's result by adding a model that is a candidate for none of its capabilities", () => {
		fc.assert(
			fc.property(
				arbitraryWorkspace,
				fc.constantFrom('a-new', 'm2x', 'zz'),
				fc.constantFrom(...MODEL_STATUSES),
				fc.option(arbitraryDate, { nil: undefined }),
				fc.subarray(['llm', 'embedding', 'reranker'], { minLength: 1 }),
				fc.array(arbitraryEvidenceFields(['new']), { maxLength: 8 }),
				(ws, id, status, expectedAt, roles, fields) => {
					// Any status and any evidence, on any capability, including the item's own.
					const stranger: Model = {
						id,
						name: 'Stranger',
						status,
						roles,
						...(expectedAt ? { expectedAt } : {})
					};
					const records = fields.map((f, i) => toEvidence({ ...f, modelId: id }, `new-${i}`));
					const before = computeReadiness(ws, AS_OF);
					const after = computeReadiness(
						{ ...ws, models: [...ws.models, stranger], evidence: [...ws.evidence, ...records] },
						AS_OF
					);
					const capabilities = new Map(ws.capabilities.map((c) => [c.id, c]));
					ws.items.forEach((item, i) => {
						const candidate = item.requirements.some((r) =>
							roles.includes(roleOf(capabilities.get(r.capabilityId)!))
						);
						if (!candidate) expect(after[i]).toEqual(before[i]);
					});
				}
			)
		);
	});

	it('never changes anything for evidence observed after the as-of date', () => {
		fc.assert(
			fc.property(
				arbitraryWorkspace,
				fc.array(arbitraryEvidenceFields(), { maxLength: 10 }),
				fc.integer({ min: 1, max: 400 }),
				(ws, fields, daysLater) => {
					const known = { ...ws, evidence: ws.evidence.filter((e) => e.observedAt <= AS_OF) };
					const later = fields.map((f, i) =>
						toEvidence({ ...f, observedAt: addDays(AS_OF, daysLater + i) }, `later-${i}`)
					);
					const expected = computeReadiness(known, AS_OF);
					expect(computeReadiness(ws, AS_OF)).toEqual(expected);
					expect(computeReadiness({ ...ws, evidence: [...later, ...ws.evidence] }, AS_OF)).toEqual(
						expected
					);
				}
			)
		);
	});

	it('adding evidence that meets a threshold leaves a ready item ready unless it becomes deciding', () => {
		fc.assert(
			fc.property(
				arbitraryWorkspace,
				fc.nat(),
				fc.nat(),
				fc.constantFrom(...EVIDENCE_KINDS),
				(ws, pickItem, pickModel, kind) => {
					const before = computeReadiness(ws, AS_OF);
					const index = pickItem % ws.items.length;
					const requirement = ws.items[index]!.requirements[0];
					if (before[index]!.readiness !== 'ready' || !requirement) return;
					const capability = ws.capabilities.find((c) => c.id === requirement.capabilityId)!;
					const value =
						capability.direction === 'higher'
							? requirement.threshold + 1
							: requirement.threshold - 1;
					const added: Evidence = {
						id: 'added',
						modelId: ws.models[pickModel % ws.models.length]!.id,
						capabilityId: requirement.capabilityId,
						value,
						kind,
						source: { title: 'new' },
						observedAt: '2026-11-01'
					};
					const next = { ...ws, evidence: [...ws.evidence, added] };
					const after = computeReadiness(next, AS_OF)[index]!;
					if (after.readiness !== 'ready') {
						const index = indexEvidence(next.evidence, AS_OF, ws.settings);
						expect(decidingEvidence(index, added.modelId, added.capabilityId)?.evidence.id).toBe(
							'added'
						);
					}
				}
			)
		);
	});
});

/**
 * The brief's adopt and replace scenarios as DESIGN.md defines them: replace retires the other
 * production models whose roles are all among X's, so adopting an embedding model never retires
 * the LLM in production.
 */
describe('brief properties', () => {
	it('unlocks and regressions are exactly what the adopt and replace scenarios say', () => {
		fc.assert(
			fc.property(arbitraryWorkspace, fc.nat(), (ws, pick) => {
				const x = ws.models[pick % ws.models.length]!;
				const replaced = ws.models.filter(
					(m) =>
						m.status === 'production' &&
						m.id !== x.id &&
						rolesOf(m).every((role) => rolesOf(x).includes(role))
				);
				const today = computeReadiness(ws, AS_OF);
				const adopt = computeReadiness(
					withOverrides(ws, [{ modelId: x.id, status: 'production' }]),
					AS_OF
				);
				const replace = computeReadiness(
					withOverrides(ws, [
						{ modelId: x.id, status: 'production' },
						...replaced.map((m) => ({ modelId: m.id, status: 'retired' as const }))
					]),
					AS_OF
				);
				const open = ws.items.map((item, i) => ({ item, i })).filter(({ item }) => isOpen(item));
				const expectedUnlocks = open.filter(
					({ i }) => today[i]!.readiness !== 'ready' && adopt[i]!.readiness === 'ready'
				);
				const expectedRegressions = open.filter(
					({ i }) => today[i]!.readiness === 'ready' && replace[i]!.readiness !== 'ready'
				);
				const actual = briefItems(ws, x.id, AS_OF);
				expect(actual.unlocks.map((item) => item.id)).toEqual(
					expectedUnlocks.map(({ item }) => item.id)
				);
				expect(actual.regressions.map((item) => item.id)).toEqual(
					expectedRegressions.map(({ item }) => item.id)
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('every brief has resolving citations both ways', () => {
		fc.assert(
			fc.property(arbitraryWorkspace, fc.nat(), (ws, pick) => {
				const model = ws.models[pick % ws.models.length]!;
				const md = generateBrief(ws, model.id, AS_OF);
				const broken = lintBrief(md).filter(
					(p) => p.kind === 'unresolved-citation' || p.kind === 'uncited-reference'
				);
				expect(broken).toEqual([]);
			}),
			{ numRuns: 200 }
		);
	});
});

/**
 * Rules 0–7 read naively, straight from DESIGN.md: sort the evidence, filter the models, no index
 * and no shortcuts. The engine is optimised (one evidence index, verdicts in typed arrays, gaps
 * skipped for ready items); on any random workspace it must say exactly what this says.
 */
function naiveReadiness(ws: Workspace, asOf: string) {
	const ORDER = ['ready', 'upgrade', 'unverified', 'waiting'] as const;
	const RANK = { high: 3, medium: 2, low: 1 } as const;
	type Level = keyof typeof RANK;
	type Pair = { modelId: string; capabilityId: string };
	const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	const byPair = (a: Pair, b: Pair) =>
		cmp(a.modelId, b.modelId) || cmp(a.capabilityId, b.capabilityId);
	const quarter = (d: string) => `${d.slice(0, 4)}-Q${Math.ceil(Number(d.slice(5, 7)) / 3)}`;
	const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
	const capability = (id: string) => ws.capabilities.find((c) => c.id === id)!;
	const roleOfCap = (id: string) => capability(id).role ?? 'llm';
	const fills = (m: Model, role: string) => (m.roles ?? ['llm']).includes(role);
	const models = [...ws.models].sort((a, b) => cmp(a.id, b.id));

	const stale = (e: Evidence) => day(asOf) - day(e.observedAt) > ws.settings.staleAfterDays;
	const small = (e: Evidence) => (e.sampleSize ?? Infinity) < ws.settings.minSampleSize;
	const deciding = (modelId: string, capabilityId: string): Evidence | undefined =>
		ws.evidence
			.filter((e) => e.modelId === modelId && e.capabilityId === capabilityId)
			.filter((e) => e.observedAt <= asOf)
			.sort(
				(a, b) =>
					Number(stale(a)) - Number(stale(b)) ||
					EVIDENCE_KINDS.indexOf(a.kind) - EVIDENCE_KINDS.indexOf(b.kind) ||
					Number(small(a)) - Number(small(b)) ||
					cmp(b.observedAt, a.observedAt) ||
					(b.sampleSize ?? 0) - (a.sampleSize ?? 0) ||
					cmp(a.id, b.id)
			)[0];
	const confidence = (e: Evidence): Level => {
		if (e.kind === 'internal-eval' || e.kind === 'benchmark')
			return stale(e) || small(e) ? 'medium' : 'high';
		return e.kind === 'user-research' ? 'medium' : 'low';
	};
	const met = (capabilityId: string, value: number, threshold: number) =>
		capability(capabilityId).direction === 'higher' ? value >= threshold : value <= threshold;
	const margin = (e: Evidence) => {
		if (e.stderr !== undefined) return e.stderr;
		if (capability(e.capabilityId).unit !== '%' || !e.sampleSize) return null;
		const p = Math.min(1, Math.max(0, e.value / 100));
		return 100 * Math.sqrt((p * (1 - p)) / e.sampleSize);
	};
	const lowest = (levels: Level[]) => levels.reduce((a, b) => (RANK[b] < RANK[a] ? b : a));

	return ws.items.map((item) => {
		const musts = item.requirements.filter((r) => r.must !== false);
		const roles = [...new Set(musts.map((r) => roleOfCap(r.capabilityId)))].sort();
		const parts = roles.map((role) => {
			const requirements = musts.filter((r) => roleOfCap(r.capabilityId) === role);
			const candidates = models.filter((m) => fills(m, role));
			const verdict = (m: Model) => {
				const values = requirements.map((r) => ({ r, e: deciding(m.id, r.capabilityId) }));
				if (values.some(({ r, e }) => e && !met(r.capabilityId, e.value, r.threshold)))
					return 'fails';
				return values.some(({ e }) => !e) ? 'unknown' : 'meets';
			};
			const meeting = (status: Model['status']) =>
				candidates.filter((m) => m.status === status && verdict(m) === 'meets');
			const confidenceOf = (m: Model) =>
				lowest(requirements.map((r) => confidence(deciding(m.id, r.capabilityId)!)));
			const mostConfident = (ms: Model[]) =>
				[...ms].sort((a, b) => RANK[confidenceOf(b)] - RANK[confidenceOf(a)])[0]!;
			const base = { role, requirements };

			const production = meeting('production');
			if (production.length > 0) {
				const via = mostConfident(production);
				const shipsIn = (m: Model) =>
					m.expectedAt !== undefined && m.expectedAt > asOf ? m.expectedAt : asOf;
				const earliestQuarter = quarter(production.map(shipsIn).sort()[0]!);
				const confidence = confidenceOf(via);
				return { ...base, readiness: 'ready' as const, confidence, via: via.id, earliestQuarter };
			}
			const available = meeting('available');
			if (available.length > 0)
				return {
					...base,
					readiness: 'upgrade' as const,
					confidence: confidenceOf(mostConfident(available)),
					targets: available.map((m) => m.id),
					earliestQuarter: quarter(asOf)
				};
			const unknown = candidates.filter(
				(m) => (m.status === 'production' || m.status === 'available') && verdict(m) === 'unknown'
			);
			if (unknown.length > 0) {
				const missing = unknown
					.flatMap((m) =>
						requirements.map((r) => ({ modelId: m.id, capabilityId: r.capabilityId }))
					)
					.filter((p) => !deciding(p.modelId, p.capabilityId))
					.filter((p, i, all) => all.findIndex((q) => byPair(p, q) === 0) === i)
					.sort(byPair);
				return {
					...base,
					readiness: 'unverified' as const,
					confidence: null,
					missing,
					earliestQuarter: null
				};
			}
			const expected = meeting('announced').map((m) => ({
				modelId: m.id,
				expectedAt: m.expectedAt ?? null
			}));
			const dates = expected.flatMap((e) => e.expectedAt ?? []).sort();
			const earliestQuarter = dates.length > 0 ? quarter(dates[0]!) : null;
			return {
				...base,
				readiness: 'waiting' as const,
				confidence: null,
				expected,
				earliestQuarter
			};
		});

		const gaps = musts.flatMap((r) => {
			const candidates = models.filter((m) => fills(m, roleOfCap(r.capabilityId)));
			const known = candidates
				.map((m) => ({ m, e: deciding(m.id, r.capabilityId) }))
				.flatMap(({ m, e }) => (e ? [{ m, value: e.value }] : []));
			const inProduction = known.filter(({ m }) => m.status === 'production');
			if (inProduction.some(({ value }) => met(r.capabilityId, value, r.threshold))) return [];
			const higher = capability(r.capabilityId).direction === 'higher';
			const best = known
				.filter(({ m }) => m.status === 'production' || m.status === 'available')
				.sort((a, b) => (higher ? b.value - a.value : a.value - b.value) || cmp(a.m.id, b.m.id))[0];
			const { capabilityId, threshold } = r;
			return [
				{ capabilityId, threshold, best: best?.value ?? null, bestModelId: best?.m.id ?? null }
			];
		});
		const borderline = parts
			.flatMap((p) => {
				const deciders =
					p.readiness === 'ready' ? [p.via] : p.readiness === 'upgrade' ? p.targets : [];
				return deciders.flatMap((modelId) =>
					p.requirements.flatMap(({ capabilityId, threshold }) => {
						const e = deciding(modelId, capabilityId)!;
						const m = margin(e);
						return m !== null && Math.abs(e.value - threshold) < 1.96 * m
							? [{ modelId, capabilityId, value: e.value, threshold, margin: m }]
							: [];
					})
				);
			})
			.sort(byPair);

		if (parts.length === 0)
			return {
				itemId: item.id,
				readiness: 'ready',
				confidence: null,
				earliestQuarter: quarter(asOf),
				gaps,
				borderline,
				parts
			};
		const readiness = ORDER[Math.max(...parts.map((p) => ORDER.indexOf(p.readiness)))]!;
		const settled = readiness === 'ready' || readiness === 'upgrade';
		const quarters = parts.map((p) => p.earliestQuarter);
		return {
			itemId: item.id,
			readiness,
			confidence: settled ? lowest(parts.map((p) => p.confidence!)) : null,
			earliestQuarter: quarters.includes(null) ? null : quarters.sort().at(-1)!,
			gaps,
			borderline,
			parts
		};
	});
}

describe('the engine against a naive reading of the rules', () => {
	it('says exactly what rules 0–7 say, on any workspace and as-of date', () => {
		fc.assert(
			fc.property(
				arbitraryWorkspace,
				fc.constantFrom(AS_OF, '2026-01-01', '2025-06-30'),
				(ws, asOf) => {
					const engine = computeReadiness(ws, asOf).map((r) => {
						const rest: Partial<typeof r> = { ...r };
						delete rest.overPromised;
						return rest;
					});
					// toEqual: a part leaves the fields of other states undefined (one object shape).
					expect(engine).toEqual(naiveReadiness(ws, asOf));
				}
			),
			{ numRuns: 500 }
		);
	});
});
