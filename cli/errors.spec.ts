/**
 * Item 9 of issue 14: every error for a bad argument or an unreadable file is one line on stderr;
 * a file with validation problems prints a summary line, then one problem a line, at most 50.
 * And item 8's encodings: the command line reads what the app reads.
 */
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_LISTED } from './capmap';
import { jsonText, UnrepresentableError } from './json-output';
import { capmap, tempFile, tempFolder, removeTempFolders } from './test-support';

afterAll(removeTempFolders);

const SAMPLE = 'samples/sample-workspace.json';
const SAMPLE_TEXT = readFileSync(SAMPLE, 'utf8');
const AS_OF = ['--as-of', '2026-11-27'];
const PF = 'tests/fixtures/eval/promptfoo';

const lines = (text: string) => (text === '' ? [] : text.split('\n'));
const sample = () => JSON.parse(SAMPLE_TEXT);

const bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);
function utf16(text: string, bigEndian: boolean, withBom = true): Uint8Array {
	const le = Buffer.from((withBom ? '\ufeff' : '') + text, 'utf16le');
	return bigEndian ? new Uint8Array(Buffer.from(le).swap16()) : new Uint8Array(le);
}

describe('a bad argument is one line on stderr, exit 2, and no usage text', () => {
	const cases: [string[], RegExp][] = [
		[['frobnicate'], /^capmap: unknown command "frobnicate" \(the commands are validate, /],
		[['validate'], /^capmap: validate takes one workspace file, got 0$/],
		[['validate', 'a.json', 'b.json'], /^capmap: validate takes one workspace file, got 2$/],
		[['readiness', SAMPLE, '--as-of', '27/11/2026'], /--as-of must be a real date written/],
		[
			['readiness', SAMPLE, '--as-of', '2026-02-31'],
			/^capmap: --as-of must be a real date written YYYY-MM-DD, not "2026-02-31"$/
		],
		[['readiness', SAMPLE, '--as-of', '0000-01-01'], /--as-of must be a real date/],
		[['readiness', SAMPLE, '--as-of'], /^capmap: --as-of needs a value$/],
		[['readiness', SAMPLE, '--jsn'], /^capmap: unknown option --jsn$/],
		[['readiness', SAMPLE, '--json=yes'], /^capmap: --json takes no value$/],
		[['readiness', SAMPLE, '--as-of', '2026-11-27', '--as-of', '2026-11-28'], /more than once/],
		[['scenario', SAMPLE], /needs at least one --set/],
		[['scenario', SAMPLE, '--set', 'gpt-5'], /--set must look like MODEL=STATUS/],
		[['scenario', SAMPLE, '--set', 'a\nb'], /^capmap: --set must look like .*not "a\\nb"$/],
		[['scenario', SAMPLE, '--set', 'gpt-9=production'], /no model "gpt-9"/],
		[['scenario', SAMPLE, '--set', 'gpt-5=beta'], /status must be one of/],
		[['scenario', SAMPLE, '--set', 'gpt-5=production@2026-02-30'], /the date must be a real date/],
		[['brief', SAMPLE], /brief needs --model ID/],
		[['brief', SAMPLE, '--model', 'gpt-9'], /no model "gpt-9"/],
		[['brief', SAMPLE, '--model', 'gpt-5', '--format', 'pdf'], /--format must be md or html/],
		[['ingest', SAMPLE], /ingest takes a workspace file and a results file/],
		[['ingest', SAMPLE, 'x.json', '--format', 'xml'], /--format must be one of auto, promptfoo/],
		[['ingest', SAMPLE, 'x.json', '--as-of', '2026-13-01'], /--as-of must be a real date/]
	];
	it.each(cases)('capmap %j', async (argv, message) => {
		const result = await capmap(...argv);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(lines(result.stderr)).toHaveLength(1);
		expect(result.stderr).toMatch(message);
		expect(result.stderr).not.toContain('usage:');
	});

	it('prints the usage after the line only when no command was given', async () => {
		const none = await capmap();
		expect(none.code).toBe(2);
		expect(lines(none.stderr)[0]).toBe('capmap: no command given');
		expect(lines(none.stderr)[1]).toMatch(/^usage: capmap <command>/);
	});

	it('prints the usage on stdout for --help, anywhere, and exits 0', async () => {
		for (const argv of [['--help'], ['help'], ['-h'], ['brief', '--help'], ['ingest', 'x', '-h']]) {
			const result = await capmap(...argv);
			expect(result).toMatchObject({ code: 0, stderr: '' });
			expect(result.stdout).toMatch(/^usage: capmap <command>/);
		}
	});
});

describe('an unreadable file is one line on stderr and exit 1', () => {
	const folder = tempFolder();
	mkdirSync(join(folder, 'a-folder'));
	const files = {
		missing: join(folder, 'missing.json'),
		folder: join(folder, 'a-folder'),
		binary: tempFile('binary.json', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])),
		invalidUtf8: tempFile('latin1.json', new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])),
		utf16NoBom: tempFile('utf16.json', utf16(SAMPLE_TEXT, false, false)),
		truncated: tempFile('cut.json', SAMPLE_TEXT.slice(0, 500))
	};
	const expected: Record<keyof typeof files, RegExp> = {
		missing: /: no such file$/,
		folder: /: is a folder$/,
		binary: /: is not UTF-8 text .*binary file|: is a binary file/,
		invalidUtf8: /: is not UTF-8 text \(byte 3 is not part of a character\)/,
		utf16NoBom: /: looks like UTF-16 text without a byte-order mark/,
		truncated: /: is not valid JSON \(it stops in the middle; was it cut short\?\)/
	};
	const ws = () => tempFile('ws.json', SAMPLE_TEXT);

	it.each(Object.keys(files) as (keyof typeof files)[])(
		'a %s file, as a workspace, a map and a results file',
		async (kind) => {
			const path = files[kind];
			const workspace = ws();
			const runs = [
				await capmap('readiness', path, ...AS_OF),
				await capmap('ingest', workspace, `${PF}/results-v3.json`, '--map', path, ...AS_OF),
				await capmap('ingest', workspace, path, ...AS_OF)
			];
			for (const result of runs) {
				expect(result.code).toBe(1);
				expect(result.stdout).toBe('');
				const [first, ...rest] = lines(result.stderr);
				// A workspace's JSON error is a validation problem: summary, then the problem.
				const message = rest.length === 1 ? rest[0]! : first!;
				expect(message).toMatch(expected[kind]);
				expect(rest.length).toBeLessThanOrEqual(kind === 'truncated' ? 1 : 0);
				expect(first).toMatch(/^capmap: /);
			}
			expect(readFileSync(workspace, 'utf8')).toBe(SAMPLE_TEXT);
		}
	);

	it.skipIf(process.getuid?.() === 0)('a file it may not read', async () => {
		const path = tempFile('secret.json', SAMPLE_TEXT);
		chmodSync(path, 0o000);
		const result = await capmap('validate', path);
		expect(result).toEqual({ code: 1, stdout: '', stderr: `capmap: ${path}: permission denied` });
	});

	it('an output it cannot write, leaving the workspace as it was', async () => {
		const workspace = tempFile('ws.json', SAMPLE_TEXT);
		const out = join(tempFolder(), 'no-such-folder', 'out.json');
		const result = await capmap(
			'ingest',
			workspace,
			`${PF}/results-v3.json`,
			'--map',
			`${PF}/map.json`,
			'--out',
			out,
			...AS_OF
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			`capmap: ${out}: cannot be written (no such file); nothing was changed`
		);
		expect(readFileSync(workspace, 'utf8')).toBe(SAMPLE_TEXT);
	});
});

