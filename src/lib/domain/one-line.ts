/**
 * Messages are one line each: a script reading the command line's stderr, or a person scanning a
 * list of problems, counts on it. Text from a file (a cell with a newline, a name with a control
 * character, a parser's quote of the source) is escaped the way JSON would write it and cut to a
 * readable length, so it can never start a line of its own.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

function escape(char: string): string {
	if (char === '\n') return '\\n';
	if (char === '\r') return '\\r';
	if (char === '\t') return '\\t';
	return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function oneLine(text: string, max = 1000): string {
	const line = text.replace(BREAKING, escape);
	return line.length > max ? `${line.slice(0, max)}…` : line;
}
