/**
 * lm-evaluation-harness `results_*.json`: `results.<task>` holds `"<metric>,<filter>"` values
 * (fractions) with `_stderr` siblings; `n-samples.<task>.effective` the sample count; the model
 * is `model_name` or `config.model` (with `config.model_args`); `date` is a Unix time.
 * Metric names are `<task>/<metric>`, and `<task>/<metric>,<filter>` when the filter is not "none".
 * Text where a number could be (`"alias"`, a stderr of `"N/A"`) is not a metric and is skipped;
 * a number that cannot be evidence (a sample count of 1.5, a value too large to represent) refuses
 * the file, naming its path.
 */
import { formatPath } from '../domain/problems';
import { LIMITS } from '../domain/entities';
import {
	countAt,
	isoDay,
	nameAt,
	nonNegativeAt,
	numberAt,
	objectAt,
	ResultsError,
	type Observation,
	type ParsedResults
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

export function parseLmEval(input: unknown): ParsedResults {
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

	const observations: Observation[] = [];
	for (const [task, raw] of Object.entries(results)) {
		const values = objectAt(raw, formatPath(['results', task]));
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
	return { tool: 'lm-eval', observedAt, observations };
}
