/**
 * SVG markup as a string, for charts with thousands of identical marks: the browser's parser
 * builds 12,000 cells several times faster than as many component blocks, and the marks need no
 * per-element reactivity (their events are handled once, on the chart). Every piece of text that
 * can come from a workspace goes through `escapeXml`, and so does every attribute value.
 */

/**
 * Characters XML 1.0 does not allow at all (most control characters, lone surrogates, U+FFFE and
 * U+FFFF): the page would show them, but a saved SVG holding one is not a well-formed document and
 * will not open. They become U+FFFD, as an HTML parser would make them.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` with the characters XML forbids replaced; for markup already serialised, too. */
export function xmlCharacters(text: string): string {
	return text.replace(NOT_XML, '\uFFFD');
}

/** Text or an attribute value as XML: markup characters escaped, forbidden characters replaced. */
export function escapeXml(text: string): string {
	return xmlCharacters(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** `name="value"` pairs, escaped; undefined and false values are left out. */
export function attributes(values: Record<string, string | number | boolean | undefined>): string {
	let out = '';
	for (const [name, value] of Object.entries(values))
		if (value !== undefined && value !== false)
			out += ` ${name}="${value === true ? '' : escapeXml(String(value))}"`;
	return out;
}

export function element(
	name: string,
	values: Record<string, string | number | boolean | undefined>,
	content = ''
): string {
	return `<${name}${attributes(values)}>${content}</${name}>`;
}
