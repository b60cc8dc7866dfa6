import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../markdown/xss-corpus';
import { attributes, element, escapeXml, xmlCharacters } from './svg-markup';

const window = new JSDOM('').window;

/** What escapeXml makes of the characters XML forbids: U+FFFD. */
const asXml = (text: string) =>
	[...text]
		.map((ch) => {
			const code = ch.charCodeAt(0);
			return code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd ? '\uFFFD' : ch;
		})
		.join('');

describe('svg-markup', () => {
	it('keeps every payload of the corpus as text and attribute value, in HTML and in XML', () => {
		const markup = XSS_PAYLOADS.map((p, i) =>
			element('text', { class: 'title', 'data-item': p, 'aria-label': p, x: i }, escapeXml(p))
		).join('');
		// As the app draws it: inside an <svg> of an HTML page.
		const template = window.document.createElement('template');
		template.innerHTML = `<svg>${markup}</svg>`;
		const texts = [...template.content.querySelectorAll('text')];
		// As a saved chart: an SVG document of its own.
		const xml = new window.DOMParser().parseFromString(
			`<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`,
			'image/svg+xml'
		);
		expect(xml.querySelector('parsererror')).toBeNull();
		const xmlTexts = [...xml.querySelectorAll('text')];
		for (const parsed of [texts, xmlTexts]) {
			expect(parsed).toHaveLength(XSS_PAYLOADS.length);
			parsed.forEach((node, i) => {
				const expected = asXml(XSS_PAYLOADS[i]!);
				expect(node.children).toHaveLength(0);
				expect([...node.attributes].map((a) => a.name)).toEqual([
					'class',
					'data-item',
					'aria-label',
					'x'
				]);
				// Parsers normalise white space in attribute values (XML) and line ends (HTML).
				const spaced = (t: string) => t.replace(/\r\n?/g, '\n').replace(/\s/g, ' ');
				expect(spaced(node.getAttribute('data-item')!)).toBe(spaced(expected));
				// An HTML parser turns a carriage return in text into a line feed; XML keeps it.
				expect(node.textContent!.replace(/\r\n?/g, '\n')).toBe(expected.replace(/\r\n?/g, '\n'));
			});
		}
	});

	it('replaces only the characters XML forbids', () => {
		expect(xmlCharacters('a\u0000b\u0001c\td\ne\rf\uFFFEg\u{1F600}')).toBe(
			'a\uFFFDb\uFFFDc\td\ne\rf\uFFFDg\u{1F600}'
		);
	});

	it('leaves out undefined and false attributes and writes true as a bare flag', () => {
		expect(attributes({ a: 1, b: undefined, c: false, d: true, e: '"<&>\'' })).toBe(
			' a="1" d="" e="&quot;&lt;&amp;&gt;&apos;"'
		);
	});
});
