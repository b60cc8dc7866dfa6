/**
 * The one Markdown pipeline: a configured `Marked` instance, then DOMPurify. Everything
 * user-written (briefs, descriptions, sources) is shown through `render`, so nothing a shared
 * workspace file contains can run script, restyle the page or load anything from outside. Two
 * walls, each meant to hold alone, with the Content-Security-Policy as a third:
 *
 * 1. Marked writes no markup of its own choosing from user text. Raw HTML is never passed
 *    through: every `html` token is escaped, and so is every text token — marked marks the text
 *    after an inline `<kbd>`, `<code>`, `<pre>` or `<script>` tag as already escaped when it is
 *    not, and it does not see `<div/ style=…>` as a tag at all, so neither its tokenizer nor its
 *    flags are trusted to find HTML. Links pass `safeUrl` or stay the Markdown that was written;
 *    images become links (an exported copy pasted into an e-mail has no CSP to stop a tracking
 *    pixel); task-list checkboxes become text.
 * 2. DOMPurify keeps only the elements and attributes this renderer writes (ALLOWED_TAGS,
 *    ALLOWED_ATTR), with URLs checked again by the same `safeUrl`.
 *
 * DOMPurify needs a DOM: the browser's window in the app, a jsdom window in the command line;
 * both give the same output.
 */
import createDOMPurify, { type WindowLike } from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { safeUrl } from './safe-url';

/** For text and attribute values we write ourselves: every character that means something. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * For text from marked's tokens, which may already hold character references (`&lt;`, or a
 * `&#60;` the user wrote): `<`, `>` and quotes are escaped, and `&` unless it starts a
 * reference. A reference stays a reference — it can only ever stand for text.
 */
function escapeText(text: string): string {
	return text.replace(/[<>"']|&(?!#\d{1,7};|#[Xx][\dA-Fa-f]{1,6};|\w+;)/g, (c) =>
		c === '&' ? '&amp;' : `&#${c.charCodeAt(0)};`
	);
}

/** The elements the renderer below writes; nothing else survives the sanitiser. */
export const ALLOWED_TAGS = [
	'a',
	'blockquote',
	'br',
	'code',
	'del',
	'em',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'hr',
	'li',
	'ol',
	'p',
	'pre',
	'strong',
	'table',
	'tbody',
	'td',
	'th',
	'thead',
	'tr',
	'ul'
] as const;

/** The attributes it writes: no `style`, no event handler, no `src`, no `name`. */
export const ALLOWED_ATTR = [
	'align',
	'class',
	'href',
	'id',
	'rel',
	'start',
	'target',
	'title'
] as const;

/** The values `class` and `id` may take: the renderer's own, so user text cannot clobber. */
const CLASS = /^(?:citation|reference|image-link|task|language-[\w-]{1,40})$/;
const ID = /^ref-\d{1,6}$/;
const ALIGN = /^(?:left|center|right)$/;
const START = /^\d{1,9}$/;

type Parser = { parser: { parseInline(tokens: Tokens.Generic[]): string } };

/**
 * `<a href>` for a URL that passes `safeUrl`; a refused one is shown as the Markdown that was
 * written, `[click](javascript:…)`, so the reader sees what the author tried.
 */
function link(token: Tokens.Link | Tokens.Image, inner: string, cls = ''): string {
	const url = safeUrl(token.href);
	if (!url) return escapeText(token.raw);
	const title = token.title;
	const attrs = `${cls ? ` class="${cls}"` : ''} href="${escapeHtml(url.href)}"${title ? ` title="${escapeText(title)}"` : ''}`;
	return `<a${attrs}>${inner}</a>`;
}

/** `[3]` in a brief becomes a link to reference 3; a paragraph `[3] …` becomes reference 3. */
function briefMarked(): Marked {
	const marked = new Marked({ gfm: true, async: false });
	marked.use({
		extensions: [
			{
				name: 'citation',
				level: 'inline',
				start: (src: string) => src.match(/\[\d+\](?![(:])/)?.index,
				tokenizer(src: string) {
					const match = /^\[(\d{1,6})\](?![(:[])/.exec(src);
					if (match) return { type: 'citation', raw: match[0], n: match[1] };
					return undefined;
				},
				renderer: (token) =>
					`<a class="citation" href="#ref-${escapeHtml(String(token.n))}">[${escapeHtml(String(token.n))}]</a>`
			}
		],
		renderer: {
			// Raw HTML in a brief or a description is shown as text, never parsed: Markdown is
			// all they need, and hostile markup then never even reaches the sanitiser as markup.
			html(token: Tokens.HTML | Tokens.Tag) {
				const text = escapeHtml(token.text.replace(/\n+$/, ''));
				return 'block' in token && token.block ? `<p>${text}</p>\n` : text;
			},
			// Always escaped, whatever marked's `escaped` flag says (see the header).
			text(this: Parser, token: Tokens.Text | Tokens.Escape) {
				return 'tokens' in token && token.tokens
					? this.parser.parseInline(token.tokens)
					: escapeText(token.text);
			},
			link(this: Parser, token: Tokens.Link) {
				return link(token, this.parser.parseInline(token.tokens));
			},
			// An image is shown as a link to it, never loaded: `![chart](https://…/c.png)`.
			image(token: Tokens.Image) {
				const label = escapeText(token.text || token.href);
				return link(token, `Image: ${label}`, 'image-link');
			},
			checkbox(token: Tokens.Checkbox) {
				return token.checked ? '[x] ' : '[ ] ';
			},
			paragraph(this: Parser, token: Tokens.Paragraph) {
				const reference = /^\[(\d{1,6})\]\s/.exec(token.text);
				const attrs = reference ? ` id="ref-${reference[1]}" class="reference"` : '';
				return `<p${attrs}>${this.parser.parseInline(token.tokens)}</p>\n`;
			}
		}
	});
	return marked;
}

export type Render = (markdown: string) => string;

export function createRenderer(window: WindowLike): Render {
	const purify = createDOMPurify(window);
	purify.addHook('uponSanitizeAttribute', (node, data) => {
		const value = data.attrValue;
		let keep = true;
		switch (data.attrName) {
			case 'href': {
				const url = safeUrl(value);
				if (url) data.attrValue = url.href;
				keep = url !== null;
				break;
			}
			case 'class':
				keep = CLASS.test(value);
				break;
			case 'id':
				keep = ID.test(value);
				break;
			case 'align':
				keep = ALIGN.test(value);
				break;
			case 'start':
				keep = START.test(value);
				break;
			// Set below, from the URL, never taken from the input.
			case 'rel':
			case 'target':
				keep = false;
		}
		data.keepAttr = keep;
	});
	purify.addHook('afterSanitizeAttributes', (node) => {
		const href = node.getAttribute('href');
		if (node.nodeName !== 'A' || href === null) return;
		const kind = safeUrl(href)?.kind;
		if (kind === 'web' || kind === 'mail') {
			node.setAttribute('rel', 'noopener noreferrer');
			node.setAttribute('target', '_blank');
		}
	});
	const marked = briefMarked();
	return (markdown) =>
		purify.sanitize(marked.parse(markdown) as string, {
			ALLOWED_TAGS: [...ALLOWED_TAGS],
			ALLOWED_ATTR: [...ALLOWED_ATTR],
			ALLOW_DATA_ATTR: false,
			ALLOW_ARIA_ATTR: false,
			ALLOW_UNKNOWN_PROTOCOLS: false,
			FORBID_ATTR: ['style'],
			FORBID_TAGS: ['style', 'svg', 'math', 'img'],
			RETURN_TRUSTED_TYPE: false
		});
}
