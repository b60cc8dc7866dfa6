/**
 * JSON for stdout that is always valid JSON with every number in it. JSON.stringify writes NaN
 * and ±Infinity as `null` without a word, which a script would read as "no value". A valid
 * workspace never leads to one (validation refuses non-finite input); should one appear anyway,
 * it is reported with its path rather than printed as something it is not.
 */
import { formatPath } from '../src/lib/domain/problems';

export class UnrepresentableError extends Error {}

function nonFinitePath(value: unknown, path: (string | number)[]): string | null {
	if (typeof value === 'number') return Number.isFinite(value) ? null : formatPath(path);
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const found = nonFinitePath(value[i], [...path, i]);
			if (found) return found;
		}
	} else if (value !== null && typeof value === 'object') {
		for (const [key, child] of Object.entries(value)) {
			const found = nonFinitePath(child, [...path, key]);
			if (found) return found;
		}
	}
	return null;
}

export function jsonText(value: unknown): string {
	const bad = nonFinitePath(value, []);
	if (bad !== null)
		throw new UnrepresentableError(
			`the result has a number JSON cannot hold at ${bad}; run capmap validate on the workspace`
		);
	return JSON.stringify(value, null, 2);
}
