/**
 * `capmap ingest <file> <results>`: eval results into evidence and eval runs, written only when
 * the new workspace passes the same validation as `capmap validate`, and written atomically. A
 * results file that cannot make valid evidence is refused in one line naming its row or JSON
 * path. `--report FILE` writes the import's triage note (domain/triage.ts), atomically too, before
 * the workspace: a report that cannot be written leaves the workspace as it was. An lm-eval
 * results file brings the `samples_<task>_<time>.jsonl` files of its folder with it.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { caseChanges } from '../src/lib/domain/eval-runs';
import { oneLine } from '../src/lib/domain/one-line';
import { isRegression } from '../src/lib/domain/scenario';
import { importNoteTitle, triageNote } from '../src/lib/domain/triage';
import { serializeWorkspace } from '../src/lib/domain/entities';
import { formatProblem, validateWorkspace } from '../src/lib/domain/workspace';
import { FORMATS, parseResults, type Format } from '../src/lib/import/detect';
import { ingest } from '../src/lib/import/ingest';
import { ResultsError, type Companion } from '../src/lib/import/results';
import { parseArgs, single, UsageError } from './args';
import { FileError, loadWorkspace, readMap, readText, writeOutput } from './files';
import { asOfArg, type Output } from './options';
import { table } from './table';

export function ingestCommand(argv: string[], io: Output): number {
	const args = parseArgs(argv, ['format', 'map', 'out', 'as-of', 'report'], []);
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
	const text = readText(resultsPath);
	const fileName = basename(resultsPath);
	let parsed = fromResults(() => parseResults(text, format));
	if (parsed.tool === 'lm-eval') {
		// Read again with its samples files: a results file is small, a samples file is not.
		const companions = samplesBeside(resultsPath);
		if (companions.length > 0)
			parsed = fromResults(() => parseResults(text, 'lm-eval', { fileName, companions }));
	}
	const workspace = loadWorkspace(path);
	const result = fromResults(() => ingest(workspace, parsed, map, fileName, asOf));
	// The same check as `capmap validate`, before anything is written: whatever ingest writes,
	// validate accepts. The importers refuse bad input first; this is the last wall.
	const checked = validateWorkspace(result.workspace);
	if (!checked.ok)
		throw new FileError(
			`${resultsPath}: would make a workspace that is not valid (${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'}); nothing was written`,
			checked.problems.map(formatProblem)
		);
	const out = single(args, 'out') ?? path;
	const report = single(args, 'report');
	if (report !== undefined) {
		const ranAt = result.runs[0]?.ranAt ?? parsed.runs[0]?.ranAt ?? parsed.observedAt;
		writeOutput(
			report,
			triageNote(
				{ before: workspace, after: result.workspace, runs: result.runs, asOf },
				importNoteTitle(ranAt, fileName)
			)
		);
	}
	writeOutput(out, serializeWorkspace(result.workspace));
	io.out(
		`${result.added.length} new evidence record${result.added.length === 1 ? '' : 's'} from ${fileName} (${parsed.tool}, ${parsed.observedAt}); ${result.duplicates} already present; wrote ${out}`
	);
	io.out(runsLine(result.runs, result.duplicateRuns, result.workspace.evalRuns));
	if (report !== undefined) io.out(`wrote the triage note to ${report}`);
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

/** `1 new eval run (120 cases: 6 regressed, 1 fixed since the run before); 0 already present`. */
function runsLine(
	runs: ReturnType<typeof ingest>['runs'],
	duplicates: number,
	all: ReturnType<typeof ingest>['runs']
): string {
	const cases = runs.reduce((n, r) => n + r.cases.length, 0);
	const { regressed, fixed } = caseChanges(all, runs);
	const detail =
		runs.length === 0
			? ''
			: ` (${cases} case${cases === 1 ? '' : 's'}: ${regressed} regressed, ${fixed} fixed since the run before)`;
	return `${runs.length} new eval run${runs.length === 1 ? '' : 's'}${detail}; ${duplicates} already present`;
}

/**
 * lm-eval's per-sample files beside a results file: `samples_<task>_<time>.jsonl`, of the same
 * time when the results file is `results_<time>.json`. Read as every input is read (files.ts).
 */
function samplesBeside(resultsPath: string): Companion[] {
	const folder = dirname(resultsPath);
	const time = /^results_(.+)\.json$/.exec(basename(resultsPath))?.[1];
	let names: string[];
	try {
		names = readdirSync(folder);
	} catch {
		return [];
	}
	return names
		.filter((n) => n.startsWith('samples_') && n.endsWith(time ? `_${time}.jsonl` : '.jsonl'))
		.sort()
		.map((name) => ({ name, text: readText(join(folder, name)) }));
}
