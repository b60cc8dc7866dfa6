import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	computeReadiness,
	createContext,
	readinessOf,
	type ItemReadiness,
	type PartReadiness,
	type Readiness
} from './readiness';
import type { Confidence } from './evidence';
import { capability, evidence, item, model, need, workspace } from '../../test-support/testing';
import type { Evidence, Item, Model } from './schemas';
import { validateWorkspace, type Workspace } from './workspace';

const AS_OF = '2026-11-27';
const one = (ws: Workspace, it: Item = ws.items[0]!, asOf = AS_OF) =>
	readinessOf(createContext(ws, asOf), it);
/** The only part of an item whose capabilities all ask for one role. */
const only = (r: ItemReadiness): PartReadiness => {
	expect(r.parts).toHaveLength(1);
	return r.parts[0]!;
};
const part = (r: ItemReadiness, role: string) => r.parts.find((p) => p.role === role);

const acc = capability('acc');
const lat = capability('lat', { unit: 'ms', direction: 'lower' });
const recall = capability('recall', { role: 'embedding' });

describe('requirements and verdicts (rules 3 and 4)', () => {
	it('meets a higher-is-better threshold at equality', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('prod', 'production')],
			evidence: [evidence('prod', 'acc', 90)],
			items: [item('i', [need('acc', 90)])]
		});
		const r = one(ws);
		expect(r).toMatchObject({ readiness: 'ready', confidence: 'high' });
		expect(only(r)).toMatchObject({ role: 'llm', readiness: 'ready', via: 'prod' });
	});

	it('reads a lower-is-better capability the other way', () => {
		const base = {
			capabilities: [lat],
			models: [model('prod', 'production')],
			items: [item('i', [need('lat', 800)])]
		};
		expect(one(workspace({ ...base, evidence: [evidence('prod', 'lat', 650)] })).readiness).toBe(
			'ready'
		);
		expect(one(workspace({ ...base, evidence: [evidence('prod', 'lat', 800)] })).readiness).toBe(
			'ready'
		);
		expect(one(workspace({ ...base, evidence: [evidence('prod', 'lat', 801)] })).readiness).toBe(
			'waiting'
		);
	});

	it('ignores nice-to-have requirements for readiness', () => {
		const ws = workspace({
			capabilities: [acc, lat, recall],
			models: [model('prod', 'production')],
			evidence: [evidence('prod', 'acc', 95), evidence('prod', 'lat', 5000)],
			items: [item('i', [need('acc', 90), need('lat', 800, false), need('recall', 99, false)])]
		});
		const r = one(ws);
		expect(r).toMatchObject({ readiness: 'ready', gaps: [] });
		// A nice-to-have on an embedding capability makes no embedding part.
		expect(r.parts.map((p) => p.role)).toEqual(['llm']);
	});

	it('calls an item with no must-requirement ready, with no parts and no confidence', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [],
			items: [item('none', []), item('nice-only', [need('acc', 99, false)])]
		});
		for (const it of ws.items)
			expect(one(ws, it)).toEqual({
				itemId: it.id,
				readiness: 'ready',
				confidence: null,
				earliestQuarter: '2026-Q4',
				overPromised: false,
				gaps: [],
				borderline: [],
				parts: []
			});
	});
});

