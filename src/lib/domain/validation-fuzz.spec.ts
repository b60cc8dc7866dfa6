import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkedWorkspace } from '../../test-support/testing';
import { formatProblem, parseWorkspaceText, validateWorkspace } from './workspace';

const SAMPLE_TEXT = readFileSync('samples/sample-workspace.json', 'utf8');
type Json = Record<string, unknown>;

/** Every path to an object field in the sample, e.g. ['items', 3, 'requirements', 0, 'threshold']. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	if (Array.isArray(value)) return value.flatMap((v, i) => fieldPaths(v, [...prefix, i]));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => [
			[...prefix, k],
			...fieldPaths(v, [...prefix, k])
		]);
	return [];
}
const PATHS = fieldPaths(JSON.parse(SAMPLE_TEXT));

function parent(root: Json, path: (string | number)[]): Json {
	return path.slice(0, -1).reduce<Json>((here, key) => here[key] as Json, root);
}

const WRONG_VALUES = [null, 42, 'text', true, [], {}, -1, 'x'.repeat(100_000)];

type Mutation = { kind: 'delete' | 'retype'; path: (string | number)[]; value?: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
	fc.record({
		kind: fc.constant('retype' as const),
		path: fc.constantFrom(...PATHS),
		value: fc.constantFrom(...WRONG_VALUES)
	})
);

function mutate(mutations: Mutation[]): Json {
	const root = JSON.parse(SAMPLE_TEXT) as Json;
	for (const m of mutations) {
		let owner: Json;
		try {
			owner = parent(root, m.path);
		} catch {
			continue; // an earlier mutation removed the way there
		}
		if (!owner || typeof owner !== 'object') continue;
		const key = m.path[m.path.length - 1]!;
		if (m.kind === 'delete') delete owner[key];
		else owner[key] = m.value;
	}
	return root;
}

describe('validation fuzz', () => {
	it('random deletions and wrong types give a problem list, never an exception', () => {
		fc.assert(
			fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
				const input = mutate(mutations);
				const result = validateWorkspace(input);
				if (!result.ok) {
					expect(result.problems.length).toBeGreaterThan(0);
					for (const p of result.problems) {
						expect(p.path).toMatch(/^[\w[\]().-]+$/);
						expect(p.message.length).toBeGreaterThan(0);
					}
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('the fast paths for plain evidence and items change nothing zod would say or return', () => {
		// A key zod drops without a word sends a whole list to zod: the same file, judged by zod alone.
		const zodOnly = (input: Json): Json => {
			const copy = structuredClone(input);
			for (const key of ['evidence', 'items']) {
				const first = (copy[key] as unknown[] | undefined)?.[0];
				if (first && typeof first === 'object' && !Array.isArray(first))
					(first as Json).zodOnly = true;
			}
			return copy;
		};
		fc.assert(
			fc.property(fc.array(mutation, { minLength: 0, maxLength: 4 }), (mutations) => {
				const input = mutate(mutations);
				const fast = validateWorkspace(input);
				const slow = validateWorkspace(zodOnly(input));
				expect(fast.ok).toBe(slow.ok);
				if (fast.ok && slow.ok) expect(fast.workspace).toStrictEqual(slow.workspace);
				if (!fast.ok && !slow.ok) expect(fast.problems).toEqual(slow.problems);
			}),
			{ numRuns: 300 }
		);
	});

	it('duplicate and dangling ids are always problems', () => {
		const entity = fc.constantFrom('capabilities', 'models', 'evidence', 'items', 'decisions');
		fc.assert(
			fc.property(entity, fc.nat(), fc.nat(), (key, a, b) => {
				const root = JSON.parse(SAMPLE_TEXT) as Record<string, { id: string }[]>;
				const list = root[key]!;
				const i = a % list.length;
				const j = b % list.length;
				if (i === j) return;
				list[j]!.id = list[i]!.id;
				const result = validateWorkspace(root);
				expect(result.ok).toBe(false);
				expect(!result.ok && result.problems.some((p) => p.message.startsWith('duplicate'))).toBe(
					true
				);
			})
		);
		fc.assert(
			fc.property(fc.nat(), fc.string({ minLength: 1 }), (pick, id) => {
				const root = JSON.parse(SAMPLE_TEXT) as {
					evidence: { modelId: string }[];
					models: { id: string }[];
				};
				if (root.models.some((m) => m.id === id)) return;
				root.evidence[pick % root.evidence.length]!.modelId = id;
				const result = validateWorkspace(root);
				expect(
					!result.ok && result.problems.some((p) => p.message === `no model ${JSON.stringify(id)}`)
				).toBe(true);
			})
		);
	});

	it('a __proto__ key neither throws nor pollutes Object.prototype', () => {
		const text = SAMPLE_TEXT.replace(
			'"name": "Helio Support Suite",',
			'"name": "Helio", "__proto__": { "polluted": true },'
		).replace(
			'"id": "gpt-4o",',
			'"id": "gpt-4o", "__proto__": { "status": "retired", "polluted": 1 },'
		);
		const result = parseWorkspaceText(text);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(result.ok).toBe(true);
		expect(result.ok && result.workspace.models[0]!.status).toBe('production');
	});

	it('arbitrary JSON values and truncated files are rejected with a reason', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const result = validateWorkspace(value);
				expect(result.ok).toBe(false);
			})
		);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: SAMPLE_TEXT.length - 2 }), (cut) => {
				const result = parseWorkspaceText(SAMPLE_TEXT.slice(0, cut));
				expect(result.ok).toBe(false);
			}),
			{ numRuns: 50 }
		);
	});

	it('every dangling link of a version 2 file is a problem at its path, whatever the id', () => {
		// [path to the link, the entity list it points into, the noun in the sentence]
		const LINKS: [(string | number)[], string, string][] = [
			[['decisions', 1, 'itemIds', 0], 'items', 'item'],
			[['decisions', 1, 'modelIds', 0], 'models', 'model'],
			[['decisions', 1, 'findingIds', 0], 'findings', 'finding'],
			[['decisions', 1, 'supersedes'], 'decisions', 'decision'],
			[['findings', 0, 'modelId'], 'models', 'model'],
			[['findings', 0, 'capabilityId'], 'capabilities', 'capability'],
			[['findings', 0, 'itemIds', 0], 'items', 'item'],
			[['evalRuns', 0, 'modelId'], 'models', 'model'],
			[['evidence', 0, 'modelId'], 'models', 'model']
		];
		fc.assert(
			fc.property(
				fc.constantFrom(...LINKS),
				fc.string({ minLength: 1 }),
				([path, pool, noun], id) => {
					const root = JSON.parse(JSON.stringify(linkedWorkspace())) as Json;
					if ((root[pool] as { id: string }[]).some((row) => row.id === id)) return;
					parent(root, path)[path[path.length - 1]!] = id;
					const result = validateWorkspace(root);
					const where = path
						.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`))
						.join('')
						.slice(1);
					expect(result.ok ? [] : result.problems.map(formatProblem)).toContain(
						`${where}: no ${noun} ${JSON.stringify(id)}`
					);
				}
			)
		);
	});

	it('any version other than 1 or 2 is one problem on version', () => {
		fc.assert(
			fc.property(
				fc
					.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null))
					.filter((v) => v !== 1 && v !== 2),
				(version) => {
					const result = validateWorkspace({ ...linkedWorkspace(), version });
					expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['version']);
				}
			)
		);
	});

	it('random roles are accepted or named at their path, never anywhere else', () => {
		const roleText = fc.oneof(
			fc.constantFrom('llm', 'embedding', 'speech-to-text', '9x', 'a'.repeat(41)),
			fc.string()
		);
		fc.assert(
			fc.property(fc.array(roleText, { maxLength: 3 }), roleText, (roles, role) => {
				const root = JSON.parse(JSON.stringify(linkedWorkspace())) as Json & {
					models: Json[];
					capabilities: Json[];
				};
				root.models[1]!.roles = roles;
				root.capabilities[1]!.role = role;
				const result = validateWorkspace(root);
				for (const p of result.ok ? [] : result.problems)
					expect(p.path).toMatch(/^(models\[1\]\.roles(\[\d\])?|capabilities\[1\]\.role)$/);
				const valid = (r: string) => /^[a-z0-9][a-z0-9-]*$/.test(r) && r.length <= 40;
				expect(result.ok).toBe(roles.length > 0 && roles.every(valid) && valid(role));
			})
		);
	});
});
