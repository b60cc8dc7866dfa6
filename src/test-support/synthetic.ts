/**
 * A large, deterministic, valid workspace for benchmarks: the shape of a real one, at any size.
 * Most capabilities ask for an `llm`, three in twenty for an `embedding` model; most models are
 * LLMs, a few are embedding models and a couple fill both roles, and each model has evidence only
 * on capabilities of its roles. Most items need one to three LLM capabilities; about one in five
 * also needs an embedding capability (two parts), and a few need embeddings alone. Some evidence
 * is a small-sample smoke run, and some reports a standard error, so every rule has work to do.
 */
import { addDays } from '$lib/domain/dates';
import {
	DEFAULT_SETTINGS,
	EVIDENCE_KINDS,
	ITEM_STATUSES,
	MODEL_STATUSES,
	PRIORITIES
} from '$lib/domain/entities';
import type { Capability, Evidence, Item, Model, Requirement } from '$lib/domain/schemas';
import { emptyWorkspace, type Workspace } from '$lib/domain/workspace';

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

/** Roles by position, so the mix is the same at every size: 3 in 20 capabilities are embeddings. */
const capabilityRole = (i: number): string => (i % 20 < 3 ? 'embedding' : 'llm');
/** Models 4, 5, 14, 15, … (every status) embed only; models 0, 20, … fill both roles. */
function modelRoles(i: number): string[] {
	if (i % 20 === 0) return ['llm', 'embedding'];
	return i % 10 === 4 || i % 10 === 5 ? ['embedding'] : ['llm'];
}

export function syntheticWorkspace(size: SyntheticSize, seed = 42): Workspace {
	const rnd = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
	const capabilities: Capability[] = Array.from({ length: size.capabilities }, (_, i) => ({
		id: `cap-${i}`,
		name: `Capability ${i}`,
		unit: i % 3 === 0 ? 'ms' : '%',
		direction: i % 3 === 0 ? ('lower' as const) : ('higher' as const),
		// An LLM capability mostly leaves its role out, as hand-written files do.
		...(capabilityRole(i) === 'llm' ? {} : { role: capabilityRole(i) })
	}));
	const byRole = new Map<string, Capability[]>();
	capabilities.forEach((capability, i) => {
		const list = byRole.get(capabilityRole(i));
		if (list) list.push(capability);
		else byRole.set(capabilityRole(i), [capability]);
	});
	const ofRole = (role: string): Capability[] => byRole.get(role) ?? capabilities;

	const models: Model[] = Array.from({ length: size.models }, (_, i) => ({
		id: `model-${String(i).padStart(2, '0')}`,
		name: `Model ${i}`,
		status: MODEL_STATUSES[i % MODEL_STATUSES.length]!,
		...(i % 4 === 2 ? { expectedAt: addDays('2026-12-01', i * 20) } : {}),
		// Most LLMs leave `roles` out too; the default is `["llm"]`.
		...(i % 10 === 4 || i % 10 === 5 || i % 20 === 0 ? { roles: modelRoles(i) } : {})
	}));
	// What each model may be judged on: the capabilities of its roles.
	const judgedOn = models.map((_, i) => modelRoles(i).flatMap(ofRole));

	const evidence: Evidence[] = Array.from({ length: size.evidence }, (_, i) => {
		const m = Math.floor(rnd() * models.length);
		const capability = pick(judgedOn[m]!);
		const lower = capability.direction === 'lower';
		const value = Math.round((lower ? 200 + rnd() * 3000 : 50 + rnd() * 50) * 10) / 10;
		const sized = rnd() < 0.7;
		// One sized record in ten is a smoke run below the small-sample line.
		const sampleSize = rnd() < 0.1 ? 1 + Math.floor(rnd() * 50) : 100 + Math.floor(rnd() * 4900);
		const stderr = rnd() < 0.1 ? Math.round(rnd() * (lower ? 500 : 30)) / 10 : undefined;
		return {
			id: `ev-${i}`,
			modelId: models[m]!.id,
			capabilityId: capability.id,
			value,
			kind: pick(EVIDENCE_KINDS),
			source: { title: `Eval run ${i % 500}` },
			observedAt: addDays('2025-06-01', Math.floor(rnd() * 540)),
			...(sized ? { sampleSize } : {}),
			...(stderr === undefined ? {} : { stderr })
		};
	});

	const requirement = (capability: Capability): Requirement => ({
		capabilityId: capability.id,
		threshold:
			capability.direction === 'lower'
				? 800 + Math.round(rnd() * 1500)
				: 70 + Math.round(rnd() * 25),
		must: rnd() < 0.85
	});
	const items: Item[] = Array.from({ length: size.items }, (_, i) => {
		const shape = rnd();
		const llmNeeds = shape < 0.05 ? 0 : 1 + Math.floor(rnd() * 3);
		const embeddingNeeds = shape < 0.05 ? 1 + Math.floor(rnd() * 2) : shape < 0.25 ? 1 : 0;
		return {
			id: `item-${i}`,
			title: `Roadmap item ${i}`,
			status: pick(ITEM_STATUSES),
			quarter: `${2026 + Math.floor(rnd() * 2)}-Q${1 + Math.floor(rnd() * 4)}`,
			priority: pick(PRIORITIES),
			owner: `Owner ${i % 25}`,
			tags: [`tag-${i % 12}`],
			userImpact: `Users of area ${i % 40} get a better experience.`,
			requirements: [
				...Array.from({ length: llmNeeds }, () => requirement(pick(ofRole('llm')))),
				...Array.from({ length: embeddingNeeds }, () => requirement(pick(ofRole('embedding'))))
			]
		};
	});
	return {
		...emptyWorkspace('Synthetic workspace'),
		settings: { ...DEFAULT_SETTINGS },
		capabilities,
		models,
		evidence,
		items
	};
}
