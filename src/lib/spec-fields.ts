/**
 * The AI feature spec as its form edits it: plain strings and rows, and back. A row left blank
 * (an example with no input, output or note; an empty edge case) is not part of the spec, and a
 * spec with nothing in it is no spec at all. An example's input and output are kept exactly as
 * typed — leading spaces or a final newline can matter to a model — the prose is trimmed.
 */
import { optional } from './forms';
import type { Spec } from './domain/schemas';

export interface ExampleFields {
	input: string;
	output: string;
	verdict: 'good' | 'bad';
	note: string;
}

export interface SpecFields {
	modelInput: string;
	fallback: string;
	examples: ExampleFields[];
	inScope: string[];
	outOfScope: string[];
}

export function specFields(spec: Spec | undefined): SpecFields {
	return {
		modelInput: spec?.modelInput ?? '',
		fallback: spec?.fallback ?? '',
		examples: (spec?.examples ?? []).map((e) => ({
			input: e.input,
			output: e.output,
			verdict: e.verdict,
			note: e.note ?? ''
		})),
		inScope: [...(spec?.inScope ?? [])],
		outOfScope: [...(spec?.outOfScope ?? [])]
	};
}

/** A row with nothing typed in it: not part of the spec. */
export const blankExample = (e: ExampleFields) =>
	e.input.trim() === '' && e.output.trim() === '' && e.note.trim() === '';
export const blankLine = (line: string) => line.trim() === '';

/** Where row `i` lands in the saved list once blank rows are dropped: the path of its errors. */
export function savedIndex<T>(rows: readonly T[], i: number, blank: (row: T) => boolean): number {
	return rows.slice(0, i).filter((row) => !blank(row)).length;
}

const lines = (entries: readonly string[]) => {
	const kept = entries.filter((e) => !blankLine(e)).map((e) => e.trim());
	return kept.length > 0 ? kept : undefined;
};

/** The spec the fields describe; undefined when they describe nothing. */
export function specFromFields(fields: SpecFields): Spec | undefined {
	const examples = fields.examples
		.filter((e) => !blankExample(e))
		.map((e) => ({
			input: e.input,
			output: e.output,
			verdict: e.verdict,
			note: optional(e.note)
		}));
	const spec: Spec = {
		modelInput: optional(fields.modelInput),
		fallback: optional(fields.fallback),
		examples: examples.length > 0 ? examples : undefined,
		inScope: lines(fields.inScope),
		outOfScope: lines(fields.outOfScope)
	};
	return Object.values(spec).some((v) => v !== undefined) ? spec : undefined;
}
