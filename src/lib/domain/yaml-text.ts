/**
 * Just enough YAML to write a file another tool reads: block mappings and sequences whose every
 * string is double-quoted, and comments. A double-quoted YAML scalar is a JSON string with more
 * escapes allowed, so user text goes through JSON.stringify — quotes, backslashes, newlines, `:`,
 * `#`, a leading `-`, `*`, `&` or `!` all stay text — and the characters YAML parsers refuse raw
 * (DEL, the C1 controls, U+2028/2029, U+FEFF/FFFE/FFFF) become `\uXXXX` escapes as well.
 * Comments are read by people only: their text is kept to its own comment lines.
 */

export type YamlValue = string | number | boolean | readonly YamlValue[] | YamlMapping;
export interface YamlMapping {
	readonly [key: string]: YamlValue | undefined;
}

/** Printable for YAML but left raw by JSON.stringify: escaped by hand. */
const UNSAFE_IN_QUOTES = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
const hex = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A string as a double-quoted YAML scalar that reads back as exactly this string. */
export function yamlString(text: string): string {
	return JSON.stringify(text).replace(UNSAFE_IN_QUOTES, hex);
}

function scalar(value: string | number | boolean): string {
	if (typeof value === 'string') return yamlString(value);
	if (typeof value === 'number' && !Number.isFinite(value))
		throw new Error(`YAML output: ${value} is not a number a YAML reader accepts`);
	return String(value);
}

/** Plain keys only (the writer picks them); user text is never a key. */
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function isScalar(value: YamlValue): value is string | number | boolean {
	return typeof value !== 'object';
}

function entries(mapping: YamlMapping): [string, YamlValue][] {
	return Object.entries(mapping).filter((e): e is [string, YamlValue] => e[1] !== undefined);
}

/** A value after `key:` (or `- `): inline when a scalar or empty, else on the lines below. */
function afterKey(value: YamlValue, indent: string): string {
	if (isScalar(value)) return ` ${scalar(value)}`;
	const empty = Array.isArray(value)
		? value.length === 0
		: entries(value as YamlMapping).length === 0;
	if (empty) return Array.isArray(value) ? ' []' : ' {}';
	return `\n${yamlBlock(value as readonly YamlValue[] | YamlMapping, `${indent}  `)}`;
}

/** A mapping or a sequence as block YAML, each line starting with `indent`. */
export function yamlBlock(value: readonly YamlValue[] | YamlMapping, indent = ''): string {
	if (Array.isArray(value))
		return value
			.map((item: YamlValue) => {
				const block = afterKey(item, indent);
				// A nested block starts on the dash's line: `- key: value`, the rest lined up under it.
				return block.startsWith('\n')
					? `${indent}- ${block.slice(indent.length + 3)}`
					: `${indent}-${block}`;
			})
			.join('\n');
	return entries(value as YamlMapping)
		.map(([key, item]) => {
			if (!KEY.test(key)) throw new Error(`YAML output: ${JSON.stringify(key)} is not a plain key`);
			return `${indent}${key}:${afterKey(item, indent)}`;
		})
		.join('\n');
}

/** Line breaks as YAML 1.1 and 1.2 readers know them: each starts a new comment line. */
const BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/;
/** Characters a YAML reader refuses even in a comment. */
const NOT_PRINTABLE =
	// eslint-disable-next-line no-control-regex -- finding control characters is the point
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g;

/** Text as comment lines (`# …`), every line of it, with `prefix` after the `#`. */
export function yamlComment(text: string, indent = '', prefix = ' '): string {
	return text
		.split(BREAK)
		.map((line) => `${indent}#${prefix}${line.replace(NOT_PRINTABLE, '\ufffd')}`.trimEnd())
		.join('\n');
}
