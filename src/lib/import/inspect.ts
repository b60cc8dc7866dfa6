/**
 * Inspect AI eval logs (`.json`): `eval.model`, `eval.task`, `eval.created`, and
 * `results.scores[].metrics.<name>.value` (with `stderr` beside them), `results.completed_samples`.
 * Metric names are `<task>/<scorer>/<metric>`. A log whose status is not `success` is refused:
 * an interrupted run's numbers are not evidence. So is a count or standard error that could not
 * be evidence (fractional, negative, too large), named by its path.
 *
 * Case by case: the log is one run (suite = the task), one case per entry of `samples`, keyed by
 * the sample's `id` (with ` (epoch N)` when the log ran more than one epoch). A case's score is
 * the first scorer's value read as Inspect reads it (`C` 1, `P` 0.5, `I` and `N` 0, true/false,
 * a number); it passes on full credit (1), and a failing case keeps the scorer's explanation.
 * A log without samples (`--no-log-samples`), or whose scores are not numbers or grades, gives a
 * run with no cases that says so (`summaryOnly`).
 */
import { clip, withUniqueKeys, type EvalCase } from '../domain/eval-runs';
import { formatPath } from '../domain/problems';
import { LIMITS } from '../domain/entities';
import {
	arrayAt,
	countAt,
	isoDay,
	nameAt,
	nonNegativeAt,
	numberAt,
	objectAt,
	ResultsError,
	stampAt,
	type Observation,
	type ParsedResults
} from './results';

/** Inspect's grades and words for a score (its `value_to_float`). */
const GRADES: Record<string, number> = {
	c: 1,
	correct: 1,
	yes: 1,
	true: 1,
	p: 0.5,
	partial: 0.5,
	i: 0,
	incorrect: 0,
	n: 0,
	no: 0,
	false: 0
};

function scoreOf(value: unknown): number | undefined {
	if (typeof value === 'boolean') return Number(value);
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string') return GRADES[value.trim().toLowerCase()];
	return undefined;
}

const object = (value: unknown): Record<string, unknown> =>
	value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};

/** A sample's input in words: the text, or the first message's text. */
function inputText(input: unknown): string | undefined {
	if (typeof input === 'string') return input;
	if (!Array.isArray(input)) return undefined;
	const content = object(input[0]).content;
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) {
		const text = object(content.find((c) => object(c).type === 'text')).text;
		return typeof text === 'string' ? text : undefined;
	}
	return undefined;
}

/** The log's samples as cases, scored by `scorer` (else each sample's first); undefined if any cannot be. */
function casesOf(samples: unknown[], scorer: string | undefined): EvalCase[] | undefined {
	const epochs = samples.some((s) => Number(object(s).epoch ?? 1) > 1);
	const raw: EvalCase[] = [];
	for (const [i, entry] of samples.entries()) {
		const sample = object(entry);
		const id = sample.id;
		if (typeof id !== 'number' && typeof id !== 'string')
			throw new ResultsError(`samples[${i}].id`, 'is missing: a sample must have an id');
		const scores = object(sample.scores ?? (sample.score ? { score: sample.score } : {}));
		const chosen = object(scores[scorer ?? ''] ?? Object.values(scores)[0]);
		const error = typeof sample.error === 'string' ? sample.error : object(sample.error).message;
		let score: number | undefined;
		if ('value' in chosen) {
			score = scoreOf(chosen.value);
			if (score === undefined) return undefined;
		} else if (!error) return undefined;
		const pass = score === 1;
		const why = [chosen.explanation, error].find((x) => typeof x === 'string' && x.trim());
		const input = inputText(sample.input);
		raw.push({
			key: epochs ? `${id} (epoch ${Number(sample.epoch ?? 1)})` : String(id),
			pass,
			...(score !== undefined ? { score } : {}),
			...(input ? { description: clip(input, 300) } : {}),
			...(!pass && typeof why === 'string' ? { reason: clip(why, LIMITS.reason) } : {})
		});
	}
	return withUniqueKeys(raw);
}

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
	const scorers = arrayAt(results.scores, 'results.scores');
	const first = object(scorers[0]);
	const scorer = [first.name, first.scorer].find((x): x is string => typeof x === 'string');
	const cases =
		Array.isArray(root.samples) && root.samples.length > 0
			? casesOf(root.samples, scorer)
			: undefined;
	const run = {
		models: [model],
		suite: task,
		ranAt: stampAt(evalInfo.created, 'eval.created'),
		cases: cases ?? [],
		...(cases ? {} : { summaryOnly: true })
	};
	scorers.forEach((raw, i) => {
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
	return { tool: 'inspect', observedAt, observations, runs: [run] };
}
