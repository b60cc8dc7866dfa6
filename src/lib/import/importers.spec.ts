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

describe('every importer reads numbers and dates strictly (issue 14, items 5 and 8)', () => {
	const csv = (cells: string) => `model,metric,value,date,samples,stderr\n${cells}\n`;
	const refusal = (text: string, format?: 'lm-eval' | 'inspect' | 'promptfoo' | 'csv') => {
		try {
			parseResults(text, format);
			return 'read';
		} catch (error) {
			expect(error).toBeInstanceOf(ResultsError);
			return (error as Error).message;
		}
	};

	it.each([
		['a, b, 0x5d, 2026-11-20, 10,', 'row 2, value: "0x5d" is not a decimal number'],
		['a, b, 1e400, 2026-11-20, 10,', 'row 2, value: "1e400" is too large to be a number'],
		['a, b, Infinity, 2026-11-20, 10,', 'row 2, value: "Infinity" is not a decimal number'],
		['a, b, , 2026-11-20, 10,', 'row 2, value: is empty, not a number'],
		['a, b, 93, 1, 10,', 'row 2, date: "1" is not a date'],
		['a, b, 93, 12, 10,', 'row 2, date: "12" is not a date'],
		['a, b, 93, 2026-02-30, 10,', 'row 2, date: "2026-02-30" is not a day of the calendar'],
		['a, b, 93, 2026-11-20, 1.5,', 'row 2, samples: "1.5" is not a whole number'],
		['a, b, 93, 2026-11-20, -3,', 'row 2, samples: "-3" is negative; a count is zero or more'],
		['a, b, 93, 2026-11-20, 1e20,', 'row 2, samples: "1e20" is too large for a count'],
		['a, b, 93, 2026-11-20, 0x10,', 'row 2, samples: "0x10" is not a decimal number'],
		['a, b, 93, 2026-11-20, 10, -0.5', 'row 2, stderr: "-0.5" is negative; it must be zero or more']
	])('CSV %j is refused', (cells, message) => {
		expect(refusal(csv(cells))).toContain(message);
	});

	it('reads a CSV with plain decimal numbers and ISO timestamps', () => {
		const parsed = parseCsvEvidence(csv('a, b, .5, 2026-11-20T23:30:00-02:00, 1e3, 0.01'));
		expect(parsed.observations[0]).toMatchObject({
			value: 0.5,
			sampleSize: 1000,
			stderr: 0.01,
			observedAt: '2026-11-21'
		});
	});

	const lmEval = () => JSON.parse(fixture('lm-eval/results_2026-11-20T02-14-07.json'));
	it.each([
		[1.5, 'n-samples.hellaswag.effective: 1.5 is not a whole number'],
		[-1, 'n-samples.hellaswag.effective: -1 is negative'],
		[1e20, 'n-samples.hellaswag.effective: 100000000000000000000 is too large for a count'],
		['many', 'n-samples.hellaswag.effective: "many" is not a decimal number']
	])('lm-eval: a sample count of %j is refused by its path', (n, message) => {
		const file = lmEval();
		file['n-samples'].hellaswag.effective = n;
		expect(refusal(JSON.stringify(file))).toContain(message);
	});

	it('lm-eval: far-future, impossible and non-finite values are refused by their path', () => {
		const file = lmEval();
		file.date = 1e20;
		expect(refusal(JSON.stringify(file))).toBe(
			'date: 100000000000000000000 is not a time within the years 1 to 9999'
		);
		file.date = 1795140847.512;
		const text = JSON.stringify(file).replace('"acc,none":0.5631', '"acc,none":1e400');
		expect(refusal(text)).toBe('results.hellaswag["acc,none"]: is not a finite number');
		file.results.hellaswag['acc_stderr,none'] = -0.1;
		expect(refusal(JSON.stringify(file))).toBe(
			'results.hellaswag["acc_stderr,none"]: -0.1 is negative; it must be zero or more'
		);
		// A stderr lm-eval could not compute is written "N/A": no stderr, not a problem.
		file.results.hellaswag['acc_stderr,none'] = 'N/A';
		expect(refusal(JSON.stringify(file))).toBe('read');
	});

	it('Inspect: a bad sample count, stderr or creation time is refused by its path', () => {
		const inspect = () =>
			JSON.parse(fixture('inspect/2026-11-21T09-30-00_ticket-triage_success.json'));
		const a = inspect();
		a.results.completed_samples = -4;
		expect(refusal(JSON.stringify(a))).toBe(
			'results.completed_samples: -4 is negative; a count is zero or more'
		);
		const b = inspect();
		b.eval.created = '2026-02-30T10:00:00+00:00';
		expect(refusal(JSON.stringify(b))).toBe(
			'eval.created: "2026-02-30T10:00:00+00:00" is not a day of the calendar'
		);
		const c = inspect();
		c.results.scores[0].metrics.stderr.value = -1;
		expect(refusal(JSON.stringify(c))).toMatch(
			/^results\.scores\[0\]\.metrics\.stderr\.value: -1 is negative/
		);
	});

	it('promptfoo: far-future timestamps and negative latencies are refused by their path', () => {
		const promptfoo = () => JSON.parse(fixture('promptfoo/results-v3.json'));
		const a = promptfoo();
		a.results.timestamp = '+275760-09-13T00:00:00.000Z';
		expect(refusal(JSON.stringify(a))).toMatch(
			/^results\.timestamp: "\+275760-09-13T00:00:00\.000Z" is not a date/
		);
		const b = promptfoo();
		b.results.results[2].latencyMs = -5;
		expect(refusal(JSON.stringify(b))).toBe(
			'results.results[2].latencyMs: -5 is negative; it must be zero or more'
		);
		const c = promptfoo();
		c.results.results[0].provider = { label: 'p'.repeat(301) };
		expect(refusal(JSON.stringify(c))).toBe(
			'results.results[0].provider: is 301 characters long; a name is at most 300'
		);
	});

	it('reads JSON results with a byte-order mark left in the text', () => {
		expect(parseResults(`\ufeff${fixture('promptfoo/results-v3.json')}`).tool).toBe('promptfoo');
	});
});
