/** How values, thresholds and labels read in the board, the brief and the command line. */
import type { Direction, EvidenceKind } from './schemas';
import type { Readiness } from './readiness';

/** A value with its unit, as the brief's reference line writes it: `93.5 %`, `820 ms`. */
export function formatValue(value: number, unit: string): string {
	return unit === '' ? String(value) : `${value} ${unit}`;
}

export function comparator(direction: Direction): '≥' | '≤' {
	return direction === 'higher' ? '≥' : '≤';
}

export const KIND_LABEL: Record<EvidenceKind, string> = {
	'internal-eval': 'internal eval',
	benchmark: 'benchmark',
	'user-research': 'user research',
	'vendor-claim': 'vendor claim',
	anecdote: 'anecdote'
};

export const READINESS_LABEL: Record<Readiness, string> = {
	ready: 'ready',
	upgrade: 'needs a model upgrade',
	unverified: 'unverified',
	waiting: 'waiting on a capability'
};

/** English list: `a`, `a and b`, `a, b and c`. */
export function joinAnd(parts: readonly string[]): string {
	if (parts.length <= 1) return parts[0] ?? '';
	return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
	return `${count} ${count === 1 ? singular : pluralForm}`;
}
