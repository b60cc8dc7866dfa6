#!/usr/bin/env node
/**
 * `capmap`: the domain rules in Node, for automation and for checking the rules.
 * Argument parsing and output only; every rule lives in src/lib/domain.
 * Exit codes: 0 success, 1 an invalid or unreadable file, 2 bad arguments.
 * Every error is one line on stderr; a file with validation problems adds its problems, one a
 * line, at most MAX_LISTED of them. The usage text comes only with --help, or after the error
 * when no command was given.
 */
import { isIsoDate } from '../src/lib/domain/dates';
import { oneLine } from '../src/lib/domain/one-line';
import { readinessReport, type ReadinessReportItem } from '../src/lib/domain/report';
import { scenarioChanges, type ModelOverride } from '../src/lib/domain/scenario';
import { DEFAULT_ROLE, MODEL_STATUSES } from '../src/lib/domain/entities';
import type { ModelStatus } from '../src/lib/domain/schemas';
import { formatProblem, parseWorkspaceText, type Workspace } from '../src/lib/domain/workspace';
import { parseArgs, single, UsageError } from './args';
import { FileError, loadWorkspace, readText, writeOutput } from './files';
import { jsonText, UnrepresentableError } from './json-output';
import { asOfArg, fileArg, type Output } from './options';
import { table } from './table';

const USAGE = `usage: capmap <command> [options]
  validate <file>
  readiness <file> [--as-of DATE] [--json]
  scenario <file> --set MODEL=STATUS[@DATE] [--set ...] [--as-of DATE] [--json]
  brief <file> --model ID [--as-of DATE] [--format md|html] [--out FILE]
  ingest <file> <results> [--format auto|promptfoo|lm-eval|inspect|csv] [--map MAP.json] [--out FILE] [--report FILE] [--as-of DATE]
  promptfoo <file> --item ID [--out FILE]
Dates are written YYYY-MM-DD. Exit status: 0 done, 1 a file is invalid or unreadable, 2 bad arguments.`;

/**
 * The brief's and the importers' code is loaded by their commands only: `capmap readiness` on a
 * big file should not pay for writing briefs or parsing eval results.
 */
let briefCode: typeof import('../src/lib/domain/brief') | undefined;

/** Problems listed after a file's one-line summary; `capmap validate` lists them all. */
export const MAX_LISTED = 50;

function validate(argv: string[], io: Output): number {
	const path = fileArg(parseArgs(argv, [], []), 'validate');
	const result = parseWorkspaceText(readText(path));
	if (result.ok) {
		io.out('valid');
		return 0;
	}
	// Every problem, uncapped: this is the command that lists them all.
	for (const problem of result.problems) io.out(oneLine(formatProblem(problem)));
	return 1;
}

function readiness(argv: string[], io: Output): number {
	const args = parseArgs(argv, ['as-of'], ['json']);
	const path = fileArg(args, 'readiness');
	// Arguments first: a bad one is exit 2 whatever the file holds.
	const asOf = asOfArg(args);
	const report = readinessReport(loadWorkspace(path), asOf);
	if (args.switches.has('json')) {
		io.out(jsonText(report));
		return 0;
	}
	const rows = report.items.map((r) => [
		r.id,
		r.readiness,
		r.confidence ?? '-',
		r.earliestQuarter ?? '-',
		r.overPromised ? 'OVER-PROMISED' : '',
		r.borderline.length > 0 ? 'borderline' : '',
		partsText(r.parts),
		r.title
	]);
	io.out(
		table(
			['item', 'readiness', 'confidence', 'earliest', 'promise', 'margin', 'parts', 'title'],
			rows
		)
	);
	const counts = (['ready', 'upgrade', 'unverified', 'waiting'] as const).map(
		(state) => `${report.items.filter((r) => r.readiness === state).length} ${state}`
	);
	const over = report.items.filter((r) => r.overPromised).length;
	io.out(`\nas of ${report.asOf}: ${counts.join(', ')}; ${over} over-promised`);
	return 0;
}

/** `embedding upgrade, llm ready` for a pipeline; empty for a one-part llm item. */
function partsText(parts: ReadinessReportItem['parts']): string {
	if (parts.length === 1 && parts[0]!.role === DEFAULT_ROLE) return '';
	return parts.map((p) => `${p.role} ${p.readiness}`).join(', ');
}

function parseOverride(text: string, workspace: Workspace): ModelOverride {
	const match = /^([^=]+)=([a-z]+)(?:@(.+))?$/.exec(text);
	if (!match)
		throw new UsageError(
			`--set must look like MODEL=STATUS or MODEL=STATUS@DATE, not ${JSON.stringify(text)}`
		);
	const [, modelId, status, date] = match as unknown as [
		string,
		string,
		string,
		string | undefined
	];
	if (!workspace.models.some((m) => m.id === modelId))
		throw new UsageError(`--set ${text}: no model "${modelId}" in the workspace`);
	if (!(MODEL_STATUSES as readonly string[]).includes(status))
		throw new UsageError(`--set ${text}: status must be one of ${MODEL_STATUSES.join(', ')}`);
	if (date !== undefined && !isIsoDate(date))
		throw new UsageError(`--set ${text}: the date must be a real date written YYYY-MM-DD`);
	return { modelId, status: status as ModelStatus, ...(date ? { expectedAt: date } : {}) };
}

