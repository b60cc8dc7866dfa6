import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createRenderer } from './render';
import { standaloneHtml } from './standalone';
import { XSS_PAYLOADS } from './xss-corpus';

const window = new JSDOM('').window;
const render = createRenderer(window as unknown as Parameters<typeof createRenderer>[0]);

function inspect(html: string) {
	const doc = new JSDOM(`<body>${html}</body>`).window.document;
	const elements = [...doc.body.querySelectorAll('*')];
	return {
		dangerous: elements.filter((e) =>
			['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'LINK', 'STYLE', 'FORM'].includes(
				e.tagName.toUpperCase()
			)
		),
		handlers: elements.flatMap((e) =>
			[...e.attributes]
				.filter((a) => a.name.toLowerCase().startsWith('on'))
				.map((a) => `${e.tagName} ${a.name}`)
		),
		urls: elements.flatMap((e) =>
			['href', 'src', 'xlink:href', 'action', 'formaction', 'data'].flatMap((name) =>
				e.getAttribute(name) === null ? [] : [e.getAttribute(name)!]
			)
		),
		clobbering: elements.filter(
			(e) =>
				['cookie', 'location', 'getElementById'].includes(e.id) ||
				['cookie', 'location', 'getElementById'].includes(e.getAttribute('name') ?? '')
		)
	};
}

const SAFE_URL = /^(https?:|mailto:|#|\/|\.|[^:]*$)/i;

describe('render', () => {
	it.each(XSS_PAYLOADS)('neutralises %j', (payload) => {
		for (const markdown of [payload, `Some text ${payload} more`, `- ${payload}`]) {
			const found = inspect(render(markdown));
			expect(found.dangerous.map((e) => e.tagName)).toEqual([]);
			expect(found.handlers).toEqual([]);
			for (const url of found.urls) expect(url.trim()).toMatch(SAFE_URL);
			expect(found.clobbering.map((e) => e.outerHTML)).toEqual([]);
		}
	});

	it('keeps ordinary Markdown, links and citations', () => {
		const html = render(
			'# Title\n\nText with a [link](https://example.org) and a citation [1].\n\n[1] Source — benchmark'
		);
		expect(html).toContain('<h1>Title</h1>');
		expect(html).toContain('href="https://example.org"');
		expect(html).toContain('rel="noopener noreferrer"');
		expect(html).toContain('<a class="citation" href="#ref-1">[1]</a>');
		expect(html).toContain('<p id="ref-1" class="reference">');
	});

	it('makes a standalone document with no script and no outside resource', () => {
		const doc = standaloneHtml(
			`# <script>alert(1)</script>\n\n${XSS_PAYLOADS.join('\n\n')}`,
			render
		);
		const parsed = new JSDOM(doc).window.document;
		expect(parsed.querySelectorAll('script, link, iframe, object, embed, base, form').length).toBe(
			0
		);
		expect(parsed.querySelectorAll('style')).toHaveLength(1);
		expect(parsed.querySelector('style')!.textContent).not.toContain('@import');
		expect(doc).not.toMatch(/src="https?:/i);
		expect(doc).toContain("default-src 'none'");
		expect(doc).toContain('<title>&#60;script&#62;alert(1)&#60;/script&#62;</title>');
	});
});
