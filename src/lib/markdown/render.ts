/**
 * The one Markdown pipeline: a configured `Marked` instance, then DOMPurify. Everything
 * user-written (briefs, descriptions, sources) is shown through `render`, so nothing a shared
 * workspace file contains can run script. DOMPurify needs a DOM: the browser's window in the
 * app, a jsdom window in the command line; both give the same output.
 */
import createDOMPurify, { type WindowLike } from 'dompurify';
import { Marked, type Tokens } from 'marked';

/** Links may point to http(s), mailto or somewhere relative; any other scheme is dropped. */
const SAFE_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
					const match = /^\[(\d+)\](?![(:[])/.exec(src);
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
				return escapeHtml(token.text);
			},
			paragraph(
				this: { parser: { parseInline(tokens: Tokens.Generic[]): string } },
				token: Tokens.Paragraph
			) {
				const reference = /^\[(\d+)\]\s/.exec(token.text);
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
	purify.addHook('afterSanitizeAttributes', (node) => {
		// DOMPurify lets data: URIs through on images; we allow only http(s), mailto and relative.
		for (const name of ['src', 'href']) {
			const value = node.getAttribute(name);
			if (
				value !== null &&
				!/^(?:https?:|mailto:|[^a-z]|[a-z+.-]*(?:[^a-z+.\-:]|$))/i.test(value.trim())
			)
				node.removeAttribute(name);
		}
		if (node.nodeName === 'A' && node.getAttribute('href')?.match(/^(?:https?|mailto):/i)) {
			node.setAttribute('rel', 'noopener noreferrer');
			node.setAttribute('target', '_blank');
		}
	});
	const marked = briefMarked();
	return (markdown) =>
		purify.sanitize(marked.parse(markdown) as string, {
			ALLOWED_URI_REGEXP: SAFE_URI,
			FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
			ADD_ATTR: ['target']
		});
}
