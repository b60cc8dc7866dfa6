/**
 * A large, deterministic, valid workspace for benchmarks: the shape of a real one (most items
 * need two or three capabilities, every model has evidence on a slice of them), at any size.
 */
import { addDays } from './dates';
import {
	EVIDENCE_KINDS,
	ITEM_STATUSES,
	MODEL_STATUSES,
	PRIORITIES,
	type Evidence,
	type Item
} from './schemas';
import { emptyWorkspace, type Workspace } from './workspace';

export interface SyntheticSize {
	items: number;
	capabilities: number;
	models: number;
	evidence: number;
}

export const DOMAIN_BENCH_SIZE: SyntheticSize = {
	items: 10_000,
	capabilities: 300,
	models: 40,
	evidence: 100_000
};

/** mulberry32: a tiny seeded generator, so every run benchmarks the same workspace. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function syntheticWorkspace(size: SyntheticSize, seed = 42): Workspace {
	const rnd = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
	const capabilities = Array.from({ length: size.capabilities }, (_, i) => ({
		id: `cap-${i}`,
		name: `Capability ${i}`,
		unit: i % 3 === 0 ? 'ms' : '%',
		direction: i % 3 === 0 ? ('lower' as const) : ('higher' as const)
	}));
	const models = Array.from({ length: size.models }, (_, i) => ({
		id: `model-${String(i).padStart(2, '0')}`,
		name: `Model ${i}`,
		status: MODEL_STATUSES[i % MODEL_STATUSES.length]!,
		...(i % 4 === 2 ? { expectedAt: addDays('2026-12-01', i * 20) } : {})
	}));
	const evidence: Evidence[] = Array.from({ length: size.evidence }, (_, i) => {
		const capability = pick(capabilities);
		return {
			id: `ev-${i}`,
			modelId: pick(models).id,
			capabilityId: capability.id,
			value:
				Math.round((capability.direction === 'lower' ? 200 + rnd() * 3000 : 50 + rnd() * 50) * 10) /
				10,
			kind: pick(EVIDENCE_KINDS),
			source: { title: `Eval run ${i % 500}` },
			observedAt: addDays('2025-06-01', Math.floor(rnd() * 540)),
			...(rnd() < 0.7 ? { sampleSize: Math.floor(rnd() * 5000) } : {})
		};
	});
	const items: Item[] = Array.from({ length: size.items }, (_, i) => ({
		id: `item-${i}`,
		title: `Roadmap item ${i}`,
		status: pick(ITEM_STATUSES),
		quarter: `${2026 + Math.floor(rnd() * 2)}-Q${1 + Math.floor(rnd() * 4)}`,
		priority: pick(PRIORITIES),
		owner: `Owner ${i % 25}`,
		tags: [`tag-${i % 12}`],
		userImpact: `Users of area ${i % 40} get a better experience.`,
		requirements: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
			const capability = pick(capabilities);
			return {
				capabilityId: capability.id,
				threshold:
					capability.direction === 'lower'
						? 800 + Math.round(rnd() * 1500)
						: 70 + Math.round(rnd() * 25),
				must: rnd() < 0.85
			};
		})
	}));
	return { ...emptyWorkspace('Synthetic workspace'), capabilities, models, evidence, items };
}
