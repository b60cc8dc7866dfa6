/**
 * Issue 14, items 5 and 8: `capmap ingest` never writes a workspace `capmap validate` rejects,
 * and refuses a results file that cannot make valid evidence in one line, leaving the workspace
 * file byte for byte as it was. For each importer, 1,000 malformed results files — truncated,
 * wrong types, out-of-range numbers, impossible dates, binary bytes — run through the whole
 * program in this process (`run()`), then a few hundred randomly perturbed ones whose every
 * success must write a workspace that validates. Seeded, so a failure names a case that replays.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseWorkspaceText } from '../src/lib/domain/workspace';
import { capmap, fastTempFolder, removeTempFolders } from './test-support';

afterAll(removeTempFolders);

type Tool = 'promptfoo' | 'lm-eval' | 'inspect' | 'csv';
const TOOLS: Tool[] = ['promptfoo', 'lm-eval', 'inspect', 'csv'];
const MALFORMED = 1000;
const PERTURBED = 300;
const AS_OF = '2026-11-27';
const SAMPLE = readFileSync('samples/sample-workspace.json');
const fixture = (path: string) => readFileSync(`tests/fixtures/eval/${path}`, 'utf8');

const MAPS: Record<Tool, object> = {
	promptfoo: JSON.parse(fixture('promptfoo/map.json')),
	'lm-eval': {
		models: { 'acme/helio-ft-8b': 'gpt-4o' },
		metrics: {
			'hellaswag/acc_norm': 'intent-accuracy',
			'gsm8k/exact_match,strict-match': 'tool-use'
		}
	},
	inspect: {
		models: { 'anthropic/claude-sonnet-4-5': 'claude-sonnet-4-5' },
		metrics: { 'ticket_triage/match/accuracy': 'intent-accuracy' }
	},
	csv: {
		models: { 'helio-strong': 'gpt-4o', 'helio-weak': 'claude-haiku-4-5' },
		metrics: { 'routing accuracy': 'intent-accuracy', 'p95 latency': 'latency-p95' }
	}
};

const CSV_HEADER = ['model', 'metric', 'value', 'date', 'samples', 'stderr', 'task'];
const CSV_ROWS = [
	['helio-strong', 'routing accuracy', '93.5', '2026-11-18', '400', '0.8', 'triage v8'],
	['helio-weak', 'routing accuracy', '81.25', '2026-11-18', '400', '1.2', 'triage v8'],
	['helio-strong', 'p95 latency', '1320', '2026-11-19', '12000', '', 'load test, EU']
];
const csvCell = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const csvText = (rows: string[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';

const BASES: Record<Exclude<Tool, 'csv'>, () => Record<string, unknown>> = {
	promptfoo: () => JSON.parse(fixture('promptfoo/results-v3.json')),
	'lm-eval': () => JSON.parse(fixture('lm-eval/results_2026-11-20T02-14-07.json')),
	inspect: () => JSON.parse(fixture('inspect/2026-11-21T09-30-00_ticket-triage_success.json'))
};

/** mulberry32: the same cases on every run. */
function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
	};
}
type Random = ReturnType<typeof random>;

/** A number JSON.stringify cannot write (it would write null): spliced into the text raw. */
const raw = (literal: string) => `__RAW__${literal}__`;
const json = (value: unknown) =>
	JSON.stringify(value, null, 2).replace(/"__RAW__(.*?)__"/g, (_m, literal: string) => literal);

const LONG = 'x'.repeat(400);
const BAD_DATES = [
	'2026-02-30',
	'2026-02-29',
	'2026-13-01',
	'2026-00-10',
	'1',
	'12',
	'',
	'tomorrow',
	'Nov 20, 2026',
	'2026/11/20',
	'+275760-09-13T00:00:00.000Z',
	'99999-01-01',
	'0000-06-01',
	'2026-11-20T25:00:00Z',
	true,
	{},
	[],
	1e20,
	-1e20,
	raw('1e400')
];
const BAD_COUNTS = [1.5, -1, 1e20, 2 ** 53, 'many', '', true, {}, raw('1e400'), raw('-1e400')];
const NON_FINITE = [raw('1e400'), raw('-1e400'), raw('1e999')];
const NEGATIVE = [-0.5, -1e-9, raw('-1e400')];
const NOT_OBJECT = [5, 'text', true, []];