function scenario(argv: string[], io: Output): number {
	const args = parseArgs(argv, ['as-of', 'set'], ['json']);
	const path = fileArg(args, 'scenario');
	const sets = args.flags.get('set') ?? [];
	if (sets.length === 0)
		throw new UsageError('scenario needs at least one --set MODEL=STATUS[@DATE]');
	const asOf = asOfArg(args);
	const workspace = loadWorkspace(path);
	const overrides = sets.map((s) => parseOverride(s, workspace));
	const changes = scenarioChanges(workspace, overrides, asOf);
	if (args.switches.has('json')) {
		io.out(
			jsonText({
				asOf,
				overrides,
				changes: changes.map((c) => ({ id: c.itemId, title: c.title, from: c.from, to: c.to }))
			})
		);
		return 0;
	}
	if (changes.length === 0) {
		io.out(`no item changes readiness (as of ${asOf})`);
		return 0;
	}
	io.out(
		table(
			['item', 'from', 'to', 'title'],
			changes.map((c) => [c.itemId, c.from, c.to, c.title])
		)
	);
	io.out(
		`\n${changes.length} item${changes.length === 1 ? '' : 's'} change readiness (as of ${asOf})`
	);
	return 0;
}

async function brief(argv: string[], io: Output): Promise<number> {
	const args = parseArgs(argv, ['model', 'as-of', 'format', 'out'], []);
	const path = fileArg(args, 'brief');
	const modelId = single(args, 'model');
	if (!modelId) throw new UsageError('brief needs --model ID');
	const format = single(args, 'format') ?? 'md';
	if (format !== 'md' && format !== 'html')
		throw new UsageError(`--format must be md or html, not "${format}"`);
	const asOf = asOfArg(args);
	const workspace = loadWorkspace(path);
	if (!workspace.models.some((m) => m.id === modelId))
		throw new UsageError(`--model: no model "${modelId}" in ${path}`);
	briefCode ??= await import('../src/lib/domain/brief');
	const markdown = briefCode.generateBrief(workspace, modelId, asOf);
	let text = markdown;
	if (format === 'html') {
		// Loaded only here: jsdom takes most of a second to load, and only HTML needs a DOM.
		const [{ JSDOM }, { createRenderer }, { standaloneHtml }] = await Promise.all([
			import('jsdom'),
			import('../src/lib/markdown/render'),
			import('../src/lib/markdown/standalone')
		]);
		const render = createRenderer(
			new JSDOM('').window as unknown as Parameters<typeof createRenderer>[0]
		);
		text = standaloneHtml(markdown, render);
	}
	const out = single(args, 'out');
	if (out) {
		writeOutput(out, text.endsWith('\n') ? text : `${text}\n`);
		io.err(`wrote ${out}`);
	} else io.out(text);
	return 0;
}

const COMMANDS: Record<string, (argv: string[], io: Output) => number | Promise<number>> = {
	validate,
	readiness,
	scenario,
	brief,
	ingest: async (argv, io) => (await import('./ingest-command')).ingestCommand(argv, io),
	promptfoo: async (argv, io) => (await import('./promptfoo-command')).promptfooCommand(argv, io)
};

/** `--help` anywhere asks for the usage text, whatever else is on the line. */
const wantsHelp = (argv: readonly string[]) =>
	argv[0] === 'help' || argv.includes('--help') || argv.includes('-h');

export async function run(argv: readonly string[], io: Output): Promise<number> {
	const [command, ...rest] = argv;
	const fail = (message: string) => io.err(`capmap: ${oneLine(message)}`);
	try {
		if (wantsHelp(argv)) {
			io.out(USAGE);
			return 0;
		}
		if (command === undefined) {
			fail('no command given');
			io.err(USAGE);
			return 2;
		}
		const handler = COMMANDS[command];
		if (!handler)
			throw new UsageError(
				`unknown command ${JSON.stringify(command)} (the commands are ${Object.keys(COMMANDS).join(', ')}; capmap --help explains them)`
			);
		return await handler(rest, io);
	} catch (error) {
		if (error instanceof UsageError) {
			fail(error.message);
			return 2;
		}
		if (error instanceof FileError) {
			fail(error.message);
			for (const detail of error.details.slice(0, MAX_LISTED)) io.err(oneLine(detail));
			if (error.details.length > MAX_LISTED)
				io.err(`…and ${error.details.length - MAX_LISTED} more`);
			return 1;
		}
		if (
			(briefCode && error instanceof briefCode.BriefError) ||
			error instanceof UnrepresentableError
		) {
			fail(error.message);
			return 1;
		}
		fail(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	}
}
