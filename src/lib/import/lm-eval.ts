/**
 * lm-evaluation-harness `results_*.json`: `results.<task>` holds `"<metric>,<filter>"` values
 * (fractions) with `_stderr` siblings; `n-samples.<task>.effective` the sample count; the model
 * is `model_name` or `config.model` (with `config.model_args`); `date` is a Unix time.
 * Metric names are `<task>/<metric>`, and `<task>/<metric>,<filter>` when the filter is not "none".
 */
import { isoDay, objectAt, ResultsError, type Observation, type ParsedResults } from './results';

export function parseLmEval(input: unknown): ParsedResults {
	const root = objectAt(input, '(file)');
	const results = objectAt(root.results, 'results');
	const config =
		root.config && typeof root.config === 'object' ? (root.config as Record<string, unknown>) : {};
	const models = [root.model_name, config.model_args, config.model].filter(
		(x): x is string => typeof x === 'string' && x !== ''
	);
	if (models.length === 0)
		throw new ResultsError(
			'model_name',
			'is missing, and so is config.model: the file does not name its model'
		);
	if (root.date === undefined)
		throw new ResultsError('date', 'is missing: the file does not say when the eval ran');
	const observedAt = isoDay(root.date, 'date');
	const samples =
		root['n-samples'] && typeof root['n-samples'] === 'object'
			? (root['n-samples'] as Record<string, { effective?: number; original?: number }>)
			: {};

	const observations: Observation[] = [];
	for (const [task, raw] of Object.entries(results)) {
		const values = objectAt(raw, `results.${task}`);
		for (const [key, value] of Object.entries(values)) {
			if (key === 'alias' || typeof value !== 'number' || !Number.isFinite(value)) continue;
			const [metric, filter = 'none'] = key.split(',');
			if (!metric || metric.endsWith('_stderr')) continue;
			const stderr = values[`${metric}_stderr,${filter}`];
			const n = samples[task]?.effective ?? samples[task]?.original;
			observations.push({
				models,
				metric: filter === 'none' ? `${task}/${metric}` : `${task}/${metric},${filter}`,
				value,
				fraction: true,
				...(typeof n === 'number' ? { sampleSize: n } : {}),
				...(typeof stderr === 'number' ? { stderr } : {}),
				task
			});
		}
	}
	if (observations.length === 0) throw new ResultsError('results', 'holds no metric values');
	return { tool: 'lm-eval', observedAt, observations };
}
