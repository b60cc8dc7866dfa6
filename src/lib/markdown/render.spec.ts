import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ALLOWED_ATTR, ALLOWED_TAGS, createRenderer } from './render';
import { safeUrl } from './safe-url';
import { STANDALONE_CSP, standaloneHtml, titleOf } from './standalone';
import { XSS_CORPUS, XSS_PAYLOADS, type XssFamily } from './xss-corpus';

const window = new JSDOM('').window;
const renderer = createRenderer(window as unknown as Parameters<typeof createRenderer>[0]);
/** DOMPurify on jsdom takes milliseconds a call: each Markdown text is rendered once. */
const rendered = new Map<string, string>();
function render(markdown: string): string {
	let html = rendered.get(markdown);
	if (html === undefined) rendered.set(markdown, (html = renderer(markdown)));
	return html;
}

/** An independent statement of the URL policy, so the test does not grade `safeUrl` by itself. */
const ALLOWED_URL = /^(?:https?:\/\/|mailto:|#|\/(?![/\\]))/i;
const TAGS = new Set<string>(ALLOWED_TAGS);
const ATTRS = new Set<string>(ALLOWED_ATTR);

/** Everything in `html` that breaks the allow-list, as readable strings (empty when clean). */
function violations(html: string): string[] {
	const template = window.document.createElement('template');
	template.innerHTML = html;
	const out: string[] = [];
	for (const element of template.content.querySelectorAll('*')) {
		const tag = element.localName;
		if (!TAGS.has(tag) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml')
			out.push(`element <${tag}>`);
		for (const { name, value } of element.attributes) {
			if (!ATTRS.has(name)) out.push(`<${tag} ${name}>`);
			if (/^on/i.test(name)) out.push(`<${tag} ${name}> handler`);
			if (name === 'href' && !ALLOWED_URL.test(value)) out.push(`<${tag} href="${value}">`);
			if (/^\s*(?:javascript|data|vbscript):/i.test(value)) out.push(`${name}="${value}"`);
			if (name === 'class' && !/^(citation|reference|image-link|language-[\w-]+)$/.test(value))
				out.push(`class="${value}"`);
			if (name === 'id' && !/^ref-\d+$/.test(value)) out.push(`id="${value}"`);
		}
	}
	return out;
}

/** The places a payload can stand in Markdown: alone, inside a line, in a list, a heading. */
const CONTEXTS = [
	(p: string) => p,
	(p: string) => `Some text ${p} more text`,
	(p: string) => `- ${p}`,
	(p: string) => `# ${p}`
];

describe('the XSS corpus', () => {
	it('has at least 500 distinct payloads in every cheat-sheet family', () => {
		expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(500);
		expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
		const families: XssFamily[] = [
			'script',
			'event-handler',
			'url-scheme',
			'svg-mathml',
			'mxss',
			'dom-clobbering',
			'css',
			'template-injection',
			'markdown',
			'html-in-title',
			'marked-raw-mode',
			'js-obfuscation'
		];
		for (const family of families)
			expect(XSS_CORPUS.filter((p) => p.family === family).length).toBeGreaterThanOrEqual(15);
	});
});

describe('render', () => {
	const families = [...new Set(XSS_CORPUS.map((p) => p.family))];
	it.each(families)('keeps nothing outside the allow-list from the %s family', (family) => {
		const found: string[] = [];
		for (const { id, text } of XSS_CORPUS.filter((p) => p.family === family))
			for (const [i, context] of CONTEXTS.entries())
				for (const v of violations(render(context(text))))
					found.push(`payload ${id}, context ${i}: ${v}`);
		expect(found).toEqual([]);
	});

	it('shows raw HTML as text: what was typed is what is read', () => {
		// Payloads made of one line of HTML and nothing Markdown could read: the rendered text is
		// the payload itself, character for character.
		const plain = XSS_PAYLOADS.filter(
			(p) => p.startsWith('<') && !/[\p{Cc}\\`*[\]&~|]|https?:\/\/| {2}/u.test(p)
		);
		expect(plain.length).toBeGreaterThan(150);
		const wrong: string[] = [];
		for (const payload of plain) {
			const template = window.document.createElement('template');
			template.innerHTML = render(payload);
			const text = template.content.textContent!.trim();
			if (text !== payload) wrong.push(`${payload} → ${text}`);
		}
		expect(wrong).toEqual([]);
	});

	it('escapes raw HTML after an inline <kbd>, <code>, <pre> or self-closed <script/>', () => {
		for (const opener of ['<kbd>', '<code>', '<pre>', '<script src=x/>', '<script/>'])
			for (const tag of [
				'<div/ style="position:fixed;inset:0">Session expired</div/>',
				'<img/src=x/onerror=__xss(1)>',
				'<details/open/ontoggle=__xss(1)>'
			]) {
				const html = render(`Press ${opener} then ${tag} and more`);
				expect(html).toMatch(/^<p>[^<]*<\/p>\n?$/);
				expect(html).toContain('&lt;');
			}
	});

	it('draws no phishing overlay: no element keeps a style', () => {
		const overlay = XSS_CORPUS.filter((p) => p.text.includes('Session expired'));
		expect(overlay.length).toBeGreaterThan(5);
		for (const { text } of overlay) {
			const html = render(text);
			expect(html).not.toMatch(/<[a-z][^>]*\sstyle=/i);
			expect(html).toContain('Session expired');
		}
	});

	it('shows an outside image as a link to it, and loads no image at all', () => {
		expect(render('![pixel](https://evil.example/pixel.png)')).toBe(
			'<p><a class="image-link" href="https://evil.example/pixel.png" rel="noopener noreferrer" target="_blank">Image: pixel</a></p>\n'
		);
		expect(render('![pixel](//evil.example/pixel.png)')).toBe(
			'<p>![pixel](//evil.example/pixel.png)</p>\n'
		);
		expect(render('![](data:image/png;base64,iVBORw0KGgo=)')).toBe(
			'<p>![](data:image/png;base64,iVBORw0KGgo=)</p>\n'
		);
		for (const payload of XSS_PAYLOADS) expect(render(payload)).not.toContain('<img');
	});

	it('keeps ordinary Markdown, links and citations', () => {
		const html = render(
			'# Title\n\nText with a [link](https://example.org), a [mail](mailto:a@example.org), a [page](/items/x) and a citation [1].\n\n- **bold** and _em_ and `code`\n\n[1] Source — benchmark'
		);
		expect(html).toContain('<h1>Title</h1>');
		expect(html).toContain(
			'<a href="https://example.org" rel="noopener noreferrer" target="_blank">link</a>'
		);
		expect(html).toContain('<a href="mailto:a@example.org" rel="noopener noreferrer"');
		expect(html).toContain('<a href="/items/x">page</a>');
		expect(html).toContain('<a class="citation" href="#ref-1">[1]</a>');
		expect(html).toContain('<p id="ref-1" class="reference">');
		expect(html).toContain('<li><strong>bold</strong> and <em>em</em> and <code>code</code></li>');
		expect(violations(html)).toEqual([]);
	});

	it('shows task lists, tables and code without their raw HTML', () => {
		const html = render(
			'- [x] done\n- [ ] todo\n\n| a | b |\n|:-:|---|\n| 1 | 2 |\n\n```js\n<b>x</b>\n```'
		);
		expect(html).toContain('<li>[x] done</li>');
		expect(html).toContain('<th align="center">a</th>');
		expect(html).toContain('<pre><code class="language-js">&lt;b&gt;x&lt;/b&gt;');
		expect(violations(html)).toEqual([]);
	});
});

describe('safeUrl, the one URL allow-list', () => {
	it.each([
		['https://example.org/a?b#c', 'web'],
		['HTTP://example.org', 'web'],
		['mailto:someone@example.org', 'mail'],
		['#ref-3', 'page'],
		['/items/refund-agent', 'page'],
		[' \u0001https://example.org ', 'web']
	])('accepts %j as %s', (url, kind) => {
		expect(safeUrl(url)?.kind).toBe(kind);
	});

	it.each([
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		' javascript:alert(1)',
		'\u0001javascript:alert(1)',
		'java\tscript:alert(1)',
		'java\nscript:alert(1)',
		'javascript&#58;alert(1)',
		'&#106;avascript:alert(1)',
		'vbscript:msgbox(1)',
		'data:text/html,<script>alert(1)</script>',
		'data:image/png;base64,iVBORw0KGgo=',
		'file:///etc/passwd',
		'ftp://example.org',
		'//evil.example/x',
		'/\\evil.example/x',
		'/\t/evil.example/x',
		'\\\\evil.example/x',
		'relative/path',
		''
	])('refuses %j', (url) => {
		expect(safeUrl(url)).toBeNull();
	});

	it('returns the URL as the browser reads it', () => {
		expect(safeUrl(' https://exa\tmple.org/\n ')?.href).toBe('https://example.org/');
	});
});

describe('standaloneHtml', () => {
	const all = `# <script>alert(1)</script> \\*Brief\\*\n\n${XSS_PAYLOADS.join('\n\n')}`;
	const doc = standaloneHtml(all, render);
	const parsed = new JSDOM(doc).window.document;

	it('makes a document with no script, no outside resource and nothing outside the allow-list', () => {
		expect(doc).toMatch(/^<!doctype html>/);
		expect([...parsed.head.children].map((e) => e.localName)).toEqual([
			'meta',
			'meta',
			'meta',
			'title',
			'style'
		]);
		expect(parsed.querySelectorAll('style')).toHaveLength(1);
		expect(parsed.querySelector('style')!.textContent).not.toMatch(/@import|url\(/);
		expect(violations(parsed.querySelector('main')!.innerHTML)).toEqual([]);
		expect(
			parsed.querySelectorAll('img, script, link, iframe, object, embed, base, form')
		).toHaveLength(0);
		expect(
			parsed.querySelectorAll('[src], [style], [srcset], [background], [poster]')
		).toHaveLength(0);
	});

	it('carries a policy that allows nothing but its own style', () => {
		const meta = parsed.querySelector('meta[http-equiv="Content-Security-Policy"]');
		expect(meta?.getAttribute('content')).toBe(STANDALONE_CSP);
		expect(STANDALONE_CSP).toContain("default-src 'none'");
		expect(STANDALONE_CSP).not.toMatch(/img-src|script-src|unsafe-eval/);
	});

	it('titles the document with the first heading, escapes read as written', () => {
		expect(parsed.title).toBe('<script>alert(1)</script> *Brief*');
		expect(doc).toContain('<title>&#60;script&#62;alert(1)&#60;/script&#62; *Brief*</title>');
		expect(titleOf('no heading')).toBe('Capability brief');
		expect(titleOf('# A \\[1\\] \\<b\\> \\# C')).toBe('A [1] <b> # C');
	});
});
