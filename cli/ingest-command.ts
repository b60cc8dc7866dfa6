/**
 * `capmap ingest <file> <results>`: eval results into evidence, written only when the new
 * workspace passes the same validation as `capmap validate`, and written atomically. A results
 * file that cannot make valid evidence is refused in one line naming its row or JSON path.
 */
import { basename } from 'node:path';
import { oneLine } from '../src/lib/domain/one-line';
import { isRegression } from '../src/lib/domain/scenario';
import { serializeWorkspace } from '../src/lib/domain/entities';
import { formatProblem, validateWorkspace } from '../src/lib/domain/workspace';
import { FORMATS, parseResults, type Format } from '../src/lib/import/detect';
import { ingest } from '../src/lib/import/ingest';
import { ResultsError } from '../src/lib/import/results';
import { parseArgs, single, UsageError } from './args';
import { FileError, loadWorkspace, readMap, readText, writeOutput } from './files';
import { asOfArg, type Output } from './options';
import { table } from './table';

export function ingestCommand(argv: string[], io: Output): number {
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
