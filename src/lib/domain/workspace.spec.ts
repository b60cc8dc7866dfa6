import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	formatProblem,
	parseWorkspaceText,
	serializeWorkspace,
	validateWorkspace
} from './workspace';

const sample = () => JSON.parse(readFileSync('samples/sample-workspace.json', 'utf8'));
const problemsOf = (input: unknown) => {
	const result = validateWorkspace(input);
	return result.ok ? [] : result.problems.map(formatProblem);
};

describe('validateWorkspace', () => {
	it('accepts the sample workspace', () => {
		expect(validateWorkspace(sample()).ok).toBe(true);
	});

	it('names a dangling requirement the way DESIGN.md does', () => {
		const ws = sample();
		ws.items[3].requirements[0].capabilityId = 'ctx-128k';
		expect(problemsOf(ws)).toEqual([
			'items[3].requirements[0].capabilityId: no capability "ctx-128k"'
		]);
	});

	it('reports every problem at once, schema and references alike', () => {
		const ws = sample();
		ws.items[0].status = 'someday';
		ws.evidence[2].value = 'high';
		ws.evidence[5].modelId = 'gpt-9';
		ws.models[1].id = ws.models[0].id;
		ws.decisions[0].itemIds = ['nope'];
		delete ws.capabilities[0].unit;
		const problems = problemsOf(ws);
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/^items\[0\]\.status: must be one of "idea", "planned", .*not "someday"$/
				),
				'evidence[2].value: must be a number, not text',
				'evidence[5].modelId: no model "gpt-9"',
				'models[1].id: duplicate model id "gpt-4o" (also models[0])',
				'decisions[0].itemIds[0]: no item "nope"',
				'capabilities[0].unit: is missing'
			])
		);
	});

	it('checks dates and quarters', () => {
		const ws = sample();
		ws.evidence[0].observedAt = '2026-13-01';
		ws.items[0].quarter = 'Q3 2026';
		const problems = problemsOf(ws);
		expect(problems).toContain('evidence[0].observedAt: must be a date written YYYY-MM-DD');
		expect(problems).toContain('items[0].quarter: must be a quarter written YYYY-Qn, e.g. 2026-Q3');
	});

	it('rejects other formats and later versions with a reason', () => {
		expect(problemsOf({ ...sample(), format: 'other' })).toEqual([
			'format: must be "capmap.workspace"'
		]);
		expect(problemsOf({ ...sample(), version: 2 })[0]).toMatch(/^version: must be 1/);
		expect(problemsOf([])).toEqual(['(file): must be a JSON object, not a list']);
	});

	it('fills the defaults of a minimal file', () => {
		const result = validateWorkspace({
			format: 'capmap.workspace',
			version: 1,
			name: 'Min',
			items: [{ id: 'a', title: 'A', status: 'idea', requirements: [] }]
		});
		expect(result.ok && result.workspace.settings.staleAfterDays).toBe(180);
		expect(result.ok && result.workspace.briefs).toEqual([]);
	});

	it('defaults a requirement to must', () => {
		const ws = sample();
		delete ws.items[0].requirements[0].must;
		const result = validateWorkspace(ws);
		expect(result.ok && result.workspace.items[0]!.requirements[0]!.must).toBe(true);
	});
});

describe('parseWorkspaceText', () => {
	it('names a JSON syntax error', () => {
		const result = parseWorkspaceText('{ "format": ');
		expect(result.ok).toBe(false);
		expect(!result.ok && formatProblem(result.problems[0]!)).toMatch(
			/^\(file\): is not valid JSON/
		);
	});

	it('round-trips through serializeWorkspace', () => {
		const first = validateWorkspace(sample());
		if (!first.ok) throw new Error('sample invalid');
		const again = parseWorkspaceText(serializeWorkspace(first.workspace));
		expect(again.ok && again.workspace).toEqual(first.workspace);
	});
});
