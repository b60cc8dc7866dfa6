import { describe, expect, it } from 'vitest';
import {
	caseFinding,
	decisionFromFinding,
	findingsAbout,
	revealedRequirements,
	safetyReview
} from './findings';
import type { Decision, Finding, Item } from './schemas';

const finding = (id: string, date: string, over: Partial<Finding> = {}): Finding => ({
	id,
	date,
	kind: 'flagged-output',
	summary: `Finding ${id}`,
	...over
});

const decision = (id: string, date: string, findingIds: string[]): Decision => ({
	id,
	date,
	title: id,
	rationale: '',
	kind: 'safety',
	findingIds
});

describe('the safety review', () => {
	const findings = [
		finding('a', '2026-11-01', { classification: 'policy-gap' }),
		finding('b', '2026-11-05', { classification: 'prompt-failure' }),
		finding('c', '2026-11-03'),
		finding('d', '2026-11-04', { classification: 'prompt-failure' }),
		finding('e', '2026-11-02', { classification: 'capability-gap' })
	];

	it('puts findings without a decision first, grouped by classification, newest first', () => {
		const review = safetyReview(findings, [decision('dec-1', '2026-11-06', ['e'])]);
		expect(review.awaiting.map((g) => [g.classification, g.findings.map((f) => f.id)])).toEqual([
			['prompt-failure', ['b', 'd']],
			['policy-gap', ['a']],
			['unclassified', ['c']]
		]);
		expect(review.decided.map((d) => [d.finding.id, d.decisions.map((x) => x.id)])).toEqual([
			['e', ['dec-1']]
		]);
	});

	it('lists every decision that cites a finding, newest first', () => {
		const review = safetyReview(findings, [
			decision('old', '2026-11-06', ['a']),
			decision('new', '2026-11-20', ['a', 'a'])
		]);
		expect(review.decided[0]!.decisions.map((d) => d.id)).toEqual(['new', 'old']);
	});
});

describe('a finding', () => {
	const item: Item = {
		id: 'kb-search',
		title: 'KB search',
		status: 'planned',
		requirements: [{ capabilityId: 'recall', threshold: 80, must: true }]
	};
	const other: Item = { ...item, id: 'other', requirements: [] };

	it('starts a safety decision that links back to it, its items and its model', () => {
		const f = finding('f1', '2026-11-10', {
			summary: 'Model **leaked** a phone number\nin a summary',
			classification: 'policy-gap',
			modelId: 'gpt-4o',
			itemIds: ['kb-search']
		});
		expect(decisionFromFinding(f)).toEqual({
			title: 'Decide: Model leaked a phone number in a summary',
			kind: 'safety',
			classification: 'policy-gap',
			findingIds: ['f1'],
			itemIds: ['kb-search'],
			modelIds: ['gpt-4o']
		});
	});

	it('as a capability gap, reveals the requirement to tighten or add on each item it names', () => {
		const gap = finding('g', '2026-11-10', {
			classification: 'capability-gap',
			capabilityId: 'recall',
			itemIds: ['kb-search', 'other']
		});
		expect(revealedRequirements(gap, [item, other])).toEqual([
			{ item, existing: item.requirements[0] },
			{ item: other }
		]);
		expect(revealedRequirements({ ...gap, classification: 'prompt-failure' }, [item])).toEqual([]);
	});

	it('shows on the pages of what it names', () => {
		const all = [
			finding('x', '2026-11-01', { itemIds: ['kb-search'] }),
			finding('y', '2026-11-02', { modelId: 'gpt-4o' }),
			finding('z', '2026-11-03', { capabilityId: 'recall', modelId: 'gpt-4o' })
		];
		expect(findingsAbout(all, { modelId: 'gpt-4o' }).map((f) => f.id)).toEqual(['z', 'y']);
		expect(findingsAbout(all, { itemId: 'kb-search' }).map((f) => f.id)).toEqual(['x']);
		expect(findingsAbout(all, { capabilityId: 'recall' }).map((f) => f.id)).toEqual(['z']);
	});
});

describe('a failing eval case kept as a finding', () => {
	const run = {
		id: 'run-1',
		tool: 'promptfoo',
		suite: 'triage',
		modelId: 'gpt-4o',
		ranAt: '2026-11-24T02:00:00.000Z',
		file: 'results-tuesday.json',
		cases: []
	};

	it('names the case, the grader’s reason, the model and the run, under an id of its own', () => {
		const kept = caseFinding(run, {
			key: '#33',
			description: '#33 billing: Why was I charged twice',
			after: { reason: 'Expected output to contain "billing"' }
		});
		expect(kept).toEqual({
			id: expect.stringMatching(/^finding-case-[0-9a-f]{8}$/),
			date: '2026-11-24',
			kind: 'eval-case',
			summary: 'Eval case failed: #33 billing: Why was I charged twice',
			input: '#33 billing: Why was I charged twice',
			output: 'Grader: Expected output to contain "billing"',
			modelId: 'gpt-4o',
			source: {
				title: 'promptfoo · triage · results-tuesday.json · run of 2026-11-24T02:00:00.000Z'
			}
		});
		expect(caseFinding(run, { key: '#33' }).id).toBe(kept.id);
		expect(caseFinding({ ...run, id: 'run-2' }, { key: '#33' }).id).not.toBe(kept.id);
	});
});