describe('part readiness (rule 5)', () => {
	it('picks the production model with the highest confidence, ties to the smaller id', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [
				model('b-prod', 'production'),
				model('a-prod', 'production'),
				model('c-prod', 'production')
			],
			evidence: [
				evidence('a-prod', 'acc', 95, { kind: 'vendor-claim' }),
				evidence('b-prod', 'acc', 91, { kind: 'benchmark' }),
				evidence('c-prod', 'acc', 92, { kind: 'internal-eval' })
			],
			items: [item('i', [need('acc', 90)])]
		});
		const r = one(ws);
		expect(r).toMatchObject({ readiness: 'ready', confidence: 'high' });
		expect(only(r).via).toBe('b-prod');
	});

	it('is ready when any of several production models meets, even if another fails', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('a', 'production'), model('b', 'production')],
			evidence: [evidence('a', 'acc', 50), evidence('b', 'acc', 95)],
			items: [item('i', [need('acc', 90)])]
		});
		expect(only(one(ws))).toMatchObject({ readiness: 'ready', via: 'b' });
	});

	it('needs an upgrade when only available models meet, listing every target', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [
				model('prod', 'production'),
				model('z-new', 'available'),
				model('a-new', 'available'),
				model('weak', 'available')
			],
			evidence: [
				evidence('prod', 'acc', 80),
				evidence('z-new', 'acc', 95, { kind: 'user-research' }),
				evidence('a-new', 'acc', 93, { kind: 'vendor-claim' }),
				evidence('weak', 'acc', 70)
			],
			items: [item('i', [need('acc', 90)])]
		});
		const r = one(ws);
		expect(r).toMatchObject({
			readiness: 'upgrade',
			confidence: 'medium',
			earliestQuarter: '2026-Q4',
			gaps: [{ capabilityId: 'acc', threshold: 90, best: 95, bestModelId: 'z-new' }]
		});
		expect(only(r)).toEqual({
			role: 'llm',
			requirements: [need('acc', 90)],
			readiness: 'upgrade',
			confidence: 'medium',
			targets: ['a-new', 'z-new'],
			earliestQuarter: '2026-Q4'
		});
	});

	it('is unverified when a usable model has no evidence, listing the evals worth running', () => {
		const ws = workspace({
			capabilities: [acc, lat],
			models: [model('prod', 'production'), model('new', 'available'), model('soon', 'announced')],
			evidence: [
				evidence('prod', 'acc', 80),
				evidence('prod', 'lat', 500),
				evidence('soon', 'acc', 99)
			],
			items: [item('i', [need('acc', 90), need('lat', 800)])]
		});
		const r = one(ws);
		expect(r).toMatchObject({ readiness: 'unverified', confidence: null, earliestQuarter: null });
		expect(only(r)).toEqual({
			role: 'llm',
			requirements: [need('acc', 90), need('lat', 800)],
			readiness: 'unverified',
			confidence: null,
			missing: [
				{ modelId: 'new', capabilityId: 'acc' },
				{ modelId: 'new', capabilityId: 'lat' }
			],
			earliestQuarter: null
		});
	});

	it('does not list pairs of models that already fail', () => {
		const ws = workspace({
			capabilities: [acc, lat],
			models: [model('prod', 'production'), model('new', 'available')],
			evidence: [evidence('prod', 'acc', 80), evidence('new', 'acc', 99)],
			items: [item('i', [need('acc', 90), need('lat', 800)])]
		});
		expect(only(one(ws)).missing).toEqual([{ modelId: 'new', capabilityId: 'lat' }]);
	});

	it('waits when no usable model meets, expecting announced models that do', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [
				model('prod', 'production'),
				model('late', 'announced', { expectedAt: '2027-08-01' }),
				model('early', 'announced', { expectedAt: '2027-02-15' }),
				model('undated', 'announced'),
				model('too-weak', 'announced', { expectedAt: '2026-12-01' })
			],
			evidence: [
				evidence('prod', 'acc', 80),
				evidence('late', 'acc', 95, { kind: 'vendor-claim' }),
				evidence('early', 'acc', 91, { kind: 'vendor-claim' }),
				evidence('undated', 'acc', 99, { kind: 'anecdote' }),
				evidence('too-weak', 'acc', 85)
			],
			items: [item('i', [need('acc', 90)])]
		});
		const r = one(ws);
		expect(r).toMatchObject({
			readiness: 'waiting',
			earliestQuarter: '2027-Q1',
			gaps: [{ capabilityId: 'acc', threshold: 90, best: 80, bestModelId: 'prod' }]
		});
		expect(only(r).expected).toEqual([
			{ modelId: 'early', expectedAt: '2027-02-15' },
			{ modelId: 'late', expectedAt: '2027-08-01' },
			{ modelId: 'undated', expectedAt: null }
		]);
	});

	it('has a null earliest quarter when only undated announced models meet', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('undated', 'announced')],
			evidence: [evidence('undated', 'acc', 99)],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({ readiness: 'waiting', earliestQuarter: null });
	});

	it('ignores retired models entirely', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('old', 'retired'), model('prod', 'production')],
			evidence: [evidence('old', 'acc', 99), evidence('prod', 'acc', 50)],
			items: [item('i', [need('acc', 90)])]
		});
		const r = one(ws);
		expect(r).toMatchObject({
			readiness: 'waiting',
			gaps: [{ capabilityId: 'acc', threshold: 90, best: 50, bestModelId: 'prod' }]
		});
		expect(only(r).expected).toEqual([]);
	});

	it('reports gaps with no known value as null', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('soon', 'announced')],
			evidence: [],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws).gaps).toEqual([
			{ capabilityId: 'acc', threshold: 90, best: null, bestModelId: null }
		]);
	});

	it('reports a gap only for must-requirements production fails, best value direction-aware', () => {
		const ws = workspace({
			capabilities: [acc, lat],
			models: [model('b', 'production'), model('a', 'available'), model('c', 'available')],
			evidence: [
				evidence('b', 'acc', 95),
				evidence('b', 'lat', 900),
				evidence('a', 'lat', 700),
				evidence('c', 'lat', 700)
			],
			items: [item('i', [need('acc', 90), need('lat', 500)])]
		});
		expect(one(ws).gaps).toEqual([
			{ capabilityId: 'lat', threshold: 500, best: 700, bestModelId: 'a' }
		]);
	});
});

