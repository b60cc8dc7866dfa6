/**
 * Readiness rules 0–3 on evidence (docs/rules.md): what was known on the as-of date, which record
 * decides a (model, capability) pair, how much it is trusted, and how wide its margin is. Built
 * once per computation as an index, so readiness over thousands of items is a lookup per
 * requirement rather than a scan of the evidence.
 */
import { dayNumber, daysBetween } from './dates';
import { EVIDENCE_KINDS } from './entities';
import type { Capability, Evidence, EvidenceKind, Settings } from './schemas';

export type Confidence = 'high' | 'medium' | 'low';
export const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export interface Deciding {
	evidence: Evidence;
	stale: boolean;
	/** Rule 1: a sample size is given and below the workspace's `minSampleSize`. */
	small: boolean;
	confidence: Confidence;
}

export type EvidenceSettings = Pick<Settings, 'staleAfterDays' | 'minSampleSize'>;

/** Kinds by position in EVIDENCE_KINDS: the lower, the more trusted. */
const KIND_RANK: ReadonlyMap<string, number> = new Map(EVIDENCE_KINDS.map((kind, i) => [kind, i]));

export function isStale(evidence: Evidence, asOf: string, staleAfterDays: number): boolean {
	return daysBetween(evidence.observedAt, asOf) > staleAfterDays;
}

/** Rule 1: a four-case smoke run is a small sample; a record with no sample size is not. */
export function isSmallSample(
	evidence: Pick<Evidence, 'sampleSize'>,
	minSampleSize: number
): boolean {
	return evidence.sampleSize !== undefined && evidence.sampleSize < minSampleSize;
}

/** Rule 0: evidence observed after the as-of date was not known then. */
export function isKnownOn(evidence: Pick<Evidence, 'observedAt'>, asOf: string): boolean {
	return evidence.observedAt <= asOf;
}

/** Rule 2. */
export function confidenceOf(kind: EvidenceKind, stale: boolean, small = false): Confidence {
	if (kind === 'internal-eval' || kind === 'benchmark') return stale || small ? 'medium' : 'high';
	if (kind === 'user-research') return 'medium';
	return 'low';
}

/** Rule 1's first three keys in one number, lower first: not stale, more trusted, not small. */
function rankOf(stale: boolean, kind: EvidenceKind, small: boolean): number {
	return ((stale ? EVIDENCE_KINDS.length : 0) + KIND_RANK.get(kind)!) * 2 + (small ? 1 : 0);
}

/** Rule 1's last three keys: `a` decides before `b` when later, then on more cases, then on the smaller id. */
function decidesBefore(a: Evidence, b: Evidence): boolean {
	if (a.observedAt !== b.observedAt) return a.observedAt > b.observedAt;
	const size = (a.sampleSize ?? 0) - (b.sampleSize ?? 0);
	if (size !== 0) return size > 0;
	return a.id < b.id;
}

/** The best record so far for one (model, capability) pair while the index is built. */
interface BestSoFar {
	record: Evidence;
	rank: number;
	stale: boolean;
	small: boolean;
}

/** modelId → capabilityId → deciding evidence. */
export type EvidenceIndex = Map<string, Map<string, Deciding>>;

const NOT_KNOWN = 0;
const FRESH = 1;
const STALE = 2;

/** Rule 1's order between two deciding records: does `a` decide before `b`? */
function decidesOver(a: Deciding, b: Deciding): boolean {
	const ra = rankOf(a.stale, a.evidence.kind, a.small);
	const rb = rankOf(b.stale, b.evidence.kind, b.small);
	return ra < rb || (ra === rb && decidesBefore(a.evidence, b.evidence));
}

/**
 * `added` laid over `base` (an index of other evidence, same as-of date and settings): for each
 * pair, whichever decides first. `base` is left unchanged; maps it shares are copied on write.
 */
function overBase(base: EvidenceIndex, added: EvidenceIndex): EvidenceIndex {
	const out: EvidenceIndex = new Map(base);
	for (const [modelId, byCapability] of added) {
		const before = base.get(modelId);
		if (!before) {
			out.set(modelId, byCapability);
			continue;
		}
		const merged = new Map(before);
		for (const [capabilityId, deciding] of byCapability) {
			const current = merged.get(capabilityId);
			if (!current || decidesOver(deciding, current)) merged.set(capabilityId, deciding);
		}
		out.set(modelId, merged);
	}
	return out;
}

