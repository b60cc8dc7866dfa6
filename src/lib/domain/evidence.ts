/**
 * DESIGN.md rules 1 and 2: which evidence decides a (model, capability) pair, and how much it is
 * trusted. Built once per computation as an index, so readiness over thousands of items is a
 * lookup per requirement rather than a scan of the evidence.
 */
import { dayNumber, daysBetween } from './dates';
import { EVIDENCE_KINDS, type Evidence, type EvidenceKind } from './schemas';

export type Confidence = 'high' | 'medium' | 'low';
export const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export interface Deciding {
	evidence: Evidence;
	stale: boolean;
	confidence: Confidence;
}

const TRUST: Record<EvidenceKind, number> = Object.fromEntries(
	EVIDENCE_KINDS.map((kind, index) => [kind, EVIDENCE_KINDS.length - index])
) as Record<EvidenceKind, number>;

export function isStale(evidence: Evidence, asOf: string, staleAfterDays: number): boolean {
	return daysBetween(evidence.observedAt, asOf) > staleAfterDays;
}

export function confidenceOf(kind: EvidenceKind, stale: boolean): Confidence {
	if (kind === 'internal-eval' || kind === 'benchmark') return stale ? 'medium' : 'high';
	if (kind === 'user-research') return 'medium';
	return 'low';
}

/** Negative when `a` should decide before `b` (rule 1's order). */
function compare(a: Evidence, aStale: boolean, b: Evidence, bStale: boolean): number {
	if (aStale !== bStale) return aStale ? 1 : -1;
	const trust = TRUST[b.kind] - TRUST[a.kind];
	if (trust !== 0) return trust;
	if (a.observedAt !== b.observedAt) return a.observedAt > b.observedAt ? -1 : 1;
	const size = (b.sampleSize ?? 0) - (a.sampleSize ?? 0);
	if (size !== 0) return size;
	if (a.id === b.id) return 0;
	return a.id < b.id ? -1 : 1;
}

/** modelId → capabilityId → deciding evidence. */
export type EvidenceIndex = Map<string, Map<string, Deciding>>;

export function indexEvidence(
	evidence: readonly Evidence[],
	asOf: string,
	staleAfterDays: number
): EvidenceIndex {
	const index: EvidenceIndex = new Map();
	// Evidence shares few distinct dates, and Date.parse is the slow part of staleness.
	const asOfDay = dayNumber(asOf);
	const staleByDate = new Map<string, boolean>();
	for (const record of evidence) {
		let stale = staleByDate.get(record.observedAt);
		if (stale === undefined) {
			stale = asOfDay - dayNumber(record.observedAt) > staleAfterDays;
			staleByDate.set(record.observedAt, stale);
		}
		let byCapability = index.get(record.modelId);
		if (!byCapability) index.set(record.modelId, (byCapability = new Map()));
		const current = byCapability.get(record.capabilityId);
		if (!current || compare(record, stale, current.evidence, current.stale) < 0)
			byCapability.set(record.capabilityId, {
				evidence: record,
				stale,
				confidence: confidenceOf(record.kind, stale)
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