/** Sets `path` in a JSON object to `value`. */
function set(root: Record<string, unknown>, path: (string | number)[], value: unknown) {
	let here = root as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) here = here[key] as Record<string | number, unknown>;
	here[path.at(-1)!] = value;
	return root;
}

/** For each importer: places in its file, each with values that must make it refuse the file. */
const BREAKS: Record<Exclude<Tool, 'csv'>, [(r: Random) => (string | number)[], unknown[]][]> = {
	promptfoo: [
		[() => ['results', 'timestamp'], BAD_DATES],
		[(r) => ['results', 'results', r.int(8), 'latencyMs'], [...NEGATIVE, ...NON_FINITE]],
		[(r) => ['results', 'results', r.int(8), 'cost'], NON_FINITE],
		[(r) => ['results', 'results', r.int(8), 'namedScores', 'routing'], NON_FINITE],
		[(r) => ['results', 'results', r.int(8), 'gradingResult', 'namedScores', 'json'], NON_FINITE],
		[(r) => ['results', 'results', r.int(8), 'provider'], [5, null, {}, { label: 7 }, LONG]],
		[(r) => ['results', 'results', r.int(8)], [5, 'row', null, []]],
		[() => ['results', 'version'], [7, '3', true, 1]],
		[() => ['results', 'results'], [{}, 'rows', 5]],
		[() => ['results'], [5, 'x', null]]
	],
	'lm-eval': [
		[() => ['date'], BAD_DATES],
		[(r) => ['n-samples', r.pick(['hellaswag', 'gsm8k']), 'effective'], BAD_COUNTS],
		// With no effective count, the original one is read.
		[() => ['n-samples', 'gsm8k'], BAD_COUNTS.map((original) => ({ original }))],
		[(r) => ['results', 'hellaswag', r.pick(['acc,none', 'acc_norm,none'])], NON_FINITE],
		[(r) => ['results', 'gsm8k', r.pick(['exact_match,strict-match'])], NON_FINITE],
		[
			(r) => ['results', 'hellaswag', r.pick(['acc_stderr,none', 'acc_norm_stderr,none'])],
			[...NEGATIVE, ...NON_FINITE]
		],
		[() => ['model_name'], [LONG]],
		[() => ['results'], [...NOT_OBJECT, null]],
		[(r) => ['results', r.pick(['hellaswag', 'gsm8k'])], NOT_OBJECT]
	],
	inspect: [
		[() => ['eval', 'created'], BAD_DATES],
		[() => ['results', 'completed_samples'], BAD_COUNTS],
		[() => ['results', 'scores', 0, 'metrics', 'accuracy', 'value'], NON_FINITE],
		[() => ['results', 'scores', 0, 'metrics', 'stderr', 'value'], [...NEGATIVE, ...NON_FINITE]],
		[() => ['status'], ['error', 'started', 'cancelled', null, 5]],
		[(r) => ['eval', r.pick(['model', 'task'])], ['', 5, null, LONG]],
		[() => ['results', 'scores'], [{}, 5, 'scores', []]],
		[() => ['results', 'scores', 0, 'metrics'], [5, 'm', null]],
		[() => ['results'], [5, 'x', null]]
	]
};

const CSV_BREAKS: Record<string, string[]> = {
	value: ['0x5d', '1e400', '-1e400', 'Infinity', 'NaN', '', 'high', '1,5', '--1', '93.5%', '0b11'],
	date: [
		'2026-02-30',
		'1',
		'12',
		'2026-13-01',
		'',
		'Nov 20',
		'99999-01-01',
		'20/11/2026',
		'0000-01-01'
	],
	samples: ['1.5', '-3', '1e20', 'lots', '0x10', '9007199254740992'],
	stderr: ['-0.1', '1e400', 'x', 'Infinity'],
	model: ['', LONG],
	metric: ['', LONG],
	task: [LONG]
};