describe('candidates: a model is judged only on the roles it fills', () => {
	const embedder = (status: 'production' | 'available' | 'announced', id = 'embedder') =>
		model(id, status, { roles: ['embedding'], expectedAt: '2027-01-15' });

	it('never puts an embedding model in an LLM part, whatever its status or evidence', () => {
		const ws = workspace({
			capabilities: [acc, recall],
			models: [
				model('gpt', 'production'),
				embedder('production', 'emb-prod'),
				embedder('available', 'emb-new'),
				embedder('announced', 'emb-soon')
			],
			evidence: [
				evidence('gpt', 'acc', 50),
				evidence('emb-prod', 'acc', 99),
				evidence('emb-new', 'acc', 99),
				evidence('emb-soon', 'acc', 99)
			],
			items: [item('i', [need('acc', 90)])]
		});
		const r = one(ws);
		expect(r).toMatchObject({ readiness: 'waiting', earliestQuarter: null, borderline: [] });
		expect(only(r)).toMatchObject({ role: 'llm', readiness: 'waiting', expected: [] });
		expect(only(r).via).toBeUndefined();
		expect(only(r).targets).toBeUndefined();
	});

	it('never lists an embedding model as missing an LLM eval', () => {
		const base = {
			capabilities: [acc],
			evidence: [evidence('gpt', 'acc', 50)],
			items: [item('i', [need('acc', 90)])]
		};
		const withLlm = workspace({
			...base,
			models: [model('gpt', 'production'), model('new', 'available'), embedder('production')]
		});
		expect(only(one(withLlm)).missing).toEqual([{ modelId: 'new', capabilityId: 'acc' }]);
		// The embedding model alone has no evidence: nothing is unverified, the part waits.
		const embedderOnly = workspace({
			...base,
			models: [model('gpt', 'production'), embedder('production'), embedder('available', 'e2')]
		});
		expect(only(one(embedderOnly))).toMatchObject({ readiness: 'waiting', expected: [] });
	});

	it("never names an embedding model as a gap's best value for an LLM capability", () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('gpt', 'production'), embedder('production'), embedder('available', 'e2')],
			evidence: [
				evidence('gpt', 'acc', 50),
				evidence('embedder', 'acc', 99),
				evidence('e2', 'acc', 98)
			],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws).gaps).toEqual([
			{ capabilityId: 'acc', threshold: 90, best: 50, bestModelId: 'gpt' }
		]);
		const noLlmValue = workspace({ ...ws, evidence: ws.evidence.slice(1) });
		expect(one(noLlmValue).gaps).toEqual([
			{ capabilityId: 'acc', threshold: 90, best: null, bestModelId: null }
		]);
	});

	it('judges an embedding part by embedding models only', () => {
		const ws = workspace({
			capabilities: [recall],
			models: [model('gpt', 'production'), embedder('available')],
			evidence: [evidence('gpt', 'recall', 99), evidence('embedder', 'recall', 50)],
			items: [item('search', [need('recall', 90)])]
		});
		const r = one(ws);
		expect(only(r)).toMatchObject({ role: 'embedding', readiness: 'waiting', expected: [] });
		expect(r.gaps).toEqual([
			{ capabilityId: 'recall', threshold: 90, best: 50, bestModelId: 'embedder' }
		]);
	});

	it('waits with nothing expected when no model fills a part’s role', () => {
		const ws = workspace({
			capabilities: [capability('wer', { role: 'speech-to-text', direction: 'lower' })],
			models: [model('gpt', 'production')],
			evidence: [evidence('gpt', 'wer', 1)],
			items: [item('voice', [need('wer', 8)], { quarter: '2027-Q2' })]
		});
		const r = one(ws);
		expect(r).toMatchObject({ readiness: 'waiting', earliestQuarter: null, overPromised: true });
		expect(only(r)).toMatchObject({ role: 'speech-to-text', expected: [] });
		expect(r.gaps).toEqual([{ capabilityId: 'wer', threshold: 8, best: null, bestModelId: null }]);
	});

	it('judges a model with two roles in both parts', () => {
		const ws = workspace({
			capabilities: [acc, recall],
			models: [model('both', 'production', { roles: ['llm', 'embedding'] })],
			evidence: [evidence('both', 'acc', 95), evidence('both', 'recall', 95)],
			items: [item('i', [need('recall', 90), need('acc', 90)])]
		});
		const r = one(ws);
		expect(r.readiness).toBe('ready');
		expect(r.parts.map((p) => [p.role, p.readiness, p.via])).toEqual([
			['embedding', 'ready', 'both'],
			['llm', 'ready', 'both']
		]);
		expect(part(r, 'embedding')!.requirements).toEqual([need('recall', 90)]);
	});

	it('reads an absent role as llm, on capabilities and on models alike', () => {
		const implicit = workspace({
			capabilities: [acc],
			models: [model('gpt', 'production')],
			evidence: [evidence('gpt', 'acc', 95)],
			items: [item('i', [need('acc', 90)])]
		});
		const explicit = workspace({
			...implicit,
			capabilities: [capability('acc', { role: 'llm' })],
			models: [model('gpt', 'production', { roles: ['llm'] })]
		});
		expect(one(explicit)).toEqual(one(implicit));
		expect(only(one(implicit))).toMatchObject({ role: 'llm', via: 'gpt' });
	});
});

