import { describe, expect, it } from 'vitest';
import { decisionLog, standing, supersededBy } from './decisions';
import type { Decision } from './schemas';

const decision = (id: string, date: string, over: Partial<Decision> = {}): Decision => ({
	id,
	date,
	title: id,
	rationale: '',
	kind: 'roadmap',
	...over
});

describe('a decision’s standing', () => {
	const old = decision('old', '2026-01-10');
	const proposal = decision('proposal', '2026-02-01', { status: 'proposed', supersedes: 'old' });

	it('is unchanged by a proposal to replace it', () => {
		expect(standing(old, supersededBy([old, proposal]))).toBe('decided');
	});

	it('is superseded once a decided decision replaces it', () => {
		const replacement = decision('new', '2026-03-01', { supersedes: 'old' });
		const all = [old, proposal, replacement];
		expect(standing(old, supersededBy(all))).toBe('superseded');
		expect(supersededBy(all).get('old')?.id).toBe('new');
		expect(standing(replacement, supersededBy(all))).toBe('decided');
	});

	it('is superseded when its own status says so', () => {
		expect(standing(decision('x', '2026-01-01', { status: 'superseded' }), new Map())).toBe(
			'superseded'
		);
	});
});

describe('the decision log', () => {
	const all = [
		decision('a', '2026-01-10', { kind: 'safety' }),
		decision('b', '2026-03-01', { supersedes: 'a', kind: 'safety' }),
		decision('c', '2026-03-01', { status: 'proposed' })
	];

	it('lists newest first, ties by id', () => {
		expect(decisionLog(all, { kind: '', status: '' }).map((d) => d.decision.id)).toEqual([
			'c',
			'b',
			'a'
		]);
	});

	it('filters by kind and by standing', () => {
		expect(
			decisionLog(all, { kind: 'safety', status: 'superseded' }).map((d) => [
				d.decision.id,
				d.replacedBy?.id
			])
		).toEqual([['a', 'b']]);
		expect(decisionLog(all, { kind: '', status: 'proposed' }).map((d) => d.decision.id)).toEqual([
			'c'
		]);
	});
});
