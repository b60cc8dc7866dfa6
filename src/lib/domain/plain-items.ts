/**
 * The plain-evidence fast path (plain-evidence.ts) for roadmap items, the other bulk of a big
 * workspace: ten thousand items with their requirements are a zod copy each, and zod is most of
 * what validating them costs. An item that is plainly well-formed — only the Item schema's
 * fields, each of the type, range and length the schema asks — is checked here by hand and kept as
 * it is; anything else goes through zod, which names the problem. The one thing zod would add is a
 * requirement's `must`, which defaults to true: an item with such a requirement is returned as a
 * copy with `must: true` written in, as zod returns it. A property test (plain-items.spec.ts)
 * holds this check to the schema's verdict and output.
 */
import {
	hasOnly,
	isFiniteNumber,
	isNonEmptyText,
	isPlainArray,
	isPlainObject,
	isText
} from './plain-evidence';
import {
	ITEM_STATUSES,
	LIMITS,
	PRIORITIES,
	quarter,
	SpecExample,
	type Item,
	type Requirement
} from './schemas';

const ITEM_FIELDS = new Set([
	'id',
	'title',
	'description',
	'quarter',
	'status',
	'owner',
	'priority',
	'userImpact',
	'tags',
	'externalKey',
	'externalUrl',
	'spec',
	'noModelDependency',
	'requirements'
]);
const REQUIREMENT_FIELDS = new Set(['capabilityId', 'threshold', 'must', 'note']);
const SPEC_FIELDS = new Set(['modelInput', 'fallback', 'examples', 'inScope', 'outOfScope']);
const EXAMPLE_FIELDS = new Set(['input', 'output', 'verdict', 'note']);
const STATUSES: ReadonlySet<string> = new Set(ITEM_STATUSES);
const PRIORITY_SET: ReadonlySet<string> = new Set(PRIORITIES);
const VERDICTS: ReadonlySet<string> = new Set(SpecExample.shape.verdict.options);

/** An optional field: absent, or present and valid (a present `undefined` goes to zod). */
const absentOr = (
	record: Record<string, unknown>,
	key: string,
	valid: (v: unknown) => boolean
): boolean => !(key in record) || valid(record[key]);

const isBody = (v: unknown): boolean => isText(v, LIMITS.body);
const isName = (v: unknown): boolean => isText(v, LIMITS.name);
const isListOf = (v: unknown, valid: (item: unknown) => boolean): boolean => {
	if (!isPlainArray(v)) return false;
	for (let i = 0; i < v.length; i++) if (!valid(v[i])) return false;
	return true;
};

function isPlainExample(v: unknown): boolean {
	if (!isPlainObject(v) || !hasOnly(v, EXAMPLE_FIELDS)) return false;
	return (
		isBody(v.input) &&
		isBody(v.output) &&
		typeof v.verdict === 'string' &&
		VERDICTS.has(v.verdict) &&
		absentOr(v, 'note', isBody)
	);
}

function isPlainSpec(v: unknown): boolean {
	if (!isPlainObject(v) || !hasOnly(v, SPEC_FIELDS)) return false;
	return (
		absentOr(v, 'modelInput', isBody) &&
		absentOr(v, 'fallback', isBody) &&
		absentOr(v, 'examples', (list) => isListOf(list, isPlainExample)) &&
		absentOr(v, 'inScope', (list) => isListOf(list, isBody)) &&
		absentOr(v, 'outOfScope', (list) => isListOf(list, isBody))
	);
}

/** A requirement the schema accepts, `must` aside: true, false, or absent (then zod adds true). */
function isPlainRequirement(v: unknown): boolean {
	if (!isPlainObject(v) || !hasOnly(v, REQUIREMENT_FIELDS)) return false;
	return (
		isNonEmptyText(v.capabilityId, LIMITS.id) &&
		isFiniteNumber(v.threshold) &&
		absentOr(v, 'must', (must) => typeof must === 'boolean') &&
		absentOr(v, 'note', isBody)
	);
}

/** Checks items against the Item schema, remembering each quarter's verdict. */
export class PlainItemCheck {
	#quarters = new Map<string, boolean>();

	#quarter(value: unknown): boolean {
		if (typeof value !== 'string') return false;
		let ok = this.#quarters.get(value);
		if (ok === undefined) this.#quarters.set(value, (ok = quarter.safeParse(value).success));
		return ok;
	}

	/**
	 * The item as the Item schema would return it, when the schema accepts it: the record itself,
	 * or a copy when a requirement leaves `must` out. Undefined when zod must judge it.
	 */
	plain(record: unknown): Item | undefined {
		if (!isPlainObject(record) || !hasOnly(record, ITEM_FIELDS)) return undefined;
		const r = record;
		if (!isNonEmptyText(r.id, LIMITS.id) || !isNonEmptyText(r.title, LIMITS.name)) return undefined;
		if (typeof r.status !== 'string' || !STATUSES.has(r.status)) return undefined;
		if (
			!absentOr(r, 'quarter', (q) => this.#quarter(q)) ||
			!absentOr(r, 'priority', (p) => typeof p === 'string' && PRIORITY_SET.has(p)) ||
			!absentOr(r, 'description', isBody) ||
			!absentOr(r, 'owner', isName) ||
			!absentOr(r, 'userImpact', isBody) ||
			!absentOr(r, 'tags', (tags) => isListOf(tags, isName)) ||
			!absentOr(r, 'externalKey', (key) => isText(key, LIMITS.id)) ||
			!absentOr(r, 'externalUrl', (url) => isText(url, LIMITS.url)) ||
			!absentOr(r, 'spec', isPlainSpec) ||
			!absentOr(r, 'noModelDependency', (flag) => typeof flag === 'boolean')
		)
			return undefined;
		const requirements = r.requirements;
		if (!isListOf(requirements, isPlainRequirement)) return undefined;
		const list = requirements as Record<string, unknown>[];
		if (list.every((q) => 'must' in q)) return record as Item;
		// As zod returns it: a fresh requirement, `must` written in, where it was left out.
		const filled = list.map((q) => ('must' in q ? q : { ...q, must: true })) as Requirement[];
		return { ...(record as Item), requirements: filled };
	}
}