describe('items with two parts', () => {
	type State = Readiness;
	/** Per role: the evidence kind of a ready and of an upgrade part, and the announced date. */
	const PLAN = {
		embedding: {
			cap: 'recall',
			ready: 'user-research',
			upgrade: 'internal-eval',
			soon: '2027-05-01'
		},
		llm: { cap: 'acc', ready: 'internal-eval', upgrade: 'vendor-claim', soon: '2027-02-01' }
	} as const;

	function twoParts(states: Record<keyof typeof PLAN, State>): Workspace {
		const models: Model[] = [];
		const records: Evidence[] = [];
		for (const [role, plan] of Object.entries(PLAN)) {
			const state = states[role as keyof typeof PLAN];
			const roles = [role];
			models.push(
				model(`${role}-prod`, 'production', { roles }),
				model(`${role}-new`, 'available', { roles }),
				model(`${role}-soon`, 'announced', { roles, expectedAt: plan.soon })
			);
			const add = (id: string, value: number, kind: Evidence['kind'] = 'internal-eval') =>
				records.push(evidence(`${role}-${id}`, plan.cap, value, { kind }));
			if (state === 'ready') add('prod', 95, plan.ready);
			else if (state !== 'unverified') add('prod', 50);
			if (state === 'upgrade') add('new', 95, plan.upgrade);
			else if (state === 'waiting') add('new', 50);
			if (state === 'waiting') add('soon', 95);
		}
		return workspace({
			capabilities: [acc, recall],
			models,
			evidence: records,
			items: [item('search', [need('acc', 90), need('recall', 90)], { quarter: '2027-Q1' })]
		});
	}

	// [embedding part, llm part] → item readiness, confidence, earliest quarter, over-promised
	// (the item is planned for 2027-Q1). Ready parts are in 2026-Q4 (the as-of quarter) with
	// confidence medium (embedding) and high (llm); upgrade parts in 2026-Q4, high and low;
	// waiting parts expect 2027-Q2 (embedding) and 2027-Q1 (llm); unverified parts have none.
	const TABLE: [State, State, State, Confidence | null, string | null, boolean][] = [
		['ready', 'ready', 'ready', 'medium', '2026-Q4', false],
		['ready', 'upgrade', 'upgrade', 'low', '2026-Q4', false],
		['ready', 'unverified', 'unverified', null, null, true],
		['ready', 'waiting', 'waiting', null, '2027-Q1', false],
		['upgrade', 'ready', 'upgrade', 'high', '2026-Q4', false],
		['upgrade', 'upgrade', 'upgrade', 'low', '2026-Q4', false],
		['upgrade', 'unverified', 'unverified', null, null, true],
		['upgrade', 'waiting', 'waiting', null, '2027-Q1', false],
		['unverified', 'ready', 'unverified', null, null, true],
		['unverified', 'upgrade', 'unverified', null, null, true],
		['unverified', 'unverified', 'unverified', null, null, true],
		['unverified', 'waiting', 'waiting', null, null, true],
		['waiting', 'ready', 'waiting', null, '2027-Q2', true],
		['waiting', 'upgrade', 'waiting', null, '2027-Q2', true],
		['waiting', 'unverified', 'waiting', null, null, true],
		['waiting', 'waiting', 'waiting', null, '2027-Q2', true]
	];

	it.each(TABLE)(
		'embedding %s + llm %s → %s, confidence %s, earliest %s',
		(embedding, llm, readiness, confidence, earliestQuarter, overPromised) => {
			const r = one(twoParts({ embedding, llm }));
			expect(r.parts.map((p) => [p.role, p.readiness])).toEqual([
				['embedding', embedding],
				['llm', llm]
			]);
			expect(r).toMatchObject({ readiness, confidence, earliestQuarter, overPromised });
		}
	);

	it('reports each part’s own via, targets, missing and expected', () => {
		const mixed = one(twoParts({ embedding: 'upgrade', llm: 'unverified' }));
		expect(part(mixed, 'embedding')).toMatchObject({ targets: ['embedding-new'] });
		expect(part(mixed, 'llm')!.missing).toEqual([
			{ modelId: 'llm-new', capabilityId: 'acc' },
			{ modelId: 'llm-prod', capabilityId: 'acc' }
		]);
		const other = one(twoParts({ embedding: 'waiting', llm: 'ready' }));
		expect(part(other, 'embedding')!.expected).toEqual([
			{ modelId: 'embedding-soon', expectedAt: '2027-05-01' }
		]);
		expect(part(other, 'llm')).toMatchObject({ via: 'llm-prod', confidence: 'high' });
		expect(other.gaps).toEqual([
			{ capabilityId: 'recall', threshold: 90, best: 50, bestModelId: 'embedding-new' }
		]);
	});
});

