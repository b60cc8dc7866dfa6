import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryWorkspace } from './arbitraries';
import { briefItems, generateBrief } from './brief';
import { lintBrief } from './brief-lint';
import { decidingEvidence, indexEvidence } from './evidence';
import { computeReadiness, createContext, mustRequirements, outcomeOf } from './readiness';
import { withOverrides } from './scenario';
import { isOpen } from './schemas';
import { validateWorkspace } from './workspace';

const AS_OF = '2026-11-27';

describe('readiness properties', () => {
	it('generated workspaces are valid, so the properties speak of real files', () => {
		fc.assert(fc.property(arbitraryWorkspace, (ws) => validateWorkspace(ws).ok));
	});

	it('never calls an item ready when every production model fails one of its must-requirements', () => {
		fc.assert(
			fc.property(arbitraryWorkspace, (ws) => {
				const ctx = createContext(ws, AS_OF);
				const production = ws.models.filter((m) => m.status === 'production');
				computeReadiness(ws, AS_OF).forEach((result, i) => {
					const musts = mustRequirements(ws.items[i]!);
					const allFail =
						musts.length > 0 &&
						production.every((m) => musts.some((r) => outcomeOf(ctx, m.id, r).outcome === 'unmet'));
					if (allFail) expect(result.readiness).not.toBe('ready');
				});
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

	it('adding evidence that meets a threshold leaves a ready item ready unless it becomes deciding', () => {
		fc.assert(
			fc.property(
				arbitraryWorkspace,
				fc.nat(),
				fc.nat(),
				fc.constantFrom(
					'internal-eval',
					'benchmark',
					'user-research',
					'vendor-claim',
					'anecdote' as const
				),
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
					const added = {
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
						const index = indexEvidence(next.evidence, AS_OF, ws.settings.staleAfterDays);
						expect(decidingEvidence(index, added.modelId, added.capabilityId)?.evidence.id).toBe(
							'added'
						);
					}
				}
			)
		);
	});
});

describe('brief properties', () => {
	it('unlocks and regressions are exactly what the adopt and replace scenarios say', () => {
		fc.assert(
			fc.property(arbitraryWorkspace, fc.nat(), (ws, pick) => {
				const x = ws.models[pick % ws.models.length]!;
				const production = ws.models.filter((m) => m.status === 'production' && m.id !== x.id);
				const today = computeReadiness(ws, AS_OF);
				const adopt = computeReadiness(
					withOverrides(ws, [{ modelId: x.id, status: 'production' }]),
					AS_OF
				);
				const replace = computeReadiness(
					withOverrides(ws, [
						{ modelId: x.id, status: 'production' },
						...production.map((m) => ({ modelId: m.id, status: 'retired' as const }))
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
