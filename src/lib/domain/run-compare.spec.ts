import { describe, expect, it } from 'vitest';
import { diffRuns } from './eval-runs';
import { compareRuns, countStatuses } from './run-compare';
import type { EvalRun } from './schemas';

const run = (id: string, ranAt: string, cases: [string, boolean][]): EvalRun => ({
	id,
	tool: 'promptfoo',
	suite: 'triage',
	modelId: 'gpt-4o',
	ranAt,
	cases: cases.map(([key, pass]) => ({ key, pass }))
});

describe('compareRuns', () => {
	const monday = run('mon', '2026-11-23T02:00:00Z', [
		['refund intent', true],
		['angry customer', false],
		['greeting', true],
		['retired case', true]
	]);
	const tuesday = run('tue', '2026-11-24T02:00:00Z', [
		['greeting', true],
		['refund intent', false],
		['angry customer', true],
		['new case', false]
	]);

	it('gives each case its status, in the newer run’s order, then the dropped ones', () => {
		expect(compareRuns(monday, tuesday).map((r) => [r.key, r.status])).toEqual([
			['greeting', 'same'],
			['refund intent', 'regressed'],
			['angry customer', 'fixed'],
			['new case', 'new'],
			['retired case', 'dropped']
		]);
	});

	it('agrees with the triage’s diff on regressed and fixed cases', () => {
		const rows = compareRuns(monday, tuesday);
		const diff = diffRuns(monday, tuesday);
		expect(rows.filter((r) => r.status === 'regressed').map((r) => r.key)).toEqual(
			diff.regressed.map((c) => c.key)
		);
		expect(rows.filter((r) => r.status === 'fixed').map((r) => r.key)).toEqual(
			diff.fixed.map((c) => c.key)
		);
		expect(countStatuses(rows)).toEqual({ regressed: 1, fixed: 1, same: 1, new: 1, dropped: 1 });
	});

	it('calls every case new when there is no earlier run', () => {
		expect(countStatuses(compareRuns(undefined, monday)).new).toBe(4);
	});
});
