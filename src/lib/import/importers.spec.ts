import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvEvidence } from './csv';
import { readCsvTable } from './csv-table';
import { detectFormat, parseResults } from './detect';
import { ResultsError } from './results';

const fixture = (path: string) => readFileSync(`tests/fixtures/eval/${path}`, 'utf8');
const byMetric = (text: string) => {
	const parsed = parseResults(text);
	return {
		parsed,
		get: (model: string, metric: string) =>
			parsed.observations.find((o) => o.models.includes(model) && o.metric === metric)
	};
};

describe('promptfoo', () => {
	it('reads output version 3 as produced by promptfoo itself', () => {
		const { parsed, get } = byMetric(fixture('promptfoo/results-v3.json'));
		expect(parsed.tool).toBe('promptfoo');
		expect(parsed.observedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(get('house-strong', 'pass-rate')).toMatchObject({
			value: 100,
			fraction: false,
			sampleSize: 4
		});
		expect(get('house-weak', 'pass-rate')).toMatchObject({ value: 50, sampleSize: 4 });
		expect(get('house-weak', 'score:routing')).toMatchObject({
			value: 0.5,
			fraction: true,
			sampleSize: 4
		});
		expect(get('house-weak', 'score:json')).toMatchObject({ value: 1 });
		expect(get('house-strong', 'latency-p50-ms')!.value).toBeGreaterThanOrEqual(420);
		expect(get('house-strong', 'latency-p95-ms')!.value).toBeGreaterThanOrEqual(
			get('house-strong', 'latency-p50-ms')!.value
		);
		expect(get('house-weak', 'cost-per-1k-usd')).toMatchObject({ value: 0.4 });
		expect(get('house-strong', 'pass-rate')!.models).toEqual([
			'house-strong',
			'file://provider.js'
		]);
	});

	it('gives a pass rate per test metadata tag, beside the overall one', () => {
		const { get } = byMetric(fixture('promptfoo/results-v3.json'));
		expect(get('house-weak', 'pass-rate:topic=billing')).toMatchObject({
			value: 0,
			sampleSize: 2,
			task: 'tests with topic=billing'
		});
		expect(get('house-weak', 'pass-rate:topic=account')).toMatchObject({
			value: 100,
			sampleSize: 1
		});
		expect(get('house-strong', 'pass-rate:topic=billing')).toMatchObject({ value: 100 });
		const v2 = byMetric(fixture('promptfoo/results-v2.json'));
		expect(v2.get('anthropic:messages:claude-haiku-4-5', 'pass-rate:topic=account')).toMatchObject({
			value: 0,
			sampleSize: 1
		});
		// A list-valued key tags the test once per element.
		expect(v2.get('openai:gpt-4o', 'pass-rate:tags=smoke')).toMatchObject({
			value: 100,
			sampleSize: 3
		});
	});

	it('reads output version 2 (results.table)', () => {
		const { parsed, get } = byMetric(fixture('promptfoo/results-v2.json'));
		expect(parsed.observedAt).toBe('2026-11-15');
		expect(get('openai:gpt-4o', 'pass-rate')).toMatchObject({ value: 100, sampleSize: 3 });
		expect(get('anthropic:messages:claude-haiku-4-5', 'pass-rate')).toMatchObject({ value: 66.67 });
		expect(get('openai:gpt-4o', 'latency-p95-ms')).toMatchObject({ value: 640 });
		expect(get('openai:gpt-4o', 'latency-p50-ms')).toMatchObject({ value: 610 });
	});

	it('names a wrong version', () => {
		const wrong = JSON.parse(fixture('promptfoo/results-v2.json'));
		wrong.results.version = 7;
		expect(() => parseResults(JSON.stringify(wrong), 'promptfoo')).toThrow(
			'results.version: is 7; Capmap reads promptfoo output versions 2 and 3'
		);
	});
});

describe('lm-evaluation-harness', () => {
	it('reads task/metric values, filters, stderr, samples, model and date', () => {
		const { parsed, get } = byMetric(fixture('lm-eval/results_2026-11-20T02-14-07.json'));
		expect(parsed).toMatchObject({ tool: 'lm-eval', observedAt: '2026-11-20' });
		expect(get('acme/helio-ft-8b', 'hellaswag/acc_norm')).toMatchObject({
			value: 0.7412,
			stderr: 0.0044,
			sampleSize: 10042,
			fraction: true
		});
		expect(get('hf', 'gsm8k/exact_match,strict-match')).toMatchObject({
			value: 0.6202,
			stderr: 0.0134,
			sampleSize: 1319
		});
		expect(parsed.observations.some((o) => o.metric.includes('stderr'))).toBe(false);
		expect(get('acme/helio-ft-8b', 'hellaswag/acc')!.models).toEqual([
			'acme/helio-ft-8b',
			'pretrained=acme/helio-ft-8b,dtype=bfloat16',
			'hf'
		]);
	});
});

describe('Inspect', () => {
	it('reads task/scorer/metric with stderr and completed samples', () => {
		const { parsed, get } = byMetric(
			fixture('inspect/2026-11-21T09-30-00_ticket-triage_success.json')
		);
		expect(parsed).toMatchObject({ tool: 'inspect', observedAt: '2026-11-21' });
		expect(parsed.observations).toHaveLength(1);
		expect(get('anthropic/claude-sonnet-4-5', 'ticket_triage/match/accuracy')).toMatchObject({
			value: 0.9475,
			stderr: 0.0112,
			sampleSize: 400
		});
	});

	it('refuses a log whose run did not succeed, saying so', () => {
		expect(() =>
			parseResults(fixture('inspect/2026-11-21T10-02-00_ticket-triage_error.json'))
		).toThrow('status: is "error": only logs of runs that finished ("success") are evidence');
	});
});

describe('CSV', () => {
	it('reads a table with its own dates, samples and quoted cells', () => {
		const parsed = parseResults(fixture('csv/evidence.csv'));
		expect(parsed.tool).toBe('csv');
		expect(parsed.observations[2]).toMatchObject({
			models: ['helio-strong'],
			metric: 'p95 latency',
			value: 1320,
			sampleSize: 12000,
			task: 'load test, EU',
			observedAt: '2026-11-19'
		});
		expect(parsed.observedAt).toBe('2026-11-19');
	});

	it('names the row and column of a bad cell, a missing quote, a missing column', () => {
		expect(() => parseCsvEvidence('model,metric,value,date\na,b,high,2026-01-01')).toThrow(
			'row 2, value: "high" is not a decimal number'
		);
		expect(() => parseCsvEvidence('model,metric,value,date\na,"b,1,2026-01-01\n')).toThrow(
			/^row 2: has a quote that is never closed/
		);
		expect(() => parseCsvEvidence('model,value,date\na,1,2026-01-01')).toThrow(
			'row 1: has no "metric" column (found: model, value, date)'
		);
		expect(() => parseCsvEvidence('model,metric,value,date\na,b,1')).toThrow(
			'row 2: has 3 cells; the header has 4'
		);
	});

	it('reads a file in chunks exactly as in one piece, reporting progress to the end', () => {
		const cell = fc.string({
			unit: fc.constantFrom('a', 'é', '"', ',', '\n', '\r', ' '),
			maxLength: 8
		});
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
				fc.integer({ min: 1, max: 40 }),
				(rows, chunkSize) => {
					const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
					const csv = ['a,b,c', ...rows.map((r) => r.map(quote).join(','))].join('\n');
					const progress: number[] = [];
					// A table of empty rows only is refused ("a header but no rows"): chunked reading
					// must refuse it with the same words, and read anything else to the same table.
					const outcome = (read: () => unknown) => {
						try {
							return { table: read() };
						} catch (error) {
							return { refused: (error as Error).message };
						}
					};
					const chunked = outcome(() =>
						readCsvTable(csv, {
							chunkSize,
							onProgress: (done, total) => progress.push(done / total)
						})
					);
					expect(chunked).toEqual(outcome(() => readCsvTable(csv)));
					if ('table' in chunked) expect(progress.at(-1)).toBe(1);
				}
			)
		);
		const broken =
			'model,metric,value,date\na,b,1,2026-01-01\nc,d,2,2026-01-01\na,"b,1,2026-01-01\n';
		expect(() => parseCsvEvidence(broken, { chunkSize: 7 })).toThrow(
			/^row 4: has a quote that is never closed/
		);
	});

	it('round-trips random tables', () => {
		const cell = fc.string({ maxLength: 12 }).filter((s) => s.trim() === s && s !== '');
		fc.assert(
			fc.property(
				fc.array(
					fc.tuple(
						cell,
						cell,
						fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v))
					),
					{ minLength: 1, maxLength: 20 }
				),
				(rows) => {
					const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
					const csv = [
						'model,metric,value,date',
						...rows.map(([m, k, v]) => `${quote(m)},${quote(k)},${v},2026-11-01`)
					].join('\r\n');
					const parsed = parseCsvEvidence(csv);
					expect(parsed.observations.map((o) => [o.models[0], o.metric, o.value])).toEqual(
						rows.map(([m, k, v]) => [m, k, v])
					);
				}
			)
		);
	});
});

describe('bad files', () => {
	it.each([
		[
			'truncated JSON',
			fixture('promptfoo/results-v3.json').slice(0, 500),
			/^\(file\): is not valid JSON .*cut short/
		],
		['a binary file', '\u0000\u0001PNG', /binary file/],
		['unknown JSON', '{"hello": 1}', /not promptfoo, lm-evaluation-harness or Inspect results/],
		['an empty CSV', '', /is empty/]
	])('%s gets a message naming the problem', (_name, text, message) => {
		expect(() => parseResults(text)).toThrow(ResultsError);
		expect(() => parseResults(text)).toThrow(message);
	});

	it('detects each format', () => {
		expect(detectFormat(fixture('promptfoo/results-v3.json'))).toBe('promptfoo');
		expect(detectFormat(fixture('lm-eval/results_2026-11-20T02-14-07.json'))).toBe('lm-eval');
		expect(detectFormat(fixture('inspect/2026-11-21T09-30-00_ticket-triage_success.json'))).toBe(
			'inspect'
		);
		expect(detectFormat(fixture('csv/evidence.csv'))).toBe('csv');
	});
});
