/**
 * A brief as one standalone HTML file: inline styles, no script, no outside resources, so it opens
 * anywhere and prints cleanly. The body comes from the sanitising pipeline in render.ts, which
 * loads nothing (images become links); the file's own policy forbids everything but its inline
 * style, in case the file is opened where the app's policy does not reach. Pasted into an e-mail
 * or a document it has no policy at all, which is why the pipeline must hold alone.
 */
import { escapeHtml, type Render } from './render';

const STYLE = `
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; line-height: 1.25; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; }
a { color: #0b5cad; }
a.citation { text-decoration: none; font-size: .85em; vertical-align: super; line-height: 0; }
p.reference { font-size: .9rem; margin: .35rem 0; padding-left: 2.2em; text-indent: -2.2em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h1, h2, h3 { break-after: avoid; }
  p, li, tr { break-inside: avoid; }
  a { color: inherit; }
}`;

/**
 * A text as a CSS string literal, safe inside a <style> element: quotes and backslashes escaped,
 * line breaks and `<` as code points (so no `</style>` can close the element early).
 */
export function cssString(text: string): string {
	return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Printed pages: margins, the brief's title at the top of each page and "page n of m" at the
 * bottom (CSS page margin boxes), sections flowing on rather than each starting a new page.
 */
export function printPageStyle(title: string): string {
	const small = 'font: 9pt system-ui, sans-serif; color: #555;';
	const running = title.length > 100 ? `${title.slice(0, 99)}…` : title;
	return `@page { margin: 20mm 16mm 18mm; @top-center { content: ${cssString(running)}; ${small} } @bottom-right { content: "Page " counter(page) " of " counter(pages); ${small} } }`;
}

/**
 * The document's title is the brief's first heading, so the app and `capmap brief` agree; its
 * backslash escapes (brief-escape.ts) are read as the characters they stand for.
 */
export function titleOf(markdown: string): string {
	const heading = /^# (.+)$/m.exec(markdown)?.[1]?.trim();
	return heading ? heading.replace(/\\([!-/:-@[-`{-~])/g, '$1') : 'Capability brief';
}

/** No script, no plugin, no frame, no form, no base, nothing loaded: only the inline style. */
export const STANDALONE_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function standaloneHtml(
	markdown: string,
	render: Render,
	title = titleOf(markdown)
): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${STANDALONE_CSP}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}
${printPageStyle(title)}</style>
</head>
<body>
<main>
${render(markdown)}
</main>
</body>
</html>
`;
}