export function indexEvidence(
	evidence: readonly Evidence[],
	asOf: string,
	settings: EvidenceSettings,
	/** An index of other evidence (same as-of date and settings) to add to, left unchanged. */
	base?: EvidenceIndex
): EvidenceIndex {
	const { staleAfterDays, minSampleSize } = settings;
	// Evidence shares few distinct dates: whether a date was known then (rule 0) and is stale is
	// worked out once per date, and Date.parse is the slow part of staleness.
	const asOfDay = dayNumber(asOf);
	const byDate = new Map<string, number>();
	// Models and capabilities are numbered as they are first seen, and the best record of each
	// pair is kept in a table by those numbers: one small map of capabilities stays at hand for a
	// hundred thousand lookups. A BestSoFar is updated in place and turned into its Deciding once
	// at the end, as a big file has many records per pair.
	const modelNumber = new Map<string, number>();
	const capabilityNumber = new Map<string, number>();
	const modelIds: string[] = [];
	const capabilityIds: string[] = [];
	const table: (BestSoFar | undefined)[][] = [];
	for (let i = 0; i < evidence.length; i++) {
		const record = evidence[i]!;
		let when = byDate.get(record.observedAt);
		if (when === undefined) {
			when = !isKnownOn(record, asOf)
				? NOT_KNOWN
				: asOfDay - dayNumber(record.observedAt) > staleAfterDays
					? STALE
					: FRESH;
			byDate.set(record.observedAt, when);
		}
		if (when === NOT_KNOWN) continue;
		const stale = when === STALE;
		const small = isSmallSample(record, minSampleSize);
		const rank = rankOf(stale, record.kind, small);
		let m = modelNumber.get(record.modelId);
		if (m === undefined) {
			modelNumber.set(record.modelId, (m = modelIds.length));
			modelIds.push(record.modelId);
			table.push([]);
		}
		let c = capabilityNumber.get(record.capabilityId);
		if (c === undefined) {
			capabilityNumber.set(record.capabilityId, (c = capabilityIds.length));
			capabilityIds.push(record.capabilityId);
		}
		const row = table[m]!;
		const best = row[c];
		if (!best) {
			// Filled up to c first: an array written far past its end is no longer a fast one.
			while (row.length < c) row.push(undefined);
			row[c] = { record, rank, stale, small };
		} else if (rank < best.rank || (rank === best.rank && decidesBefore(record, best.record))) {
			best.record = record;
			best.rank = rank;
			best.stale = stale;
			best.small = small;
		}
	}
	const index: EvidenceIndex = new Map();
	for (let m = 0; m < modelIds.length; m++) {
		const row = table[m]!;
		const deciding = new Map<string, Deciding>();
		for (let c = 0; c < row.length; c++) {
			const best = row[c];
			if (best)
				deciding.set(capabilityIds[c]!, {
					evidence: best.record,
					stale: best.stale,
					small: best.small,
					confidence: confidenceOf(best.record.kind, best.stale, best.small)
				});
		}
		index.set(modelIds[m]!, deciding);
	}
	return base ? overBase(base, index) : index;
}

export function decidingEvidence(
	index: EvidenceIndex,
	modelId: string,
	capabilityId: string
): Deciding | undefined {
	return index.get(modelId)?.get(capabilityId);
}

/**
 * Rule 3's margin: the reported standard error; else, for a percentage with a sample size, the
 * binomial standard error of that proportion; else none.
 */
export function marginOf(
	evidence: Pick<Evidence, 'value' | 'stderr' | 'sampleSize'>,
	capability: Pick<Capability, 'unit'> | undefined
): number | null {
	if (evidence.stderr !== undefined) return evidence.stderr;
	const n = evidence.sampleSize;
	if (capability?.unit !== '%' || n === undefined || n <= 0) return null;
	const p = Math.min(1, Math.max(0, evidence.value / 100));
	return 100 * Math.sqrt((p * (1 - p)) / n);
}

/** Rule 3: the verdict stands, but the numbers cannot tell the value apart from the threshold. */
export function isBorderline(value: number, threshold: number, margin: number | null): boolean {
	return margin !== null && Math.abs(value - threshold) < 1.96 * margin;
}
