/**
 * lm-evaluation-harness `results_*.json`: `results.<task>` holds `"<metric>,<filter>"` values
 * (fractions) with `_stderr` siblings; `n-samples.<task>.effective` the sample count; the model
 * is `model_name` or `config.model` (with `config.model_args`); `date` is a Unix time.
 * Metric names are `<task>/<metric>`, and `<task>/<metric>,<filter>` when the filter is not "none".
 * Text where a number could be (`"alias"`, a stderr of `"N/A"`) is not a metric and is skipped;
 * a number that cannot be evidence (a sample count of 1.5, a value too large to represent) refuses
 * the file, naming its path.
 *
 * Case by case: each task is one run (suite = the task). Its cases come from the harness's
 * `--log_samples` file for the task, `samples_<task>_<time>.jsonl` beside `results_<time>.json`
 * (one JSON object per line: `doc_id`, `doc`, `target`, `filtered_resps`, `filter`, `metrics` and
 * each metric's value), keyed by `doc_id` (`<doc_id>,<filter>` for a filter other than "none").
 * A case passes when its first metric is 1 (or true); that value is its score. Without a samples
 * file, or when a sample's metric is not 0 or 1 (bleu, perplexity), the run has no cases and
 * says so (`summaryOnly`).
 */
import { clip, withUniqueKeys, type EvalCase } from '../domain/eval-runs';
import { formatPath } from '../domain/problems';
import { LIMITS } from '../domain/entities';
import {
	countAt,
	isoDay,
	nameAt,
	nonNegativeAt,
	numberAt,
	objectAt,
	parseJson,
	ResultsError,
	stampAt,
	type Companion,
	type Observation,
	type ParsedResults,
	type ParsedRun
} from './results';

const present = (value: unknown) => value !== undefined && value !== null;

/** The task's sample count: `effective` (after any limit), else `original`; none is fine. */
function sampleSize(samples: unknown, task: string): number | undefined {
	if (!samples || typeof samples !== 'object') return undefined;
	const entry = (samples as Record<string, unknown>)[task];
	if (!entry || typeof entry !== 'object') return undefined;
	const { effective, original } = entry as { effective?: unknown; original?: unknown };
	if (present(effective)) return countAt(effective, formatPath(['n-samples', task, 'effective']));
	if (present(original)) return countAt(original, formatPath(['n-samples', task, 'original']));
	return undefined;
}

