import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { capmap, tempFile, removeTempFolders } from './test-support';

afterAll(removeTempFolders);

const SAMPLE = 'samples/sample-workspace.json';
const AS_OF = ['--as-of', '2026-11-27'];

describe('capmap validate', () => {
	it('says valid for the sample', async () => {
		expect(await capmap('validate', SAMPLE)).toEqual({ code: 0, stdout: 'valid', stderr: '' });
	});

	it('lists every problem, one per line, and exits 1', async () => {
		const ws = JSON.parse(readFileSync(SAMPLE, 'utf8'));
		ws.items[3].requirements[0].capabilityId = 'ctx-128k';
		ws.models[0].status = 'beta';
		const result = await capmap('validate', tempFile('bad.json', JSON.stringify(ws)));
		expect(result.code).toBe(1);
		expect(result.stdout.split('\n')).toEqual([
			'models[0].status: must be one of "production", "available", "announced", "retired", not "beta"',
			'items[3].requirements[0].capabilityId: no capability "ctx-128k"'
		]);
	});
});

describe('capmap readiness', () => {
	it('prints the DESIGN.md JSON shape in file order', async () => {
		const { code, stdout } = await capmap('readiness', SAMPLE, ...AS_OF, '--json');
		expect(code).toBe(0);
		const report = JSON.parse(stdout);
		expect(report.asOf).toBe('2026-11-27');
		expect(report.items).toHaveLength(25);
		expect(report.items[0]).toEqual({
			id: 'ticket-triage',
			title: 'Structured ticket triage',
			readiness: 'ready',
			confidence: 'high',
			earliestQuarter: '2026-Q4',
			overPromised: false,
			gaps: [],
			borderline: [],
			parts: [{ role: 'llm', readiness: 'ready', confidence: 'high', via: 'gpt-4o' }]
		});
		const waiting = report.items.find((i: { id: string }) => i.id === 'full-history-context');
		expect(waiting).toMatchObject({
			readiness: 'waiting',
			parts: [
				{
					role: 'llm',
					readiness: 'waiting',
					confidence: null,
					expected: [{ modelId: 'gpt-5', expectedAt: '2027-02-15' }]
				}
			],
			gaps: [
				{
					capabilityId: 'long-context-recall',
					threshold: 90,
					best: 88,
					bestModelId: 'gemini-2-5-pro'
				}
			],
			earliestQuarter: '2027-Q1',
			overPromised: true
		});
		// A pipeline: parts sorted by role, each carrying only its own state's field.
		const pipeline = report.items.find((i: { id: string }) => i.id === 'cross-lingual-search');
		expect(pipeline.readiness).toBe('upgrade');
		expect(pipeline.parts).toEqual([
			{ role: 'embedding', readiness: 'upgrade', confidence: 'high', targets: ['acme-embed-3'] },
			{ role: 'llm', readiness: 'ready', confidence: 'medium', via: 'gpt-4o' }
		]);
		const semantic = report.items.find((i: { id: string }) => i.id === 'semantic-search');
		expect(semantic.borderline).toEqual([
			{
				modelId: 'text-embedding-3-large',
				capabilityId: 'retrieval-recall',
				value: 91,
				threshold: 90,
				margin: 1.5
			}
		]);
		const counts: Record<string, number> = {};
		for (const i of report.items) counts[i.readiness] = (counts[i.readiness] ?? 0) + 1;
		expect(counts).toEqual({ ready: 13, upgrade: 6, unverified: 4, waiting: 2 });
		expect(report.items.filter((i: { overPromised: boolean }) => i.overPromised)).toHaveLength(5);
	});

	it('prints a table with a summary line', async () => {
		const { code, stdout } = await capmap('readiness', SAMPLE, ...AS_OF);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^item\s+readiness\s+confidence/);
		expect(stdout).toContain(
			'as of 2026-11-27: 13 ready, 6 upgrade, 4 unverified, 2 waiting; 5 over-promised'
		);
	});
});

