/** Reads eval results in any supported format, recognising it from the content when asked to. */
import { parseCsvEvidence, type CsvOptions } from './csv';
import { parseInspect } from './inspect';
import { parseLmEval } from './lm-eval';
import { parsePromptfoo } from './promptfoo';
import { parseJson, ResultsError, type Companion, type ParsedResults, type Tool } from './results';

export interface ParseOptions extends CsvOptions {
	/** The results file's name (lm-eval finds its samples files by the time in it). */
	fileName?: string;
	/** Files read beside it: lm-eval's `samples_<task>_<time>.jsonl`. */
	companions?: readonly Companion[];
}

export const FORMATS = ['auto', 'promptfoo', 'lm-eval', 'inspect', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export function detectFormat(text: string): Tool {
	const start = text.trimStart();
	if (!start.startsWith('{')) return 'csv';
	const root = parseJson(text) as Record<string, unknown>;
	if (root && typeof root === 'object') {
		if ('eval' in root && 'status' in root) return 'inspect';
		if (
			'n-samples' in root ||
			('results' in root && 'config' in root && 'date' in root && !('evalId' in root))
		)
			return 'lm-eval';
		if ('results' in root) return 'promptfoo';
	}
	throw new ResultsError(
		'(file)',
		'is JSON but not promptfoo, lm-evaluation-harness or Inspect results'
	);
}

export function parseResults(
	text: string,
	format: Format = 'auto',
	options: ParseOptions = {}
): ParsedResults {
	const tool = format === 'auto' ? detectFormat(text) : format;
	if (tool === 'csv') return finite(parseCsvEvidence(text, options));
	const json = parseJson(text);
	if (tool === 'promptfoo') return finite(parsePromptfoo(json));
	if (tool === 'lm-eval') return finite(parseLmEval(json, options.companions, options.fileName));
	return finite(parseInspect(json));
}

/**
 * Every value an importer read is finite, but one it computed may not be (the mean of costs near
 * the largest double overflows): such a file is refused where the value came from.
 */
function finite(parsed: ParsedResults): ParsedResults {
	for (const o of parsed.observations)
		if (!Number.isFinite(o.value))
			throw new ResultsError(o.where, 'comes to a number too large to represent');
	return parsed;
}