describe('confidence (rule 6)', () => {
	it('is the weakest deciding evidence of the deciding model', () => {
		const ws = workspace({
			capabilities: [acc, lat],
			models: [model('prod', 'production')],
			evidence: [
				evidence('prod', 'acc', 95),
				evidence('prod', 'lat', 500, { kind: 'internal-eval', observedAt: '2025-01-01' })
			],
			items: [item('i', [need('acc', 90), need('lat', 800)])]
		});
		expect(one(ws).confidence).toBe('medium');
	});

	it('for an upgrade is taken from the target for which it is highest', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('a', 'available'), model('b', 'available')],
			evidence: [
				evidence('a', 'acc', 95, { kind: 'anecdote' }),
				evidence('b', 'acc', 91, { kind: 'benchmark' })
			],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({ readiness: 'upgrade', confidence: 'high' });
	});

	it('is medium when the deciding internal eval is a small sample, high once the setting allows it', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('prod', 'production')],
			evidence: [evidence('prod', 'acc', 95, { sampleSize: 40 })],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({ readiness: 'ready', confidence: 'medium' });
		const lenient = workspace({ ...ws, settings: { staleAfterDays: 180, minSampleSize: 40 } });
		expect(one(lenient)).toMatchObject({ readiness: 'ready', confidence: 'high' });
	});

	it('lets an older full eval decide over a newer smoke run that would have met', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('prod', 'production')],
			evidence: [
				evidence('prod', 'acc', 80, { sampleSize: 2400, observedAt: '2026-09-01' }),
				evidence('prod', 'acc', 100, { sampleSize: 4, observedAt: '2026-11-20' })
			],
			items: [item('i', [need('acc', 90)])]
		});
		expect(one(ws)).toMatchObject({
			readiness: 'waiting',
			gaps: [{ capabilityId: 'acc', best: 80, bestModelId: 'prod' }]
		});
	});
});

