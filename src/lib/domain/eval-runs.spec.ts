import { describe, expect, it } from 'vitest';
import { caseKey, diffRuns, MAX_CASE_KEY, previousRun, sameRun, uniqueKeys } from './eval-runs';
import type { EvalRun } from './schemas';

const run = (
	id: string,
	ranAt: string,
	cases: [string, boolean][],
	over: Partial<EvalRun> = {}
): EvalRun => ({
	id,
	tool: 'promptfoo',
	suite: 'triage',
	modelId: 'gpt-4o',
	ranAt,
	cases: cases.map(([key, pass]) => ({ key, pass })),
	...over
});

describe('case keys', () => {
	it('use the description, else a hash of the variables that ignores their order', () => {
		expect(caseKey('Refund after 30 days', { a: 1 })).toBe('Refund after 30 days');
		const one = caseKey(undefined, { question: 'Where is my order?', locale: 'en' });
		const two = caseKey('  ', { locale: 'en', question: 'Where is my order?' });
		expect(one).toBe(two);
		expect(one).toMatch(/^vars:[0-9a-f]{8}$/);
		expect(caseKey(undefined, { question: 'Where is my parcel?', locale: 'en' })).not.toBe(one);
	});
});

describe('runs of a series', () => {
	const monday = run('r1', '2026-11-23T02:00:00Z', [
		['a', true],
		['b', false],
		['c', true]
	]);
	const tuesday = run('r2', '2026-11-24T02:00:00Z', [
		['a', false],
		['b', true],
		['c', true],
		['d', false]
	]);
	const otherModel = run('r3', '2026-11-23T12:00:00Z', [['a', true]], { modelId: 'claude' });

	it('find the last earlier run of the same tool, suite and model', () => {
		expect(previousRun([monday, tuesday, otherModel], tuesday)?.id).toBe('r1');
		expect(previousRun([monday, tuesday, otherModel], monday)).toBeUndefined();
		expect(previousRun([tuesday, otherModel], tuesday)).toBeUndefined();
	});

	it('say which cases regressed and which were fixed', () => {
		const diff = diffRuns(monday, tuesday);
		expect(diff.regressed.map((c) => c.key)).toEqual(['a']);
		expect(diff.fixed.map((c) => c.key)).toEqual(['b']);
		expect(diff.added).toBe(1);
		expect(diffRuns(undefined, tuesday)).toEqual({ regressed: [], fixed: [], added: 4 });
	});

	it('know a run imported twice', () => {
		expect(sameRun(monday, { ...monday, id: 'other-id' })).toBe(true);
		expect(sameRun(monday, tuesday)).toBe(false);
	});
});

describe('keys within one run', () => {
	it('are unique: repeats numbered, a long key cut and told apart by its hash', () => {
		expect(uniqueKeys(['a', 'a', 'a #2', 'b', 'a'])).toEqual(['a', 'a #2', 'a #2 #2', 'b', 'a #3']);
		const long = (end: string) => `${'x'.repeat(1500)}${end}`;
		const [one, two] = uniqueKeys([long('1'), long('2')]);
		expect(one!.length).toBeLessThanOrEqual(MAX_CASE_KEY);
		expect(one).not.toBe(two);
		expect(uniqueKeys([long('1')])).toEqual([one]);
	});
});
