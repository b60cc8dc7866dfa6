/**
 * Inspect AI eval logs (`.json`): `eval.model`, `eval.task`, `eval.created`, and
 * `results.scores[].metrics.<name>.value` (with `stderr` beside them), `results.completed_samples`.
 * Metric names are `<task>/<scorer>/<metric>`. A log whose status is not `success` is refused:
 * an interrupted run's numbers are not evidence. So is a count or standard error that could not
 * be evidence (fractional, negative, too large), named by its path.
 */
import { formatPath } from '../domain/problems';
import {
	arrayAt,
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

export function parseInspect(input: unknown): ParsedResults {
	const root = objectAt(input, '(file)');
	if (root.status !== 'success')
		throw new ResultsError(
			'status',
			`is ${JSON.stringify(root.status)?.slice(0, 40)}: only logs of runs that finished ("success") are evidence`
		);
	const evalInfo = objectAt(root.eval, 'eval');
	const model = evalInfo.model;
	const task = evalInfo.task;
	if (typeof model !== 'string' || model === '') throw new ResultsError('eval.model', 'is missing');
	if (typeof task !== 'string' || task === '') throw new ResultsError('eval.task', 'is missing');
	nameAt(model, 'eval.model');
	nameAt(task, 'eval.task');
	const observedAt = isoDay(evalInfo.created, 'eval.created');
	const results = objectAt(root.results, 'results');
	const n =
		results.completed_samples === undefined || results.completed_samples === null
			? undefined
			: countAt(results.completed_samples, 'results.completed_samples');
	const observations: Observation[] = [];
	arrayAt(results.scores, 'results.scores').forEach((raw, i) => {
		const score = objectAt(raw, `results.scores[${i}]`);
		const scorer =
			typeof score.name === 'string'
				? score.name
				: typeof score.scorer === 'string'
					? score.scorer
					: `scorer${i}`;
		const metrics = objectAt(score.metrics, `results.scores[${i}].metrics`);
		const stderr = (metrics.stderr as { value?: unknown } | undefined)?.value;
		for (const [name, m] of Object.entries(metrics)) {
			if (name === 'stderr' || name === 'std') continue;
			const value = (m as { value?: unknown })?.value;
			if (typeof value !== 'number') continue;
			const where = formatPath(['results', 'scores', i, 'metrics', name, 'value']);
			observations.push({
				models: [model],
				metric: nameAt(`${task}/${scorer}/${name}`, where),
				value: numberAt(value, where),
				// Inspect's metrics (accuracy, mean, …) are 0–1 fractions.
				fraction: true,
				...(n !== undefined ? { sampleSize: n } : {}),
				...(typeof stderr === 'number'
					? { stderr: nonNegativeAt(stderr, `results.scores[${i}].metrics.stderr.value`) }
					: {}),
				task,
				where
			});
		}
	});
	if (observations.length === 0) throw new ResultsError('results.scores', 'holds no metric values');
	return { tool: 'inspect', observedAt, observations };
}