describe('borderline (rules 3 and 5)', () => {
	it('lists the via model of a ready part only, with the margin from stderr', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('a-prod', 'production'), model('b-prod', 'production')],
			evidence: [
				evidence('a-prod', 'acc', 91, { kind: 'vendor-claim', stderr: 2 }),
				evidence('b-prod', 'acc', 91, { stderr: 1 })
			],
			items: [item('i', [need('acc', 90)])]
		});
		const r = one(ws);
		expect(only(r).via).toBe('b-prod');
		expect(r.borderline).toEqual([
			{ modelId: 'b-prod', capabilityId: 'acc', value: 91, threshold: 90, margin: 1 }
		]);
	});

	it('takes the margin of a percentage from its sample size', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('prod', 'production')],
			evidence: [evidence('prod', 'acc', 92, { sampleSize: 100 })],
			items: [item('i', [need('acc', 90)])]
		});
		const [entry, ...rest] = one(ws).borderline;
		expect(rest).toEqual([]);
		expect(entry).toMatchObject({ modelId: 'prod', capabilityId: 'acc', value: 92, threshold: 90 });
		expect(entry!.margin).toBeCloseTo(100 * Math.sqrt((0.92 * 0.08) / 100), 12);
	});

	it('stops at exactly 1.96 margins: a value that far from the threshold is not borderline', () => {
		const at = (value: number) =>
			one(
				workspace({
					capabilities: [capability('cost', { unit: 'USD', direction: 'lower' })],
					models: [model('prod', 'production')],
					evidence: [evidence('prod', 'cost', value, { stderr: 25 })],
					items: [item('i', [need('cost', 100)])]
				})
			).borderline;
		expect(at(51)).toEqual([]); // 1.96 × 25 = 49 = |51 − 100|
		expect(at(52)).toEqual([
			{ modelId: 'prod', capabilityId: 'cost', value: 52, threshold: 100, margin: 25 }
		]);
	});

	it('has no entry without a margin: another unit without stderr, or no sample size', () => {
		const ws = workspace({
			capabilities: [acc, capability('score', { unit: 'score' })],
			models: [model('prod', 'production')],
			evidence: [
				evidence('prod', 'acc', 90),
				evidence('prod', 'score', 90, { sampleSize: 10_000 })
			],
			items: [item('i', [need('acc', 90), need('score', 90)])]
		});
		expect(one(ws)).toMatchObject({ readiness: 'ready', borderline: [] });
	});

	it('lists every target of an upgrade part, sorted by model id then capability id', () => {
		const ws = workspace({
			capabilities: [acc, capability('json')],
			models: [
				model('prod', 'production'),
				model('z-new', 'available'),
				model('a-new', 'available')
			],
			evidence: [
				evidence('prod', 'json', 50),
				evidence('z-new', 'json', 96, { stderr: 2 }),
				evidence('z-new', 'acc', 91, { stderr: 1 }),
				evidence('a-new', 'json', 99, { stderr: 0.1 }),
				evidence('a-new', 'acc', 90.5, { stderr: 1 })
			],
			items: [item('i', [need('json', 95), need('acc', 90)])]
		});
		const r = one(ws);
		expect(only(r).targets).toEqual(['a-new', 'z-new']);
		expect(r.borderline.map((b) => [b.modelId, b.capabilityId])).toEqual([
			['a-new', 'acc'],
			['z-new', 'acc'],
			['z-new', 'json']
		]);
	});

	it('collects both parts of an item and nothing from parts that are not ready or upgrade', () => {
		const ws = workspace({
			capabilities: [acc, recall],
			models: [
				model('m-llm', 'available'),
				model('b-emb', 'production', { roles: ['embedding'] }),
				model('z-emb', 'announced', { roles: ['embedding'] })
			],
			evidence: [
				evidence('m-llm', 'acc', 91, { stderr: 1 }),
				evidence('b-emb', 'recall', 92, { stderr: 2 }),
				evidence('z-emb', 'recall', 99, { stderr: 1 })
			],
			items: [
				item('ok', [need('recall', 90), need('acc', 90)]),
				item('waits', [need('recall', 98), need('acc', 90)])
			]
		});
		expect(one(ws).borderline).toEqual([
			{ modelId: 'b-emb', capabilityId: 'recall', value: 92, threshold: 90, margin: 2 },
			{ modelId: 'm-llm', capabilityId: 'acc', value: 91, threshold: 90, margin: 1 }
		]);
		const waits = one(ws, ws.items[1]);
		expect(part(waits, 'embedding')!.readiness).toBe('waiting');
		expect(waits.borderline).toEqual([
			{ modelId: 'm-llm', capabilityId: 'acc', value: 91, threshold: 90, margin: 1 }
		]);
	});
});

