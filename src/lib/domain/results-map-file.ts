/**
 * MAP.json, the mapping file: read by `capmap ingest --map` and loaded or saved on the app's
 * mapping screen, with the same checks and the same words in both.
 */
import { z } from 'zod';
import { parseJsonText } from './json-text';
import { formatPath, issueSentence } from './problems';
import type { ResultsMap } from './results-map';
import { id } from './schemas';
import { LIMITS } from './entities';

const ResultsMapSchema = z.object({
	models: z.record(z.string().max(LIMITS.name), id).default({}),
	metrics: z.record(z.string().max(LIMITS.name), id).default({})
});

export type MapRead =
	| { ok: true; map: ResultsMap }
	/** `problem` follows the file's name ("is not valid JSON (…)"); `problems` are one per line. */
	| { ok: false; problem: string; problems: string[] };

export function parseResultsMapText(text: string): MapRead {
	const json = parseJsonText(text);
	if (!json.ok) return { ok: false, problem: json.problem, problems: [] };
	const parsed = ResultsMapSchema.safeParse(json.value);
	if (parsed.success) return { ok: true, map: parsed.data };
	const count = parsed.error.issues.length;
	return {
		ok: false,
		problem: `not a valid mapping file (${count} problem${count === 1 ? '' : 's'})`,
		problems: parsed.error.issues.map(
			(i) => `${formatPath(i.path)}: ${issueSentence(i, json.value)}`
		)
	};
}

/** The mapping as a file the command line reads back: names sorted, so saved maps diff cleanly. */
export function resultsMapText(map: ResultsMap): string {
	const sorted = (record: Record<string, string>) =>
		Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	return (
		JSON.stringify({ models: sorted(map.models), metrics: sorted(map.metrics) }, null, 2) + '\n'
	);
}
