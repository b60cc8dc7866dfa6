/**
 * JSON for stdout that is always valid JSON with every number in it. JSON.stringify writes NaN
 * and ±Infinity as `null` without a word, which a script would read as "no value". A valid
 * workspace never leads to one (validation refuses non-finite input); should one appear anyway,
 * it is reported with its path rather than printed as something it is not.
 */
import { formatPath } from '../src/lib/domain/problems';

export class UnrepresentableError extends Error {}

/**
 * Whether `value` holds a non-finite number; if so, `path` is left pointing at it. One path stack,
 * pushed and popped, rather than a fresh path per value: the check walks every value of a report
 * thousands of items long, and should cost little beside the JSON.stringify that follows it.
 */
function hasNonFinite(value: unknown, path: (string | number)[]): boolean {
	if (typeof value === 'number') return !Number.isFinite(value);
	if (value === null || typeof value !== 'object') return false;
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			path.push(i);
			if (hasNonFinite(value[i], path)) return true;
			path.pop();
		}
		return false;
	}
	const keys = Object.keys(value);
	for (let i = 0; i < keys.length; i++) {
		path.push(keys[i]!);
		if (hasNonFinite((value as Record<string, unknown>)[keys[i]!], path)) return true;
		path.pop();
	}
	return false;
}

export function jsonText(value: unknown): string {
	const path: (string | number)[] = [];
	if (hasNonFinite(value, path))
		throw new UnrepresentableError(
			`the result has a number JSON cannot hold at ${formatPath(path)}; run capmap validate on the workspace`
		);
	return JSON.stringify(value, null, 2);
}