const encode = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Bytes no importer can read: NUL or invalid UTF-8 somewhere, UTF-16 without its mark, noise. */
function binary(text: string, r: Random): { name: string; bytes: Uint8Array } {
	const bytes = encode(text);
	const at = r.int(bytes.length + 1);
	const splice = (insert: number[]) =>
		new Uint8Array([...bytes.subarray(0, at), ...insert, ...bytes.subarray(at)]);
	switch (r.int(5)) {
		case 0:
			return { name: `a NUL byte at ${at}`, bytes: splice([0]) };
		case 1:
			return { name: `a 0xFF byte at ${at}`, bytes: splice([0xff]) };
		case 2:
			return { name: `a broken UTF-8 sequence at ${at}`, bytes: splice([0xc3, 0x28]) };
		case 3:
			return {
				name: 'UTF-16 without a byte-order mark',
				bytes: new Uint8Array(Buffer.from(text, 'utf16le'))
			};
		default: {
			const noise = Array.from({ length: 1 + r.int(64) }, () => r.int(256));
			return { name: 'noise', bytes: new Uint8Array([0x89, 0xff, ...noise]) };
		}
	}
}

/** A CSV cut inside a row, before its last cell: a row short of cells, or a quote left open. */
function truncatedCsv(r: Random): string {
	const text = csvText([CSV_HEADER, ...CSV_ROWS]);
	const starts = [...text.matchAll(/^/gm)].map((m) => m.index!).filter((i) => i < text.length);
	const start = r.pick(starts);
	const lastComma = text.lastIndexOf(',', text.indexOf('\n', start));
	return text.slice(0, start + 1 + r.int(lastComma - start));
}

/** One results file its importer must refuse. */
function malformed(tool: Tool, r: Random): { name: string; bytes: Uint8Array } {
	const family = r.int(5);
	const text =
		tool === 'csv'
			? csvText([CSV_HEADER, ...CSV_ROWS])
			: json(BASES[tool as Exclude<Tool, 'csv'>]());
	if (family === 0) {
		if (tool === 'csv') return { name: 'truncated', bytes: encode(truncatedCsv(r)) };
		const cut = r.int(text.lastIndexOf('}'));
		return { name: `truncated at ${cut}`, bytes: encode(text.slice(0, cut)) };
	}
	if (family === 1) return binary(text, r);
	if (tool === 'csv') {
		const rows = CSV_ROWS.map((row) => [...row]);
		if (family === 2 && r.next() < 0.3) {
			// A row with a cell too few or too many.
			const row = r.int(rows.length);
			if (r.next() < 0.5) rows[row]!.pop();
			else rows[row]!.push('extra');
			return {
				name: `row ${row + 2} with ${rows[row]!.length} cells`,
				bytes: encode(csvText([CSV_HEADER, ...rows]))
			};
		}
		const column = r.pick(Object.keys(CSV_BREAKS));
		const value = r.pick(CSV_BREAKS[column]!);
		const row = r.int(rows.length);
		rows[row]![CSV_HEADER.indexOf(column)] = value;
		return {
			name: `row ${row + 2}, ${column} = ${JSON.stringify(value.slice(0, 20))}`,
			bytes: encode(csvText([CSV_HEADER, ...rows]))
		};
	}
	const [where, values] = r.pick(BREAKS[tool]);
	const path = where(r);
	const value = r.pick(values);
	const broken = set(BASES[tool](), path, value);
	return {
		name: `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 30)}`,
		bytes: encode(json(broken))
	};
}

/** Any value, valid or not, for a file whose fate is not known in advance. */
function anyValue(r: Random): unknown {
	return r.pick([
		() => r.next() * 100,
		() => r.int(100_000),
		() => -r.next(),
		() => r.pick(BAD_DATES),
		() => r.pick(BAD_COUNTS),
		() =>
			`2026-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(31)).padStart(2, '0')}`,
		() => new Date(Date.UTC(2020, 0, 1) + r.int(3e11)).toISOString(),
		() => r.pick(['N/A', 'x', '', LONG, null])
	])();
}

/** A valid file with a few values replaced by anything: it may be refused, or it may go in. */
function perturbed(tool: Tool, r: Random): { name: string; bytes: Uint8Array } {
	if (tool === 'csv') {
		const rows = CSV_ROWS.map((row) => [...row]);
		const changes: string[] = [];
		for (let k = 0; k < 1 + r.int(2); k++) {
			const row = r.int(rows.length);
			const column = r.int(CSV_HEADER.length);
			const value = String(anyValue(r) ?? '');
			rows[row]![column] = value;
			changes.push(`row ${row + 2} ${CSV_HEADER[column]}=${value.slice(0, 20)}`);
		}
		return { name: changes.join('; '), bytes: encode(csvText([CSV_HEADER, ...rows])) };
	}
	const file = BASES[tool]();
	const [where] = r.pick(BREAKS[tool]);
	const path = where(r);
	const value = anyValue(r);
	return {
		name: `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 30)}`,
		bytes: encode(json(set(file, path, value)))
	};
}

