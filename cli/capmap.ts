#!/usr/bin/env node
/**
 * `capmap`: the domain rules in Node, for automation and for checking the rules.
 * Argument parsing and output only; every rule lives in src/lib/domain.
 * Exit codes: 0 success, 1 an invalid or unreadable file, 2 bad arguments.
 * Every error is one line on stderr; a file with validation problems adds its problems, one a
 * line, at most MAX_LISTED of them. The usage text comes only with --help, or after the error
 * when no command was given.
 */
import { basename } from 'node:path';
import { generateBrief, BriefError } from '../src/lib/domain/brief';
import { isIsoDate, todayIso } from '../src/lib/domain/dates';
import { oneLine } from '../src/lib/domain/one-line';
import { readinessReport, type ReadinessReportItem } from '../src/lib/domain/report';
import { isRegression, scenarioChanges, type ModelOverride } from '../src/lib/domain/scenario';
import { FORMATS, parseResults, type Format } from '../src/lib/import/detect';
import { ingest } from '../src/lib/import/ingest';
import { ResultsError } from '../src/lib/import/results';
import { DEFAULT_ROLE, MODEL_STATUSES, type ModelStatus } from '../src/lib/domain/schemas';
import {
	formatProblem,
	parseWorkspaceText,
	serializeWorkspace,
	validateWorkspace,
	type Workspace
} from '../src/lib/domain/workspace';
import { parseArgs, single, UsageError, type ParsedArgs } from './args';
import { FileError, loadWorkspace, readMap, readText, writeOutput } from './files';
import { jsonText, UnrepresentableError } from './json-output';
import { table } from './table';

const USAGE = `usage: capmap <command> [options]
  validate <file>
  readiness <file> [--as-of DATE] [--json]
  scenario <file> --set MODEL=STATUS[@DATE] [--set ...] [--as-of DATE] [--json]
  brief <file> --model ID [--as-of DATE] [--format md|html] [--out FILE]
  ingest <file> <results> [--format auto|promptfoo|lm-eval|inspect|csv] [--map MAP.json] [--out FILE] [--as-of DATE]
Dates are written YYYY-MM-DD. Exit status: 0 done, 1 a file is invalid or unreadable, 2 bad arguments.`;

/** Problems listed after a file's one-line summary; `capmap validate` lists them all. */
export const MAX_LISTED = 50;

export interface Output {
	out: (text: string) => void;
	err: (text: string) => void;
}

function fileArg(args: ParsedArgs, command: string): string {
	if (args.positionals.length !== 1)
		throw new UsageError(`${command} takes one workspace file, got ${args.positionals.length}`);
	return args.positionals[0]!;
}

function asOfArg(args: ParsedArgs): string {
	const asOf = single(args, 'as-of') ?? todayIso();
	if (!isIsoDate(asOf))
		throw new UsageError(
			`--as-of must be a real date written YYYY-MM-DD, not ${JSON.stringify(asOf)}`
		);
	return asOf;
}

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
	const markdown = generateBrief(workspace, modelId, asOf);
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

function ingestCommand(argv: string[], io: Output): number {
	const args = parseArgs(argv, ['format', 'map', 'out', 'as-of'], []);
	if (args.positionals.length !== 2)
		throw new UsageError(
			`ingest takes a workspace file and a results file, got ${args.positionals.length} file(s)`
		);
	const [path, resultsPath] = args.positionals as [string, string];
	const format = (single(args, 'format') ?? 'auto') as Format;
	if (!(FORMATS as readonly string[]).includes(format))
		throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
	const asOf = asOfArg(args);
	/** A results file that cannot make valid evidence: one line naming the row or path. */
	const fromResults = <T>(step: () => T): T => {
		try {
			return step();
		} catch (error) {
			if (!(error instanceof ResultsError)) throw error;
			const where = error.where === '(file)' ? '' : `${error.where}: `;
			throw new FileError(`${resultsPath}: ${where}${error.detail}; nothing was written`);
		}
	};
	// The small files first: a bad results file or map is reported without first reading a
	// workspace that may take a second to load.
	const map = readMap(single(args, 'map'));
	const parsed = fromResults(() => parseResults(readText(resultsPath), format));
	const workspace = loadWorkspace(path);
	const result = fromResults(() => ingest(workspace, parsed, map, basename(resultsPath), asOf));
	// The same check as `capmap validate`, before anything is written: whatever ingest writes,
	// validate accepts. The importers refuse bad input first; this is the last wall.
	const checked = validateWorkspace(result.workspace);
	if (!checked.ok)
		throw new FileError(
			`${resultsPath}: would make a workspace that is not valid (${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'}); nothing was written`,
			checked.problems.map(formatProblem)
		);
	const out = single(args, 'out') ?? path;
	writeOutput(out, serializeWorkspace(result.workspace));
	io.out(
		`${result.added.length} new evidence record${result.added.length === 1 ? '' : 's'} from ${basename(resultsPath)} (${parsed.tool}, ${parsed.observedAt}); ${result.duplicates} already present; wrote ${out}`
	);
	// A tool's names can hold anything a file can (a CSV cell with a line break): one line each.
	if (result.unmapped.models.length > 0)
		io.out(oneLine(`unmapped models (skipped): ${result.unmapped.models.join(', ')}`, 2000));
	if (result.unmapped.metrics.length > 0)
		io.out(oneLine(`unmapped metrics (skipped): ${result.unmapped.metrics.join(', ')}`, 2000));
	if (result.changes.length === 0) io.out(`no item changes readiness (as of ${asOf})`);
	else
		io.out(
			table(
				['item', 'from', 'to', 'title'],
				result.changes.map((c) => [
					c.itemId,
					c.from,
					isRegression(c) ? `${c.to} (regression)` : c.to,
					c.title
				])
			)
		);
	return 0;
}

const COMMANDS: Record<string, (argv: string[], io: Output) => number | Promise<number>> = {
	validate,
	readiness,
	scenario,
	brief,
	ingest: ingestCommand
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
		if (error instanceof BriefError || error instanceof UnrepresentableError) {
			fail(error.message);
			return 1;
		}
		fail(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	}
}
