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
	isBody,
	isFiniteNumber,
	isNonEmptyText,
	isPlainArray,
	isPlainObject,
	isText,
	keyCount,
	optional
} from './plain-evidence';
import { quarter, SpecExample, type Item, type Requirement } from './schemas';
import { ITEM_STATUSES, LIMITS, PRIORITIES } from './entities';

const STATUSES: ReadonlySet<string> = new Set(ITEM_STATUSES);
const PRIORITY_SET: ReadonlySet<string> = new Set(PRIORITIES);
const VERDICTS: ReadonlySet<string> = new Set(SpecExample.shape.verdict.options);

const isName = (v: unknown): boolean => isText(v, LIMITS.name);
const isBoolean = (v: unknown): boolean => typeof v === 'boolean';
const isListOf = (v: unknown, valid: (item: unknown) => boolean): boolean => {
	if (!isPlainArray(v)) return false;
	for (let i = 0; i < v.length; i++) if (!valid(v[i])) return false;
	return true;
};
const isBodyList = (v: unknown): boolean => isListOf(v, isBody);
const isNameList = (v: unknown): boolean => isListOf(v, isName);
const isPriority = (v: unknown): boolean => typeof v === 'string' && PRIORITY_SET.has(v);
const isExternalKey = (v: unknown): boolean => isText(v, LIMITS.id);
const isUrl = (v: unknown): boolean => isText(v, LIMITS.url);

function isPlainExample(v: unknown): boolean {
	if (!isPlainObject(v) || !isBody(v.input) || !isBody(v.output)) return false;
	if (typeof v.verdict !== 'string' || !VERDICTS.has(v.verdict)) return false;
	return keyCount(v) === 3 + optional(v.note, isBody);
}

const isExampleList = (v: unknown): boolean => isListOf(v, isPlainExample);

function isPlainSpec(v: unknown): boolean {
	if (!isPlainObject(v)) return false;
	const fields =
		optional(v.modelInput, isBody) +
		optional(v.fallback, isBody) +
		optional(v.examples, isExampleList) +
		optional(v.inScope, isBodyList) +
		optional(v.outOfScope, isBodyList);
	return keyCount(v) === fields;
}

/** A requirement the schema accepts, `must` aside: true, false, or absent (then zod adds true). */
function isPlainRequirement(v: unknown): boolean {
	if (!isPlainObject(v) || !isNonEmptyText(v.capabilityId, LIMITS.id)) return false;
	if (!isFiniteNumber(v.threshold)) return false;
	return keyCount(v) === 2 + optional(v.must, isBoolean) + optional(v.note, isBody);
}

/** Checks items against the Item schema, remembering each quarter's verdict. */
export class PlainItemCheck {
	#quarters = new Map<string, boolean>();

	#quarter = (value: unknown): boolean => {
		if (typeof value !== 'string') return false;
		let ok = this.#quarters.get(value);
		if (ok === undefined) this.#quarters.set(value, (ok = quarter.safeParse(value).success));
		return ok;
	};

	/**
	 * The item as the Item schema would return it, when the schema accepts it: the record itself,
	 * or a copy when a requirement leaves `must` out. Undefined when zod must judge it.
	 */
	plain(record: unknown): Item | undefined {
		if (!isPlainObject(record)) return undefined;
		const r = record;
		if (!isNonEmptyText(r.id, LIMITS.id) || !isNonEmptyText(r.title, LIMITS.name)) return undefined;
		if (typeof r.status !== 'string' || !STATUSES.has(r.status)) return undefined;
		const requirements = r.requirements;
		if (!isListOf(requirements, isPlainRequirement)) return undefined;
		// id, title, status, requirements, and the optional fields found.
		const fields =
			4 +
			optional(r.description, isBody) +
			optional(r.quarter, this.#quarter) +
			optional(r.owner, isName) +
			optional(r.priority, isPriority) +
			optional(r.userImpact, isBody) +
			optional(r.tags, isNameList) +
			optional(r.externalKey, isExternalKey) +
			optional(r.externalUrl, isUrl) +
			optional(r.spec, isPlainSpec) +
			optional(r.noModelDependency, isBoolean);
		if (keyCount(r) !== fields) return undefined;
		const list = requirements as Record<string, unknown>[];
		if (list.every((q) => q.must !== undefined)) return record as Item;
		// As zod returns it: a fresh requirement, `must` written in, where it was left out.
		const filled = list.map((q) => (q.must !== undefined ? q : { ...q, must: true }));
		return { ...(record as Item), requirements: filled as Requirement[] };
	}
}