describe('what was known on the as-of date (rule 0)', () => {
	const ws = workspace({
		capabilities: [acc],
		models: [model('prod', 'production')],
		evidence: [evidence('prod', 'acc', 95, { observedAt: '2026-12-01' })],
		items: [item('i', [need('acc', 90)])]
	});

	it('ignores evidence observed after the as-of date', () => {
		const before = one(ws, ws.items[0], '2026-11-30');
		expect(before.readiness).toBe('unverified');
		expect(only(before).missing).toEqual([{ modelId: 'prod', capabilityId: 'acc' }]);
	});

	it('counts evidence observed on the as-of date', () => {
		expect(only(one(ws, ws.items[0], '2026-12-01'))).toMatchObject({
			readiness: 'ready',
			via: 'prod'
		});
	});

	it('keeps what was known even when a later eval disagrees', () => {
		const later = workspace({
			...ws,
			evidence: [
				evidence('prod', 'acc', 95, { kind: 'vendor-claim', observedAt: '2026-10-01' }),
				evidence('prod', 'acc', 40, { observedAt: '2026-12-01' })
			]
		});
		expect(one(later, later.items[0], '2026-11-30')).toMatchObject({
			readiness: 'ready',
			confidence: 'low'
		});
		expect(one(later, later.items[0], '2026-12-01').readiness).toBe('waiting');
	});
});

describe('earliest quarter (rule 7)', () => {
	const shipping = (models: ReturnType<typeof model>[], values: Record<string, number>) =>
		workspace({
			capabilities: [acc],
			models,
			evidence: Object.entries(values).map(([id, v]) => evidence(id, 'acc', v)),
			items: [item('i', [need('acc', 90)], { quarter: '2027-Q1' })]
		});

	it('puts a ready part in the quarter of a production model’s future ship date', () => {
		const r = one(
			shipping([model('next', 'production', { expectedAt: '2027-05-10' })], { next: 95 })
		);
		expect(r).toMatchObject({ readiness: 'ready', earliestQuarter: '2027-Q2', overPromised: true });
	});

	it('uses the as-of quarter for a ship date on or before the as-of date', () => {
		for (const expectedAt of ['2026-01-15', AS_OF])
			expect(
				one(shipping([model('now', 'production', { expectedAt })], { now: 95 })).earliestQuarter
			).toBe('2026-Q4');
	});

	it('takes the earliest over the production candidates that meet', () => {
		const r = one(
			shipping(
				[
					model('a', 'production', { expectedAt: '2027-05-10' }),
					model('b', 'production', { expectedAt: '2027-02-01' }),
					model('c', 'production', { expectedAt: '2026-12-15' })
				],
				{ a: 95, b: 95, c: 50 }
			)
		);
		expect(r).toMatchObject({
			readiness: 'ready',
			earliestQuarter: '2027-Q1',
			overPromised: false
		});
	});

	it('takes the quarter from any meeting model, even when the via is a later, better-evidenced one', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [
				model('later', 'production', { expectedAt: '2027-05-10' }),
				model('today', 'production')
			],
			evidence: [
				evidence('later', 'acc', 95),
				evidence('today', 'acc', 95, { kind: 'vendor-claim' })
			],
			items: [item('i', [need('acc', 90)])]
		});
		const r = one(ws);
		expect(only(r).via).toBe('later');
		expect(r).toMatchObject({ confidence: 'high', earliestQuarter: '2026-Q4' });
	});
});