describe('a file with validation problems: a summary, then one problem a line, at most 50', () => {
	it('caps the list and says how many more', async () => {
		const ws = sample();
		for (const e of ws.evidence) e.value = 'high';
		ws.items[0].status = 'someday';
		const path = tempFile('bad.json', JSON.stringify(ws));
		const total = ws.evidence.length + 1;
		const result = await capmap('readiness', path, ...AS_OF);
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		const err = lines(result.stderr);
		expect(err[0]).toBe(`capmap: ${path}: not a valid workspace (${total} problems)`);
		expect(err.slice(1, 1 + MAX_LISTED)).toEqual(
			lines((await capmap('validate', path)).stdout).slice(0, MAX_LISTED)
		);
		expect(err).toHaveLength(1 + MAX_LISTED + 1);
		expect(err.at(-1)).toBe(`…and ${total - MAX_LISTED} more`);
		// `validate` is the command that lists every one, on stdout.
		expect(lines((await capmap('validate', path)).stdout)).toHaveLength(total);
	});

	it('a mapping file, with its names in words and its paths on one line', async () => {
		const map = tempFile(
			'map.json',
			JSON.stringify({ models: { ['k'.repeat(400)]: 'gpt-4o', 'a\nb': '' }, metrics: [] })
		);
		const result = await capmap('ingest', SAMPLE, `${PF}/results-v3.json`, '--map', map);
		expect(result.code).toBe(1);
		expect(lines(result.stderr)).toEqual([
			`capmap: ${map}: not a valid mapping file (3 problems)`,
			`models["${'k'.repeat(40)}…"]: is a name that must be at most 300 characters (it has 400)`,
			'models["a\\nb"]: must not be empty',
			'metrics: must be an object, not a list'
		]);
	});

	it('a 10-million-character model name is a problem with a path, not a crash', async () => {
		const ws = sample();
		ws.models[0].name = 'x'.repeat(10_000_000);
		const path = tempFile('huge.json', JSON.stringify(ws));
		const result = await capmap('brief', path, '--model', 'gpt-5', ...AS_OF);
		expect(result.code).toBe(1);
		expect(lines(result.stderr)).toEqual([
			`capmap: ${path}: not a valid workspace (1 problem)`,
			'models[0].name: must be at most 300 characters (it has 10,000,000)'
		]);
	});

	it('writes each problem in words, never zod’s', async () => {
		const ws = sample();
		ws.evidence[0].sampleSize = 2.5;
		ws.evidence[1].sampleSize = 1e20;
		ws.evidence[2].sampleSize = -4;
		ws.evidence[3].observedAt = '2026-02-30';
		ws.evidence[4].id = 'e'.repeat(201);
		ws.items[0].tags = ['t'.repeat(301)];
		ws.decisions[0].rationale = 'r'.repeat(1_000_001);
		ws.settings.staleAfterDays = -1;
		const path = tempFile('words.json', JSON.stringify(ws));
		const { stdout } = await capmap('validate', path);
		expect(lines(stdout)).toEqual([
			'settings.staleAfterDays: must be zero or more',
			'evidence[0].sampleSize: must be a whole number',
			'evidence[1].sampleSize: must be at most 9007199254740991',
			'evidence[2].sampleSize: must be zero or more',
			'evidence[3].observedAt: must be a date written YYYY-MM-DD',
			'evidence[4].id: must be at most 200 characters (it has 201)',
			'items[0].tags[0]: must be at most 300 characters (it has 301)',
			'decisions[0].rationale: must be at most 1,000,000 characters (it has 1,000,001)'
		]);
		expect(stdout).not.toMatch(/Too (big|small)|Invalid|expected|int\b|<=|>=/);
	});
});

