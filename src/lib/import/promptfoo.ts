/**
 * promptfoo `eval -o results.json`: output version 3 (`results.results[]`, one row per test case
 * and provider) and version 2 (`results.table`, one column per provider). Per provider:
 * `pass-rate` (percent of test cases passed), `pass-rate:<key>=<value>` for the test cases tagged
 * so in their `metadata` (what `promptfoo eval --filter-metadata` selects by), `latency-p50-ms`
 * and `latency-p95-ms` from `latencyMs`, `score:<name>` (mean named score, a fraction) and
 * `cost-per-1k-usd` where present. The user picks which of these map to capabilities.
 */
import {
	arrayAt,
	isoDay,
	objectAt,
	percentile,
	ResultsError,
	round,
	type Observation,
	type ParsedResults
} from './results';

interface Row {
	provider: string[];
	pass: boolean;
	latencyMs?: number;
	cost?: number;
	namedScores: Record<string, number>;
	/** The test case's metadata as `key=value` tags; promptfoo's own `_`-keys left out. */
	tags: string[];
}

function tagsOf(metadata: unknown): string[] {
	if (!metadata || typeof metadata !== 'object') return [];
	return Object.entries(metadata).flatMap(([key, value]) =>
		key.startsWith('_')
			? []
			: (Array.isArray(value) ? value : [value])
					.filter((v) => ['string', 'number', 'boolean'].includes(typeof v))
					.map((v) => `${key}=${String(v)}`)
	);
}

function testMetadata(test: unknown): unknown {
	return test && typeof test === 'object' ? (test as { metadata?: unknown }).metadata : undefined;
}

function providerNames(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (value && typeof value === 'object') {
		const p = value as { id?: unknown; label?: unknown };
		return [p.label, p.id].filter((x): x is string => typeof x === 'string' && x !== '');
	}
	return [];
}

function numbers(value: unknown): Record<string, number> {
	const out: Record<string, number> = {};
	if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value))
			if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
	return out;
}

function rowsV3(results: Record<string, unknown>): Row[] {
	return arrayAt(results.results, 'results.results').map((raw, i) => {
		const r = objectAt(raw, `results.results[${i}]`);
		const provider = providerNames(r.provider);
		if (provider.length === 0)
			throw new ResultsError(`results.results[${i}].provider`, 'names no provider');
		const grading =
			r.gradingResult && typeof r.gradingResult === 'object'
				? (r.gradingResult as Record<string, unknown>)
				: {};
		return {
			provider,
			pass: r.success === true,
			latencyMs: typeof r.latencyMs === 'number' ? r.latencyMs : undefined,
			cost: typeof r.cost === 'number' ? r.cost : undefined,
			namedScores: { ...numbers(grading.namedScores), ...numbers(r.namedScores) },
			tags: tagsOf(testMetadata(r.testCase) ?? r.metadata)
		};
	});
}

function rowsV2(results: Record<string, unknown>): Row[] {
	const table = objectAt(results.table, 'results.table');
	const head = arrayAt(
		objectAt(table.head, 'results.table.head').prompts,
		'results.table.head.prompts'
	);
	const providers = head.map((p, i) => {
		const names = providerNames(objectAt(p, `results.table.head.prompts[${i}]`).provider);
		if (names.length === 0)
			throw new ResultsError(`results.table.head.prompts[${i}].provider`, 'names no provider');
		return names;
	});
	return arrayAt(table.body, 'results.table.body').flatMap((raw, i) => {
		const body = objectAt(raw, `results.table.body[${i}]`);
		const tags = tagsOf(testMetadata(body.test));
		return arrayAt(body.outputs, `results.table.body[${i}].outputs`).map((o, j) => {
			const out = objectAt(o, `results.table.body[${i}].outputs[${j}]`);
			return {
				provider: providers[j] ?? ['unknown provider'],
				pass: out.pass === true,
				latencyMs: typeof out.latencyMs === 'number' ? out.latencyMs : undefined,
				cost: typeof out.cost === 'number' ? out.cost : undefined,
				namedScores: numbers(out.namedScores),
				tags
			};
		});
	});
}

export function parsePromptfoo(input: unknown): ParsedResults {
	const root = objectAt(input, '(file)');
	const results = objectAt(root.results, 'results');
	const version = results.version;
	let rows: Row[];
	if (version === 3 || (version === undefined && Array.isArray(results.results)))
		rows = rowsV3(results);
	else if (version === 2) rows = rowsV2(results);
	else
		throw new ResultsError(
			'results.version',
			`is ${JSON.stringify(version)}; Capmap reads promptfoo output versions 2 and 3`
		);
	if (rows.length === 0) throw new ResultsError('results', 'holds no test results');
	const stamp = results.timestamp ?? root.createdAt ?? root.timestamp;
	if (stamp === undefined)
		throw new ResultsError(
			'results.timestamp',
			'is missing: the file does not say when the eval ran'
		);
	const observedAt = isoDay(stamp, 'results.timestamp');

	const byProvider = new Map<string, Row[]>();
	for (const row of rows) {
		const key = row.provider.join('\u0000');
		byProvider.set(key, [...(byProvider.get(key) ?? []), row]);
	}
	const observations: Observation[] = [];
	for (const group of byProvider.values()) {
		const models = group[0]!.provider;
		const n = group.length;
		const task = 'all tests';
		observations.push({
			models,
			metric: 'pass-rate',
			value: round((100 * group.filter((r) => r.pass).length) / n, 2),
			fraction: false,
			sampleSize: n,
			task
		});
		const tags = [...new Set(group.flatMap((r) => r.tags))].sort();
		for (const tag of tags) {
			const tagged = group.filter((r) => r.tags.includes(tag));
			observations.push({
				models,
				metric: `pass-rate:${tag}`,
				value: round((100 * tagged.filter((r) => r.pass).length) / tagged.length, 2),
				fraction: false,
				sampleSize: tagged.length,
				task: `tests with ${tag}`
			});
		}
		const latencies = group.flatMap((r) => (r.latencyMs === undefined ? [] : [r.latencyMs]));
		if (latencies.length > 0) {
			observations.push({
				models,
				metric: 'latency-p50-ms',
				value: percentile(latencies, 50),
				fraction: false,
				sampleSize: latencies.length,
				task
			});
			observations.push({
				models,
				metric: 'latency-p95-ms',
				value: percentile(latencies, 95),
				fraction: false,
				sampleSize: latencies.length,
				task
			});
		}
		const costs = group.flatMap((r) => (r.cost === undefined ? [] : [r.cost]));
		if (costs.length > 0)
			observations.push({
				models,
				metric: 'cost-per-1k-usd',
				value: round((1000 * costs.reduce((a, b) => a + b, 0)) / costs.length, 4),
				fraction: false,
				sampleSize: costs.length,
				task
			});
		const names = [...new Set(group.flatMap((r) => Object.keys(r.namedScores)))].sort();
		for (const name of names) {
			const scores = group.flatMap((r) => (name in r.namedScores ? [r.namedScores[name]!] : []));
			observations.push({
				models,
				metric: `score:${name}`,
				value: round(scores.reduce((a, b) => a + b, 0) / scores.length),
				fraction: true,
				sampleSize: scores.length,
				task: `score ${name}`
			});
		}
	}
	return { tool: 'promptfoo', observedAt, observations };
}
