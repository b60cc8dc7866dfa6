/**
 * What every eval-results importer produces: observations of a tool's model on a tool's metric,
 * before any mapping to the workspace. Importers are pure: text in, observations or a problem
 * naming where the file is wrong. Every number, count and date is read through the strict readers
 * below (domain/strict.ts), so a file that could only make evidence the workspace format refuses
 * is refused here, with the row or JSON path named.
 */
import type { EvalCase } from '../domain/eval-runs';
import { parseJsonText } from '../domain/json-text';
import { LIMITS } from '../domain/entities';
import {
	readCount,
	readDay,
	readNonNegative,
	readNumber,
	readTimestamp,
	type Read
} from '../domain/strict';

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
	/** Where the value came from (a JSON path or a row), to name it if it cannot be evidence. */
	where: string;
}

/**
 * One run of one suite for one of the tool's models, case by case, before mapping: ingest keeps
 * it as an eval run when its model is mapped to a workspace model.
 */
export interface ParsedRun {
	/** The tool's names for the model, as in an observation (mapped the same way). */
	models: string[];
	/** The suite; absent, the file's name is the suite (a CSV without a suite column). */
	suite?: string;
	/** When the run ran: a UTC ISO timestamp (domain/strict.ts readTimestamp). */
	ranAt: string;
	cases: EvalCase[];
	/** The file has no case-level results for this run (lm-eval without samples). */
	summaryOnly?: boolean;
}

export interface ParsedResults {
	tool: Tool;
	/** The results file's own date, YYYY-MM-DD. */
	observedAt: string;
	observations: Observation[];
	/** The file's runs, one per suite and tool model, with their cases when the file has them. */
	runs: ParsedRun[];
}

/** A file read beside the results file: lm-eval's `samples_<task>_<time>.jsonl`. */
export interface Companion {
	name: string;
	text: string;
}

/** A results file that cannot be read: `where` is a JSON path, a row, or "(file)". */
export class ResultsError extends Error {
	constructor(
		readonly where: string,
		/** The problem alone, without `where`. */
		readonly detail: string
	) {
		super(`${where}: ${detail}`);
	}
}

function must<T>(read: Read<T>, where: string): T {
	if (!read.ok) throw new ResultsError(where, read.problem);
	return read.value;
}

/** The UTC day of a date, timestamp or Unix time; anything else names `where`. */
export function isoDay(value: unknown, where: string): string {
	return must(readDay(value), where);
}

/** The instant of a date, timestamp or Unix time, as a UTC ISO timestamp; else names `where`. */
export function stampAt(value: unknown, where: string): string {
	return must(readTimestamp(value), where);
}

/** A finite number, or decimal text. */
export function numberAt(value: unknown, where: string): number {
	return must(readNumber(value), where);
}

/** A count of cases: a whole number from 0 to 2^53 − 1. */
export function countAt(value: unknown, where: string): number {
	return must(readCount(value), where);
}

/** A standard error, a latency: zero or more. */
export function nonNegativeAt(value: unknown, where: string): number {
	return must(readNonNegative(value), where);
}

/**
 * A tool's name for a model, metric or task. It becomes part of a mapping or a source title, so
 * a runaway one is refused here rather than as an invalid workspace later.
 */
export function nameAt(value: string, where: string): string {
	if (value.length > LIMITS.name)
		throw new ResultsError(
			where,
			`is ${value.length.toLocaleString('en-US')} characters long; a name is at most ${LIMITS.name}`
		);
	return value;
}

export function parseJson(text: string): unknown {
	if (text.includes('\u0000'))
		throw new ResultsError('(file)', 'is a binary file, not JSON results');
	const json = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	if (!json.ok) throw new ResultsError('(file)', json.problem);
	return json.value;
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