describe('the encodings the app reads', () => {
	const encodings: [string, (text: string) => Uint8Array][] = [
		['UTF-8 with a byte-order mark', bom],
		['UTF-16 little-endian with a byte-order mark', (t) => utf16(t, false)],
		['UTF-16 big-endian with a byte-order mark', (t) => utf16(t, true)]
	];
	it.each(encodings)('reads workspace, map and results files in %s', async (_name, encode) => {
		const plain = await capmap('readiness', SAMPLE, ...AS_OF, '--json');
		const encoded = tempFile('ws.json', encode(SAMPLE_TEXT));
		expect(await capmap('validate', encoded)).toEqual({ code: 0, stdout: 'valid', stderr: '' });
		expect(await capmap('readiness', encoded, ...AS_OF, '--json')).toEqual(plain);

		const out = join(tempFolder(), 'out.json');
		const results = tempFile('results.json', encode(readFileSync(`${PF}/results-v3.json`, 'utf8')));
		const map = tempFile('map.json', encode(readFileSync(`${PF}/map.json`, 'utf8')));
		const ingested = await capmap('ingest', encoded, results, '--map', map, '--out', out, ...AS_OF);
		expect(ingested.code).toBe(0);
		expect(ingested.stdout).toMatch(/^6 new evidence records from results\.json/);
		// Whatever came in, what goes out is UTF-8 without a mark.
		expect(readFileSync(out).subarray(0, 1).toString()).toBe('{');
		expect((await capmap('validate', out)).stdout).toBe('valid');
	});

	it('reads a UTF-16 CSV results file, not "a binary file"', async () => {
		const csv = 'model,metric,value,date,samples\nhouse-weak,score:routing,91.5,2026-11-20,400\n';
		const out = join(tempFolder(), 'out.json');
		const result = await capmap(
			'ingest',
			SAMPLE,
			tempFile('r.csv', utf16(csv, false)),
			'--map',
			`${PF}/map.json`,
			'--out',
			out,
			...AS_OF
		);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(/^1 new evidence record from r\.csv \(csv, 2026-11-20\)/);
	});
});

describe('readiness --json is always valid JSON', () => {
	it('holds every number, however extreme the valid input', async () => {
		const extreme = fc.oneof(
			fc.double({ noNaN: true, noDefaultInfinity: true }),
			fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 0, 1e-300)
		);
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(extreme, extreme, extreme), { minLength: 1, maxLength: 8 }),
				async (triples) => {
					const ws = sample();
					triples.forEach(([value, threshold, stderr], i) => {
						const e = ws.evidence[i]!;
						e.value = value;
						e.stderr = Math.abs(stderr);
						const item = ws.items.find((it: { requirements: { capabilityId: string }[] }) =>
							it.requirements.some((r) => r.capabilityId === e.capabilityId)
						);
						if (item) item.requirements[0].threshold = threshold;
					});
					const result = await capmap(
						'readiness',
						tempFile('x.json', JSON.stringify(ws)),
						...AS_OF,
						'--json'
					);
					expect(result.code).toBe(0);
					const report = JSON.parse(result.stdout);
					const numbers = JSON.stringify(report).match(/"(value|threshold|best|margin)":null/);
					expect(numbers).toBeNull();
				}
			),
			{ numRuns: 40 }
		);
	});

	it('refuses to print a number JSON cannot hold, naming where it is', () => {
		expect(jsonText({ items: [{ margin: 1 }] })).toContain('"margin": 1');
		expect(() => jsonText({ items: [{ margin: 1 }, { margin: NaN }] })).toThrow(
			new UnrepresentableError(
				'the result has a number JSON cannot hold at items[1].margin; run capmap validate on the workspace'
			)
		);
	});
});
