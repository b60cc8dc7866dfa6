/**
 * Problems of a file in words a PM can act on: a JSON path (`items[3].requirements[0].capabilityId`)
 * and a sentence (`no capability "ctx-128k"`), never zod's own wording ("Too big: expected string
 * to have <=200 characters" is "must be at most 200 characters"). Used for workspace files, maps
 * and, through the importers, every record they would add.
 */
import type { z } from 'zod';
import { quote } from './strict';

export interface Problem {
	path: string;
	message: string;
}

/** A key that reads plainly after a dot; any other (`openai:gpt-4o`, a key with a newline) is quoted. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * `['items', 3, 'requirements', 0, 'capabilityId']` → `items[3].requirements[0].capabilityId`;
 * `['models', 'openai:gpt-4o']` → `models["openai:gpt-4o"]`, so a path is always one line (a
 * runaway key is cut after 40 characters).
 */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else if (typeof key === 'string' && PLAIN_KEY.test(key) && key.length <= 40)
			out += out === '' ? key : `.${key}`;
		else out += `[${quote(String(key))}]`;
	}
	return out === '' ? '(file)' : out;
}

export function formatProblem(problem: Problem): string {
	return `${problem.path}: ${problem.message}`;
}

export function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return 'text';
	if (typeof value === 'number') return Number.isFinite(value) ? 'a number' : 'a non-finite number';
	return typeof value;
}

const EXPECTED: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
	record: 'an object'
};

/** zod's own wording ("Invalid input: …", "Too big: expected …") is not for a PM to read. */
const ZOD_WORDING = /^(Invalid|Too (big|small)|Unrecognized)\b/;

/** A message our schemas wrote is already a sentence; zod's own is replaced. */
function ownMessage(issue: z.core.$ZodIssue): string | null {
	return ZOD_WORDING.test(issue.message) ? null : issue.message;
}

const thousands = (n: number | bigint) => n.toLocaleString('en-US');

/** "must be at most 300 characters" for a bound zod states in its own words. */
function bound(issue: z.core.$ZodIssue & { code: 'too_big' | 'too_small' }): string {
	const big = issue.code === 'too_big';
	const limit = big ? issue.maximum : issue.minimum;
	const inclusive = issue.inclusive !== false;
	const at = inclusive ? (big ? 'at most' : 'at least') : big ? 'less than' : 'more than';
	switch (issue.origin) {
		case 'string':
			if (!big && Number(limit) === 1) return 'must not be empty';
			return `must be ${at} ${thousands(limit)} characters`;
		case 'array':
		case 'set':
			if (!big && Number(limit) === 1) return 'must not be an empty list';
			return `must have ${at} ${thousands(limit)} entries`;
		default:
			if (!big && Number(limit) === 0 && inclusive) return 'must be zero or more';
			return `must be ${at} ${String(limit)}`;
	}
}

/** Turns one zod issue into a sentence a PM can act on, never in zod's own words. */
export function issueSentence(issue: z.core.$ZodIssue, input: unknown): string {
	const got = valueAt(input, issue.path);
	if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && got === undefined)
		return 'is missing';
	const own = ownMessage(issue);
	switch (issue.code) {
		case 'invalid_type': {
			if (typeof got === 'number' && !Number.isFinite(got)) return 'must be a finite number';
			if (issue.expected === 'int' && typeof got === 'number')
				return own ?? 'must be a whole number';
			return `must be ${EXPECTED[issue.expected] ?? 'of another kind'}, not ${describe(got)}`;
		}
		case 'invalid_value':
			if (own !== null) return `${own}, not ${JSON.stringify(got)}`;
			if (issue.values.length > 1)
				return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${JSON.stringify(got)}`;
			return `must be ${JSON.stringify(issue.values[0])}, not ${JSON.stringify(got)}`;
		case 'too_big':
		case 'too_small': {
			// zod puts `.int(message)`'s message on its safe-range check too: say the range instead.
			const message = issue.origin === 'int' ? bound(issue) : (own ?? bound(issue));
			// Say how far off a text is: "at most 300 characters (it has 10,000,000)".
			return issue.code === 'too_big' && typeof got === 'string'
				? `${message} (it has ${thousands(got.length)})`
				: message;
		}
		case 'invalid_key': {
			// A key of a name→id map (MAP.json): the path ends in the key itself.
			const key = String(issue.path.at(-1));
			const inner = issue.issues[0];
			return inner
				? `is a name that ${issueSentence(inner, key)}`
				: 'is a name that is not allowed';
		}
		case 'unrecognized_keys':
			return `has unknown fields ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
		default:
			return own ?? 'is not valid here';
	}
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let here: unknown = input;
	for (const key of path) {
		if (here === null || typeof here !== 'object') return undefined;
		if (!Object.prototype.hasOwnProperty.call(here, key)) return undefined;
		here = (here as Record<PropertyKey, unknown>)[key];
	}
	return here;
}
