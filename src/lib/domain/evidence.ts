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

const TRUST: Record<EvidenceKind, number> = Object.fromEntries(
	EVIDENCE_KINDS.map((kind, index) => [kind, EVIDENCE_KINDS.length - index])
) as Record<EvidenceKind, number>;

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

/** Negative when `a` should decide before `b` (rule 1's order). */
function compare(a: Evidence, aStale: boolean, aSmall: boolean, b: Deciding): number {
	if (aStale !== b.stale) return aStale ? 1 : -1;
	const trust = TRUST[b.evidence.kind] - TRUST[a.kind];
	if (trust !== 0) return trust;
	if (aSmall !== b.small) return aSmall ? 1 : -1;
	if (a.observedAt !== b.evidence.observedAt) return a.observedAt > b.evidence.observedAt ? -1 : 1;
	const size = (b.evidence.sampleSize ?? 0) - (a.sampleSize ?? 0);
	if (size !== 0) return size;
	if (a.id === b.evidence.id) return 0;
	return a.id < b.evidence.id ? -1 : 1;
}

/** modelId → capabilityId → deciding evidence. */
export type EvidenceIndex = Map<string, Map<string, Deciding>>;

export function indexEvidence(
	evidence: readonly Evidence[],
	asOf: string,
	settings: EvidenceSettings
): EvidenceIndex {
	const index: EvidenceIndex = new Map();
	const { staleAfterDays, minSampleSize } = settings;
	// Evidence shares few distinct dates, and Date.parse is the slow part of staleness.
	const asOfDay = dayNumber(asOf);
	const staleByDate = new Map<string, boolean>();
	for (const record of evidence) {
		if (!isKnownOn(record, asOf)) continue;
		let stale = staleByDate.get(record.observedAt);
		if (stale === undefined) {
			stale = asOfDay - dayNumber(record.observedAt) > staleAfterDays;
			staleByDate.set(record.observedAt, stale);
		}
		const small = isSmallSample(record, minSampleSize);
		let byCapability = index.get(record.modelId);
		if (!byCapability) index.set(record.modelId, (byCapability = new Map()));
		const current = byCapability.get(record.capabilityId);
		if (!current || compare(record, stale, small, current) < 0)
			byCapability.set(record.capabilityId, {
				evidence: record,
				stale,
				small,
				confidence: confidenceOf(record.kind, stale, small)
			});
	}
	return index;
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