describe('capmap scenario', () => {
	it('lists the items whose readiness changes', async () => {
		const { code, stdout } = await capmap(
			'scenario',
			SAMPLE,
			'--set',
			'gpt-5=production',
			'--set',
			'gpt-4o=retired',
			...AS_OF,
			'--json'
		);
		expect(code).toBe(0);
		const result = JSON.parse(stdout);
		expect(result.changes).toContainEqual({
			id: 'refund-agent',
			title: 'Refund agent with tool use',
			from: 'upgrade',
			to: 'ready'
		});
		expect(result.overrides).toEqual([
			{ modelId: 'gpt-5', status: 'production' },
			{ modelId: 'gpt-4o', status: 'retired' }
		]);
	});

	it('takes an expected date with @', async () => {
		const { code, stdout } = await capmap(
			'scenario',
			SAMPLE,
			'--set',
			'gpt-5=announced@2026-12-01',
			...AS_OF
		);
		expect(code).toBe(0);
		expect(stdout).toBe('no item changes readiness (as of 2026-11-27)');
	});
});

describe('capmap brief', () => {
	it('prints the Markdown brief', async () => {
		const { code, stdout } = await capmap('brief', SAMPLE, '--model', 'gpt-5', ...AS_OF);
		expect(code).toBe(0);
		expect(stdout.split('\n')[0]).toBe(
			'# Capability brief: GPT-5 — what it means for Helio Support Suite'
		);
	});

	it('writes a standalone, sanitised HTML document', async () => {
		const ws = JSON.parse(readFileSync(SAMPLE, 'utf8'));
		ws.name = 'Evil <img src=x onerror=alert(1)> Inc';
		const out = tempFile('brief.html', '');
		const { code, stderr } = await capmap(
			'brief',
			tempFile('ws.json', JSON.stringify(ws)),
			'--model',
			'gpt-5',
			...AS_OF,
			'--format',
			'html',
			'--out',
			out
		);
		expect(code).toBe(0);
		expect(stderr).toBe(`wrote ${out}`);
		const html = readFileSync(out, 'utf8');
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('<h2>Bottom line</h2>');
		expect(html).toContain('<a class="citation" href="#ref-1">[1]</a>');
		expect(html).toContain('id="ref-1"');
		const doc = new JSDOM(html).window.document;
		expect(doc.querySelectorAll('script, link, img, iframe').length).toBe(0);
		expect(
			[...doc.querySelectorAll('*')].flatMap((e) =>
				e.getAttributeNames().filter((a) => a.startsWith('on'))
			)
		).toEqual([]);
		expect(doc.querySelector('h1')!.textContent).toContain('Evil <img src=x onerror=alert(1)> Inc');
		expect(doc.title).toBe(
			'Capability brief: GPT-5 — what it means for Evil <img src=x onerror=alert(1)> Inc'
		);
	});
});

