/**
 * A fast path for the bulk of a big workspace. Evidence is nine records in ten of a real file,
 * and zod builds a fresh copy of every record it checks: on 100,000 records that is most of
 * `capmap readiness`'s time. A record that is plainly well-formed — only the Evidence schema's
 * fields, each of the type, range and length the schema asks, so that the schema would return it
 * unchanged — is checked here by hand and kept as it is. Anything else goes through zod, which
 * names the problem. A property test (plain-evidence.spec.ts) holds this check to the schema's
 * verdict. Items have the same kind of fast path in plain-items.ts, built from the helpers below.
 */
import { EVIDENCE_KINDS, isoDate, LIMITS } from './schemas';

const FIELDS = new Set([
	'id',
	'modelId',
	'capabilityId',
	'value',
	'kind',
	'source',
	'observedAt',
	'sampleSize',
	'stderr',
	'notes'
]);
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
/** An object with no key outside `fields`: zod drops unknown keys, so it would not return it as is. */
export function hasOnly(record: Record<string, unknown>, fields: ReadonlySet<string>): boolean {
	for (const key in record) if (!fields.has(key)) return false;
	return true;
}
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
		if (!isPlainObject(record) || !hasOnly(record, FIELDS)) return false;
		const r = record;
		if (
			!isNonEmptyText(r.id, LIMITS.id) ||
			!isNonEmptyText(r.modelId, LIMITS.id) ||
			!isNonEmptyText(r.capabilityId, LIMITS.id)
		)
			return false;
		if (!isFiniteNumber(r.value) || typeof r.kind !== 'string' || !KINDS.has(r.kind)) return false;
		if (!this.#date(r.observedAt)) return false;
		const source = r.source;
		if (!isPlainObject(source)) return false;
		for (const key in source) if (key !== 'title' && key !== 'url') return false;
		if (!isNonEmptyText(source.title, LIMITS.title)) return false;
		if ('url' in source && !isText(source.url, LIMITS.url)) return false;
		if ('sampleSize' in r && !(Number.isSafeInteger(r.sampleSize) && (r.sampleSize as number) >= 0))
			return false;
		if ('stderr' in r && !(isFiniteNumber(r.stderr) && r.stderr >= 0)) return false;
		if ('notes' in r && !isText(r.notes, LIMITS.body)) return false;
		return true;
	}
}
