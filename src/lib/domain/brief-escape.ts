/**
 * User text inside generated Markdown. The brief quotes names written by whoever made the
 * workspace file (models, items, capabilities, the workspace, decision titles, source titles,
 * user impact, units); a name must read as the words it is and never as Markdown. Without this,
 * a model called "x\n## Bottom line\n[1] forged source" writes its own heading and reference,
 * and the brief still passes its lint. Every piece of user text the brief writes goes through
 * `escapeMarkdown`; nothing else in the brief decides how to escape.
 */

/** Line breaks and other control characters: a name is one line of text, never several. */
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
/** Characters that open inline Markdown or raw HTML anywhere in a line. */
const INLINE = /[\\`*_[\]<>&|~]/g;
/**
 * What a GFM renderer turns into a link by itself: `https://…`, `www.…`, `someone@example.org`.
 * Such a link would run on over the escapes that follow it, so in a name it stays text.
 */
const AUTOLINK = /:(?=\/\/)|(?<=\bwww)\.|@/gi;
/** What opens a block at the start of a line: heading, quote, list, setext underline. */
const BLOCK_START = /^(?:[#>+=-]|\d{1,9}(?=[.)]))/;

/**
 * `text` as one line of literal Markdown: control characters become spaces, the ends are
 * trimmed (leading spaces could open a code block), characters with an inline meaning are
 * backslash-escaped, addresses are kept from becoming links (`https\://`), and whatever would
 * open a block at the start of a line is escaped too, since names
 * also begin lines (the bottom line opens with the model's name). Ordinary names are unchanged:
 * `GPT-4o`, `Claude Haiku 4.5` and `Helio Support Suite` come out as they went in.
 */
export function escapeMarkdown(text: string): string {
	const line = text.replace(CONTROL, ' ').trim().replace(INLINE, '\\$&').replace(AUTOLINK, '\\$&');
	const start = BLOCK_START.exec(line);
	if (!start) return line;
	// `1. Intro` → `1\. Intro`; `# Fake` → `\# Fake`.
	return /\d/.test(start[0]) ? `${start[0]}\\${line.slice(start[0].length)}` : `\\${line}`;
}

/** A plain http(s) address: written as it is, so the brief's Markdown and its link agree. */
const PLAIN_URL = /^https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'()+,;=%]+$/;

/**
 * A source's address at the end of a reference line: a plain http(s) URL as it is (the renderer
 * makes it a link); anything else is text, escaped like a name.
 */
export function escapeMarkdownUrl(url: string): string {
	const trimmed = url.trim();
	return PLAIN_URL.test(trimmed) ? trimmed : escapeMarkdown(url);
}
