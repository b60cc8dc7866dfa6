import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleOf, rolesOf, serializeWorkspace } from './entities';
import { linkedWorkspace } from '../../test-support/testing';
import { formatPath, formatProblem, parseWorkspaceText, validateWorkspace } from './workspace';

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const sample = () => read('samples/sample-workspace.json');
/** A file the version 1 Capmap wrote: no roles, no findings, no eval runs, no minSampleSize. */
const v1File = () => read('tests/fixtures/v1/workspace-v1.json');
/** A JSON copy of a version 2 workspace using every version 2 field, to break one thing in. */
const version2 = () => JSON.parse(JSON.stringify(linkedWorkspace()));
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
			'format: must be "capmap.workspace", not "other"'
		]);
		const v3 = problemsOf({ ...sample(), version: 3 });
		expect(v3).toHaveLength(1);
		expect(v3).toEqual([
			'version: must be 1 or 2 (this Capmap reads workspace file versions 1 and 2), not 3'
		]);
		expect(problemsOf([])).toEqual(['(file): must be a JSON object, not a list']);
	});

	it('fills the defaults of a minimal file', () => {
		const result = validateWorkspace({
			format: 'capmap.workspace',
			version: 1,
			name: 'Min',
			items: [{ id: 'a', title: 'A', status: 'idea', requirements: [] }]
		});
		expect(result.ok && result.workspace.settings).toEqual({
			staleAfterDays: 180,
			minSampleSize: 100
		});
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

describe('workspace file versions', () => {
	it('reads a version 1 file as version 2: every role llm, minSampleSize 100, no findings or runs', () => {
		const input = v1File();
		expect(input.version).toBe(1);
		expect(input.settings).toEqual({ staleAfterDays: 180 });
		const result = validateWorkspace(input);
		if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
		const ws = result.workspace;
		expect(ws.version).toBe(2);
		expect(ws.settings).toEqual({ staleAfterDays: 180, minSampleSize: 100 });
		expect(ws.findings).toEqual([]);
		expect(ws.evalRuns).toEqual([]);
		expect(ws.capabilities.map(roleOf)).toEqual(ws.capabilities.map(() => 'llm'));
		expect(ws.models.map((m) => [...rolesOf(m)])).toEqual(ws.models.map(() => ['llm']));
	});

	it('always writes version 2, and reads back what it wrote', () => {
		const result = validateWorkspace(v1File());
		if (!result.ok) throw new Error('version 1 fixture invalid');
		const text = serializeWorkspace(result.workspace);
		expect(JSON.parse(text)).toMatchObject({ version: 2, settings: { minSampleSize: 100 } });
		const again = parseWorkspaceText(text);
		expect(again.ok && again.workspace).toEqual(result.workspace);
	});

	it('accepts a version 2 file with roles, stderr, minSampleSize, findings and eval runs', () => {
		const result = validateWorkspace(version2());
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
		expect(result.ok && result.workspace).toEqual(linkedWorkspace());
	});
});

describe('version 2 fields are checked', () => {
	it('rejects a model with no roles, and roles or a capability role that are not short ids', () => {
		const ws = version2();
		ws.models[0].roles = [];
		ws.models[1].roles = ['llm', 'Speech To Text'];
		ws.capabilities[1].role = '';
		expect(problemsOf(ws)).toEqual([
			'capabilities[1].role: must be a short id in lower-case letters, digits and dashes, such as llm or embedding',
			'models[0].roles: must name at least one role',
			'models[1].roles[1]: must be a short id in lower-case letters, digits and dashes, such as llm or embedding'
		]);
	});

	it('rejects a negative stderr and a minSampleSize below 1', () => {
		const ws = version2();
		ws.evidence[0].stderr = -0.5;
		ws.settings.minSampleSize = 0;
		expect(problemsOf(ws)).toEqual([
			'settings.minSampleSize: must be at least 1',
			'evidence[0].stderr: must be zero or more'
		]);
		const fraction = version2();
		fraction.settings.minSampleSize = 2.5;
		expect(problemsOf(fraction)).toEqual([
			expect.stringMatching(/^settings\.minSampleSize: must be /)
		]);
	});

	it('names every dangling link of decisions, findings and eval runs by its JSON path', () => {
		const ws = version2();
		ws.decisions[1].modelIds = ['both', 'gpt-9'];
		ws.decisions[1].findingIds = ['f404'];
		ws.decisions[1].supersedes = 'd0';
		ws.findings[0].modelId = 'gpt-9';
		ws.findings[0].capabilityId = 'telepathy';
		ws.findings[0].itemIds = ['nope'];
		ws.evalRuns[0].modelId = 'gpt-10';
		expect(problemsOf(ws)).toEqual([
			'decisions[1].modelIds[1]: no model "gpt-9"',
			'decisions[1].findingIds[0]: no finding "f404"',
			'decisions[1].supersedes: no decision "d0"',
			'findings[0].modelId: no model "gpt-9"',
			'findings[0].capabilityId: no capability "telepathy"',
			'findings[0].itemIds[0]: no item "nope"',
			'evalRuns[0].modelId: no model "gpt-10"'
		]);
	});

	it('names duplicate finding and eval run ids', () => {
		const ws = version2();
		ws.findings.push({ ...ws.findings[0] });
		ws.evalRuns.push({ ...ws.evalRuns[0] });
		expect(problemsOf(ws)).toEqual([
			'findings[1].id: duplicate finding id "f1" (also findings[0])',
			'evalRuns[1].id: duplicate eval run id "r1" (also evalRuns[0])'
		]);
	});

	it('names the first copy of an id for every later copy, whichever ids repeat', () => {
		const ws = version2();
		const [first] = ws.evidence;
		ws.evidence.push({ ...ws.evidence[1] }, { ...first }, { ...first });
		const n = ws.evidence.length;
		expect(problemsOf(ws)).toEqual([
			`evidence[${n - 3}].id: duplicate evidence id "${ws.evidence[1].id}" (also evidence[1])`,
			`evidence[${n - 2}].id: duplicate evidence id "${first.id}" (also evidence[0])`,
			`evidence[${n - 1}].id: duplicate evidence id "${first.id}" (also evidence[0])`
		]);
	});
});

describe('limits and sentences (issue 14, item 8)', () => {
	it('refuses runaway text with a path, on the fast path for evidence too', () => {
		const ws = sample();
		ws.models[0].name = 'm'.repeat(10_000_000);
		ws.evidence[0].notes = 'n'.repeat(1_000_001);
		ws.evidence[1].source.url = `https://example.com/${'u'.repeat(2048)}`;
		ws.evidence[2].capabilityId = 'c'.repeat(201);
		ws.name = 'w'.repeat(301);
		expect(problemsOf(ws)).toEqual([
			'name: must be at most 300 characters (it has 301)',
			'models[0].name: must be at most 300 characters (it has 10,000,000)',
			'evidence[0].notes: must be at most 1,000,000 characters (it has 1,000,001)',
			'evidence[1].source.url: must be at most 2,048 characters (it has 2,068)',
			'evidence[2].capabilityId: must be at most 200 characters (it has 201)',
			`evidence[2].capabilityId: no capability "${'c'.repeat(201)}"`
		]);
	});

	it('accepts text right at each limit', () => {
		const ws = sample();
		ws.models[0].name = 'm'.repeat(300);
		ws.evidence[0].notes = 'n'.repeat(1_000_000);
		ws.items[0].id = 'i'.repeat(200);
		expect(problemsOf(ws)).toEqual([]);
	});

	it('names a day that does not exist, and years outside 1 to 9999', () => {
		const ws = sample();
		ws.evidence[0].observedAt = '2026-02-30';
		ws.models[4].expectedAt = '0000-03-01';
		ws.decisions[0].date = '2026-02-29';
		expect(problemsOf(ws)).toEqual([
			'models[4].expectedAt: must be a date written YYYY-MM-DD',
			'evidence[0].observedAt: must be a date written YYYY-MM-DD',
			'decisions[0].date: must be a date written YYYY-MM-DD'
		]);
	});

	it('formats a path with an unusual key on one line', () => {
		expect(formatPath(['models', 'openai:gpt-4o'])).toBe('models["openai:gpt-4o"]');
		expect(formatPath(['metrics', 'a\nb', 0])).toBe('metrics["a\\nb"][0]');
		expect(formatPath(['n-samples', 'gsm8k', 'effective'])).toBe('n-samples.gsm8k.effective');
	});

	it('writes every problem as a one-line sentence, never in zod’s own words', () => {
		const paths: (string | number)[][] = [];
		const walk = (value: unknown, path: (string | number)[]) => {
			if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
			else if (value && typeof value === 'object')
				for (const [k, v] of Object.entries(value)) {
					paths.push([...path, k]);
					walk(v, [...path, k]);
				}
		};
		walk(version2(), []);
		const odd = [
			1.5,
			-1,
			1e20,
			2 ** 53,
			Infinity,
			'',
			'2026-02-30',
			'x'.repeat(1_000_001),
			'x'.repeat(301),
			[],
			[1],
			{},
			{ a: 1 },
			null,
			true
		];
		fc.assert(
			fc.property(fc.constantFrom(...paths), fc.constantFrom(...odd), (path, value) => {
				const ws = version2();
				let here = ws;
				for (const key of path.slice(0, -1)) here = here[key];
				here[path.at(-1)!] = value;
				const result = validateWorkspace(ws);
				if (result.ok) return;
				for (const problem of result.problems) {
					expect(problem.message).not.toMatch(
						/Too (big|small)|Invalid|expected|received|<=|>=|\bint\b/
					);
					expect(formatProblem(problem)).not.toContain('\n');
				}
			}),
			{ numRuns: 1500 }
		);
	});
});