/** The time in lm-eval's file names: `2026-11-20T02-14-07.512345` (its date_id). */
const DATE_ID = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d+)?`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The samples file of `task` among the files given: the one of the same time as the results
 * file (`results_<time>.json`), or, when the results file is named otherwise, the only one.
 */
export function samplesFileOf(
	task: string,
	companions: readonly Companion[],
	resultsName = ''
): Companion | undefined {
	const time = new RegExp(`^results_(${DATE_ID})\\.json$`).exec(resultsName)?.[1];
	const pattern = new RegExp(`^samples_${escapeRegExp(task)}_(${DATE_ID})\\.jsonl$`);
	const found = companions.filter((c) => {
		const match = pattern.exec(c.name);
		return match && (time === undefined || match[1] === time);
	});
	return found.length === 1 ? found[0] : undefined;
}

/** What a sample holds besides its metrics' values. */
const BOOKKEEPING = new Set([
	'doc_id',
	'doc',
	'target',
	'arguments',
	'resps',
	'filtered_resps',
	'filter',
	'metrics',
	'doc_hash',
	'prompt_hash',
	'target_hash'
]);
/** Fields of a task's document that hold its question, in the order tried. */
const DOC_TEXT = [
	'question',
	'query',
	'problem',
	'goal',
	'ctx',
	'sentence',
	'premise',
	'input',
	'prompt',
	'text'
];

/** The cases of one task from its samples file; undefined when a metric is not pass or fail. */
function casesFrom(file: Companion): EvalCase[] | undefined {
	const raw: EvalCase[] = [];
	const lines = file.text.replace(/^\uFEFF/, '').split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.trim();
		if (line === '') continue;
		const where = `${file.name}, line ${i + 1}`;
		let sample: Record<string, unknown>;
		try {
			sample = objectAt(parseJson(line), where);
		} catch (error) {
			throw error instanceof ResultsError && error.where === '(file)'
				? new ResultsError(where, error.detail)
				: error;
		}
		const docId = sample.doc_id;
		if (typeof docId !== 'number' && typeof docId !== 'string')
			throw new ResultsError(`${where}.doc_id`, 'is missing: a sample must name its document');
		const filter = typeof sample.filter === 'string' ? sample.filter : 'none';
		const named = Array.isArray(sample.metrics)
			? sample.metrics.filter((m): m is string => typeof m === 'string' && m in sample)
			: [];
		const metric =
			named[0] ??
			Object.keys(sample).find(
				(k) => !BOOKKEEPING.has(k) && ['number', 'boolean'].includes(typeof sample[k])
			);
		if (metric === undefined) throw new ResultsError(where, 'holds no metric value');
		const value = sample[metric];
		const score =
			typeof value === 'boolean' ? Number(value) : numberAt(value, `${where}.${metric}`);
		if (score !== 0 && score !== 1) return undefined;
		const doc =
			sample.doc && typeof sample.doc === 'object' ? (sample.doc as Record<string, unknown>) : {};
		const question = DOC_TEXT.map((k) => doc[k]).find((v) => typeof v === 'string' && v.trim());
		const answer = Array.isArray(sample.filtered_resps)
			? sample.filtered_resps.flat()[0]
			: undefined;
		const reason =
			score === 0 && typeof sample.target === 'string' && typeof answer === 'string'
				? clip(
						`expected ${JSON.stringify(sample.target)}, answered ${JSON.stringify(answer)}`,
						LIMITS.reason
					)
				: undefined;
		raw.push({
			key: filter === 'none' ? String(docId) : `${docId},${filter}`,
			pass: score === 1,
			score,
			...(typeof question === 'string' ? { description: clip(question, 300) } : {}),
			...(reason ? { reason } : {})
		});
	}
	return withUniqueKeys(raw);
}

export function parseLmEval(
	input: unknown,
	companions: readonly Companion[] = [],
	resultsName?: string
): ParsedResults {
	const root = objectAt(input, '(file)');
	const results = objectAt(root.results, 'results');
	const config =
		root.config && typeof root.config === 'object' ? (root.config as Record<string, unknown>) : {};
	if (typeof root.model_name === 'string') nameAt(root.model_name, 'model_name');
	// The other names are aliases to map by; an over-long one (a long model_args) is left out.
	const models = [root.model_name, config.model_args, config.model].filter(
		(x): x is string => typeof x === 'string' && x !== '' && x.length <= LIMITS.name
	);
	if (models.length === 0)
		throw new ResultsError(
			'model_name',
			'is missing, and so is config.model: the file does not name its model'
		);
	if (root.date === undefined)
		throw new ResultsError('date', 'is missing: the file does not say when the eval ran');
	const observedAt = isoDay(root.date, 'date');
	const ranAt = stampAt(root.date, 'date');

	const observations: Observation[] = [];
	const runs: ParsedRun[] = [];
	for (const [task, raw] of Object.entries(results)) {
		const values = objectAt(raw, formatPath(['results', task]));
		const samples = samplesFileOf(task, companions, resultsName);
		const cases = samples ? casesFrom(samples) : undefined;
		runs.push({
			models,
			suite: nameAt(task, formatPath(['results', task])),
			ranAt,
			cases: cases ?? [],
			...(cases ? {} : { summaryOnly: true })
		});
		const n = sampleSize(root['n-samples'], task);
		for (const [key, value] of Object.entries(values)) {
			if (key === 'alias' || typeof value !== 'number') continue;
			const [metric, filter = 'none'] = key.split(',');
			if (!metric || metric.endsWith('_stderr')) continue;
			const where = formatPath(['results', task, key]);
			const stderrKey = `${metric}_stderr,${filter}`;
			const stderr = values[stderrKey];
			observations.push({
				models,
				metric: nameAt(
					filter === 'none' ? `${task}/${metric}` : `${task}/${metric},${filter}`,
					where
				),
				value: numberAt(value, where),
				fraction: true,
				...(n !== undefined ? { sampleSize: n } : {}),
				...(typeof stderr === 'number'
					? { stderr: nonNegativeAt(stderr, formatPath(['results', task, stderrKey])) }
					: {}),
				task,
				where
			});
		}
	}
	if (observations.length === 0) throw new ResultsError('results', 'holds no metric values');
	return { tool: 'lm-eval', observedAt, observations, runs };
}