describe('capmap ingest', () => {
	const PF = 'tests/fixtures/eval/promptfoo';

	it('writes the new workspace and prints the changed items, regressions first', async () => {
		const out = tempFile('out.json', '');
		const result = await capmap(
			'ingest',
			SAMPLE,
			`${PF}/results-v3.json`,
			'--map',
			`${PF}/map.json`,
			'--out',
			out,
			...AS_OF
		);
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		expect(lines[0]).toMatch(
			/^6 new evidence records from results-v3\.json \(promptfoo, \d{4}-\d{2}-\d{2}\); 0 already present; wrote /
		);
		expect(result.stdout).toContain(
			'unmapped metrics (skipped): cost-per-1k-usd, latency-p50-ms, pass-rate'
		);
		// A four-case run fills in the missing latency of Claude Sonnet 4.5 …
		expect(result.stdout).toMatch(/voice-handoff\s+unverified\s+upgrade/);
		// … but its 50 % intent accuracy never overrides the 2,400-case eval (rule 1).
		expect(result.stdout).not.toContain('ticket-triage');
		const written = JSON.parse(readFileSync(out, 'utf8'));
		expect(written.evidence).toHaveLength(72);

		const again = await capmap(
			'ingest',
			out,
			`${PF}/results-v3.json`,
			'--map',
			`${PF}/map.json`,
			...AS_OF
		);
		expect(again.stdout.split('\n')[0]).toMatch(
			/^0 new evidence records .*; 6 already present; wrote /
		);
		expect(JSON.parse(readFileSync(out, 'utf8')).evidence).toHaveLength(72);
	});

	it('refuses a failed Inspect run and a bad map, changing nothing', async () => {
		const ws = tempFile('ws.json', readFileSync(SAMPLE, 'utf8'));
		const failed = await capmap(
			'ingest',
			ws,
			'tests/fixtures/eval/inspect/2026-11-21T10-02-00_ticket-triage_error.json'
		);
		expect(failed.code).toBe(1);
		expect(failed.stderr).toMatch(/status: is "error": only logs of runs that finished/);
		const map = tempFile('map.json', '{"models": []}');
		const badMap = await capmap('ingest', ws, `${PF}/results-v3.json`, '--map', map);
		expect(badMap.code).toBe(1);
		expect(badMap.stderr).toBe(
			`capmap: ${map}: not a valid mapping file (1 problem)\nmodels: must be an object, not a list`
		);
		expect(readFileSync(ws, 'utf8')).toBe(readFileSync(SAMPLE, 'utf8'));
	});
});

describe('bad input', () => {
	const cases: [string[], number, RegExp][] = [
		[[], 2, /usage: capmap/],
		[['frobnicate'], 2, /unknown command "frobnicate"/],
		[['validate'], 2, /validate takes one workspace file, got 0/],
		[['validate', 'missing.json'], 1, /missing\.json: no such file/],
		[
			['readiness', SAMPLE, '--as-of', '27/11/2026'],
			2,
			/--as-of must be a real date written YYYY-MM-DD/
		],
		[['readiness', SAMPLE, '--jsn'], 2, /unknown option --jsn/],
		[['scenario', SAMPLE], 2, /needs at least one --set/],
		[['scenario', SAMPLE, '--set', 'gpt-5'], 2, /--set must look like MODEL=STATUS/],
		[['scenario', SAMPLE, '--set', 'gpt-9=production'], 2, /no model "gpt-9"/],
		[['scenario', SAMPLE, '--set', 'gpt-5=beta'], 2, /status must be one of/],
		[['brief', SAMPLE], 2, /brief needs --model ID/],
		[['brief', SAMPLE, '--model', 'gpt-9'], 2, /no model "gpt-9"/],
		[['brief', SAMPLE, '--model', 'gpt-5', '--format', 'pdf'], 2, /--format must be md or html/],
		[['ingest', SAMPLE], 2, /ingest takes a workspace file and a results file/],
		[['ingest', SAMPLE, 'x.json', '--format', 'xml'], 2, /--format must be one of auto, promptfoo/]
	];
	it.each(cases)('capmap %j exits %i with a message', async (argv, exit, message) => {
		const result = await capmap(...argv);
		expect(result.code).toBe(exit);
		expect(result.stderr).toMatch(message);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('reports a broken workspace file for every command', async () => {
		const path = tempFile('broken.json', '{"format": "capmap.workspace", ');
		const result = await capmap('readiness', path);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(
			/not a valid workspace \(1 problem\)\n\(file\): is not valid JSON \(it stops in the middle; was it cut short\?\)$/
		);
	});
});

describe('as a process', () => {
	it('runs through npm run capmap with no build step and exits with the right code', async () => {
		const ok = execFileSync('npm', ['run', '-s', 'capmap', '--', 'validate', SAMPLE], {
			encoding: 'utf8'
		});
		expect(ok.trim()).toBe('valid');
		const bad = spawnSync('npm', ['run', '-s', 'capmap', '--', 'readiness', 'nope.json'], {
			encoding: 'utf8'
		});
		expect(bad.status).toBe(1);
		expect(bad.stderr.trim()).toBe('capmap: nope.json: no such file');
	});
});
