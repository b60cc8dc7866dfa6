/**
 * JSON.parse with a message a person can act on. V8's own ("Unexpected token 'x', "{"a": x…" is
 * not valid JSON") quotes the source, newlines and all; this names the line and column instead,
 * and says "cut short" when the text stops in the middle of a value, the usual sign of a file
 * copied or downloaded half-way.
 */
import { oneLine } from './one-line';
import type { Read } from './strict';

function lineColumn(text: string, position: number): string {
	let line = 1;
	let start = 0;
	for (let i = 0; i < position && i < text.length; i++)
		if (text[i] === '\n') {
			line++;
			start = i + 1;
		}
	return `line ${line}, column ${position - start + 1}`;
}

/** `is not valid JSON (…)`: the problem follows the file's name, as every file problem does. */
export function parseJsonText(text: string): Read<unknown> {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		const raw = error instanceof Error ? error.message : String(error);
		const at = /\s*in JSON at position (\d+)/.exec(raw);
		const position = at ? Number(at[1]) : undefined;
		if (
			/end of JSON input/i.test(raw) ||
			(position !== undefined && position >= text.trimEnd().length)
		)
			return {
				ok: false,
				problem: 'is not valid JSON (it stops in the middle; was it cut short?)'
			};
		// "Unexpected token 'x', "<source>" is not valid JSON": keep the token, drop the quote.
		let detail = raw.replace(/, ".*" is not valid JSON$/s, '');
		if (at) detail = detail.replace(at[0], ` at ${lineColumn(text, position!)}`);
		detail = detail.charAt(0).toLowerCase() + detail.slice(1);
		return { ok: false, problem: `is not valid JSON (${oneLine(detail, 200)})` };
	}
}