function setUp(tool: Tool) {
	const folder = fastTempFolder();
	onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
	const ws = join(folder, 'ws.json');
	const map = join(folder, 'map.json');
	const results = join(folder, tool === 'csv' ? 'results.csv' : 'results.json');
	writeFileSync(ws, SAMPLE);
	writeFileSync(map, JSON.stringify(MAPS[tool]));
	return { folder, ws, map, results, files: ['map.json', basename(results), 'ws.json'] };
}

const argsFor = (tool: Tool, s: ReturnType<typeof setUp>, i: number) => [
	'ingest',
	s.ws,
	s.results,
	'--map',
	s.map,
	'--as-of',
	AS_OF,
	// Half the runs recognise the format, half are told it.
	...(i % 2 === 0 ? [] : ['--format', tool])
];

describe.each(TOOLS)('fuzzing capmap ingest with %s files', (tool) => {
	const seed = 1400 + TOOLS.indexOf(tool);

	it(`refuses ${MALFORMED} malformed files in one line, the workspace untouched`, async () => {
		const r = random(seed);
		const s = setUp(tool);
		writeFileSync(s.results, '');
		for (let i = 0; i < MALFORMED; i++) {
			const { name, bytes } = malformed(tool, r);
			writeFileSync(s.results, bytes);
			const result = await capmap(...argsFor(tool, s, i));
			const label = `case ${i} (${name}): ${result.stderr.slice(0, 300)}`;
			expect([1, 2], label).toContain(result.code);
			expect(result.stdout, label).toBe('');
			expect(result.stderr.split('\n'), label).toHaveLength(1);
			expect(result.stderr, label).toMatch(/^capmap: \S/);
			expect(result.stderr, label).not.toMatch(/unexpected error/);
			expect(readFileSync(s.ws).equals(SAMPLE), label).toBe(true);
			expect(readdirSync(s.folder).sort(), label).toEqual(s.files);
		}
	});

	it(`writes a workspace that validates whenever one of ${PERTURBED} perturbed files goes in`, async () => {
		const r = random(seed + 100);
		const s = setUp(tool);
		let written = 0;
		for (let i = 0; i < PERTURBED; i++) {
			const { name, bytes } = perturbed(tool, r);
			writeFileSync(s.results, bytes);
			const result = await capmap(...argsFor(tool, s, i));
			const label = `case ${i} (${name}): ${result.stderr.slice(0, 300)}`;
			expect(readdirSync(s.folder).sort(), label).toEqual(s.files);
			if (result.code === 0) {
				const after = parseWorkspaceText(readFileSync(s.ws, 'utf8'));
				expect(after.ok ? [] : after.problems, label).toEqual([]);
				expect((await capmap('validate', s.ws)).stdout, label).toBe('valid');
				if (!readFileSync(s.ws).equals(SAMPLE)) written++;
				writeFileSync(s.ws, SAMPLE);
			} else {
				expect(result.code, label).toBe(1);
				expect(result.stderr.split('\n'), label).toHaveLength(1);
				expect(readFileSync(s.ws).equals(SAMPLE), label).toBe(true);
			}
		}
		// The perturbations leave many files valid: the property is about real writes.
		expect(written).toBeGreaterThan(PERTURBED / 10);
	});
});

describe('as a process', () => {
	it('refuses a malformed file of each importer in one line, the workspace untouched', () => {
		for (const tool of TOOLS) {
			const s = setUp(tool);
			const r = random(7);
			{
				const i = TOOLS.indexOf(tool);
				const { name, bytes } = malformed(tool, r);
				writeFileSync(s.results, bytes);
				const result = spawnSync(process.execPath, ['scripts/capmap.js', ...argsFor(tool, s, i)], {
					encoding: 'utf8'
				});
				const label = `${tool} ${name}: ${result.stderr}`;
				expect(result.status, label).toBe(1);
				expect(result.stdout, label).toBe('');
				expect(result.stderr.trimEnd().split('\n'), label).toHaveLength(1);
				expect(readFileSync(s.ws).equals(SAMPLE), label).toBe(true);
			}
		}
	});
});
