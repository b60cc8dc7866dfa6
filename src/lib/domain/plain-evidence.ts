/**
 * A fast path for the bulk of a big workspace. Evidence is nine records in ten of a real file,
 * and zod builds a fresh copy of every record it checks: on 100,000 records that is most of
 * `capmap readiness`'s time. A record that is plainly well-formed — only the Evidence schema's
 * fields, each of the type, range and length the schema asks, so that the schema would return it
 * unchanged — is checked here by hand and kept as it is. Anything else goes through zod, which
 * names the problem. A property test (plain-evidence.spec.ts) holds this check to the schema's
 * verdict. Items have the same kind of fast path in plain-items.ts, built from the helpers below.
 */
import { EVIDENCE_KINDS, LIMITS } from './entities';
import { isoDate } from './schemas';

const KINDS: ReadonlySet<string> = new Set(EVIDENCE_KINDS);

/** A plain object, as JSON.parse makes them (or with no prototype at all). */
export const isPlainObject = (v: unknown): v is Record<string, unknown> => {
	if (typeof v !== 'object' || v === null) return false;
	const prototype = Object.getPrototypeOf(v);
	return prototype === Object.prototype || prototype === null;
};
/** An array as JSON.parse makes them: zod would copy a subclass into a plain array. */
export const isPlainArray = (v: unknown): v is unknown[] =>
	Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype;
/**
 * How many keys a for-in loop sees on an object. A record whose key count equals the number of
 * schema fields found on it has no other key: zod would drop an unknown key (so not return the
 * record as it is), and a key present with the value `undefined` is not a field found.
 */
export function keyCount(record: object): number {
	let count = 0;
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- only the keys are counted
	for (const _ in record) count++;
	return count;
}
/** An optional field: 0 when absent, 1 when present and valid, NaN (which equals no count) when not. */
export const optional = (value: unknown, valid: (v: unknown) => boolean): number =>
	value === undefined ? 0 : valid(value) ? 1 : NaN;
/** `text(max)` of schemas.ts: a string of at most `max` characters. */
export const isText = (v: unknown, max: number): v is string =>
	typeof v === 'string' && v.length <= max;
/** `nonEmptyText(max)` of schemas.ts. */
export const isNonEmptyText = (v: unknown, max: number): v is string =>
	typeof v === 'string' && v.length > 0 && v.length <= max;
/** `z.number()`: zod refuses NaN and ±Infinity. */
export const isFiniteNumber = (v: unknown): v is number =>
	typeof v === 'number' && Number.isFinite(v);

/** Checks records against the Evidence schema, remembering each date's verdict. */
export class PlainEvidenceCheck {
	#dates = new Map<string, boolean>();

	#date(value: unknown): boolean {
		if (typeof value !== 'string') return false;
		let ok = this.#dates.get(value);
		if (ok === undefined) this.#dates.set(value, (ok = isoDate.safeParse(value).success));
		return ok;
	}

	/** True only when the Evidence schema would accept the record and return it unchanged. */
	accepts(record: unknown): boolean {
		if (!isPlainObject(record)) return false;
		const r = record;
		if (
			!isNonEmptyText(r.id, LIMITS.id) ||
			!isNonEmptyText(r.modelId, LIMITS.id) ||
			!isNonEmptyText(r.capabilityId, LIMITS.id)
		)
			return false;
		if (!isFiniteNumber(r.value) || typeof r.kind !== 'string' || !KINDS.has(r.kind)) return false;
		if (!this.#date(r.observedAt) || !isPlainSource(r.source)) return false;
		// id, modelId, capabilityId, value, kind, source, observedAt, and the optional ones found.
		const fields =
			7 +
			optional(r.sampleSize, isCount) +
			optional(r.stderr, isNonNegative) +
			optional(r.notes, isBody);
		return keyCount(r) === fields;
	}
}

/** `count` of schemas.ts: a whole number (zod's int is a safe integer), zero or more. */
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isNonNegative = (v: unknown): boolean => isFiniteNumber(v) && v >= 0;
export const isBody = (v: unknown): boolean => isText(v, LIMITS.body);
const isUrl = (v: unknown): boolean => isText(v, LIMITS.url);

function isPlainSource(source: unknown): boolean {
	if (!isPlainObject(source) || !isNonEmptyText(source.title, LIMITS.title)) return false;
	const fields = 1 + optional(source.url, isUrl);
	return keyCount(source) === fields;
}
