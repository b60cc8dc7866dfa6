/**
 * What every eval-results importer produces: observations of a tool's model on a tool's metric,
 * before any mapping to the workspace. Importers are pure: text in, observations or a problem
 * naming where the file is wrong.
 */
export type Tool = 'promptfoo' | 'lm-eval' | 'inspect' | 'csv';

export interface Observation {
	/** The tool's names for the model, most specific first (e.g. lm-eval's model_name, config.model). */
	models: string[];
	metric: string;
	value: number;
	/** True when the value is a 0–1 fraction that becomes a percentage for a `%` capability. */
	fraction: boolean;
	sampleSize?: number;
	stderr?: number;
	task: string;
	/** Overrides the file's date, for tables whose rows carry their own. */
	observedAt?: string;
}

export interface ParsedResults {
	tool: Tool;
	/** The results file's own date, YYYY-MM-DD. */
	observedAt: string;
	observations: Observation[];
}

/** A results file that cannot be read: `where` is a JSON path, a row, or "(file)". */
export class ResultsError extends Error {
	constructor(
		readonly where: string,
		message: string
	) {
		super(`${where}: ${message}`);
	}
}

export function isoDay(value: unknown, where: string): string {
	const date =
		typeof value === 'number'
			? new Date(value > 1e12 ? value : value * 1000)
			: typeof value === 'string'
				? new Date(value)
				: null;
	if (!date || Number.isNaN(date.getTime())) throw new ResultsError(where, 'is not a date');
	return date.toISOString().slice(0, 10);
}

export function parseJson(text: string): unknown {
	if (text.includes('\u0000'))
		throw new ResultsError('(file)', 'is a binary file, not JSON results');
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new ResultsError(
			'(file)',
			`is not valid JSON (${error instanceof Error ? error.message : error}); was it cut short?`
		);
	}
}

export function objectAt(value: unknown, where: string): Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		throw new ResultsError(where, 'is missing or not an object');
	return value as Record<string, unknown>;
}

export function arrayAt(value: unknown, where: string): unknown[] {
	if (!Array.isArray(value)) throw new ResultsError(where, 'is missing or not a list');
	return value;
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function round(value: number, digits = 4): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