describe('over-promised (rule 8)', () => {
	const ws = (
		status: Item['status'],
		quarter: string | undefined,
		value: number,
		expectedAt?: string
	) =>
		workspace({
			capabilities: [acc],
			models: [model('soon', 'announced', expectedAt ? { expectedAt } : {})],
			evidence: [evidence('soon', 'acc', value)],
			items: [item('i', [need('acc', 90)], { status, ...(quarter ? { quarter } : {}) })]
		});

	it('flags a planned item whose earliest quarter is later than its quarter', () => {
		expect(one(ws('planned', '2026-Q4', 95, '2027-02-01')).overPromised).toBe(true);
		expect(one(ws('planned', '2027-Q1', 95, '2027-02-01')).overPromised).toBe(false);
	});

	it('flags an in-progress item with a null earliest quarter', () => {
		const r = one(ws('in-progress', '2027-Q4', 50));
		expect(r.earliestQuarter).toBeNull();
		expect(r.overPromised).toBe(true);
	});

	it('does not flag ideas, shipped or cut items, or items with no quarter', () => {
		for (const status of ['idea', 'shipped', 'cut'] as const)
			expect(one(ws(status, '2026-Q4', 50)).overPromised).toBe(false);
		expect(one(ws('planned', undefined, 50)).overPromised).toBe(false);
	});
});

describe('computeReadiness', () => {
	it('returns one result per item in workspace order, whatever the status', () => {
		const ws = workspace({
			capabilities: [acc],
			models: [model('prod', 'production')],
			evidence: [evidence('prod', 'acc', 95)],
			items: [
				item('b', [need('acc', 90)], { status: 'cut' }),
				item('a', [need('acc', 99)], { status: 'shipped' })
			]
		});
		expect(computeReadiness(ws, AS_OF).map((r) => [r.itemId, r.readiness])).toEqual([
			['b', 'ready'],
			['a', 'waiting']
		]);
	});
});

describe('a version 1 file', () => {
	/** What the version 1 engine printed for tests/fixtures/v1/workspace-v1.json. */
	interface V1Result {
		id: string;
		readiness: Readiness;
		confidence: Confidence | null;
		earliestQuarter: string | null;
		overPromised: boolean;
		gaps: ItemReadiness['gaps'];
		via?: string;
		targets?: string[];
		missing?: PartReadiness['missing'];
		expected?: PartReadiness['expected'];
	}
	const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
	const v1: { asOf: string; items: V1Result[] } = read('tests/fixtures/v1/readiness-v1.json');
	const parsed = validateWorkspace(read('tests/fixtures/v1/workspace-v1.json'));
	if (!parsed.ok) throw new Error('the version 1 fixture no longer validates');
	const results = computeReadiness(parsed.workspace, v1.asOf);

	it('covers every state, so the comparison below means something', () => {
		expect(v1.asOf).toBe('2026-11-27');
		expect(new Set(v1.items.map((r) => r.readiness))).toEqual(
			new Set(['ready', 'upgrade', 'unverified', 'waiting'])
		);
		expect(results.map((r) => r.itemId)).toEqual(v1.items.map((r) => r.id));
	});

	it('reads the same as the version 1 engine, item by item, through a single llm part', () => {
		results.forEach((r, i) => {
			const old = v1.items[i]!;
			const { itemId, readiness, confidence, earliestQuarter, overPromised, gaps } = r;
			expect({ itemId, readiness, confidence, earliestQuarter, overPromised, gaps }).toEqual({
				itemId: old.id,
				readiness: old.readiness,
				confidence: old.confidence,
				earliestQuarter: old.earliestQuarter,
				overPromised: old.overPromised,
				gaps: old.gaps
			});
			if (r.parts.length === 0) {
				expect(old).toMatchObject({ readiness: 'ready', confidence: null });
				return;
			}
			const { via, targets, missing, expected } = only(r);
			expect({ role: only(r).role, via, targets, missing, expected }).toEqual({
				role: 'llm',
				via: old.via,
				targets: old.targets,
				missing: old.missing,
				expected: old.expected
			});
		});
	});
});
