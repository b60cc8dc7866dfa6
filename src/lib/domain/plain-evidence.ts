/**
 * A fast path for the bulk of a big workspace. Evidence is nine records in ten of a real file,
 * and zod builds a fresh copy of every record it checks: on 100,000 records that is most of
 * `capmap readiness`'s time. A record that is plainly well-formed — only the Evidence schema's
 * fields, each of the type and range the schema asks, so that the schema would return it
 * unchanged — is checked here by hand and kept as it is. Anything else goes through zod, which
 * names the problem. A property test (workspace.spec.ts) holds this check to the schema's verdict.
 */
import { EVIDENCE_KINDS } from './entities';
import { isoDate } from './schemas';

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

const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** A plain object, as JSON.parse makes them (or with no prototype at all). */
const isObject = (v: unknown): v is Record<string, unknown> => {
	if (typeof v !== 'object' || v === null) return false;
	const prototype = Object.getPrototypeOf(v);
	return prototype === Object.prototype || prototype === null;
};

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
		if (!isObject(record)) return false;
		for (const key in record) if (!FIELDS.has(key)) return false;
		const r = record;
		if (!nonEmpty(r.id) || !nonEmpty(r.modelId) || !nonEmpty(r.capabilityId)) return false;
		if (!finite(r.value) || typeof r.kind !== 'string' || !KINDS.has(r.kind)) return false;
		if (!this.#date(r.observedAt)) return false;
		const source = r.source;
		if (!isObject(source)) return false;
		for (const key in source) if (key !== 'title' && key !== 'url') return false;
		if (!nonEmpty(source.title)) return false;
		if ('url' in source && typeof source.url !== 'string') return false;
		if ('sampleSize' in r && !(Number.isSafeInteger(r.sampleSize) && (r.sampleSize as number) >= 0))
			return false;
		if ('stderr' in r && !(finite(r.stderr) && r.stderr >= 0)) return false;
		if ('notes' in r && typeof r.notes !== 'string') return false;
		return true;
	}
}
