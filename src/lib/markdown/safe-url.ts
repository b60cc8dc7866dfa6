/**
 * The one URL allow-list for user content. A link in a brief, a description or a source may
 * point to a web page (http, https), an e-mail address (mailto), a place in the same page
 * (`#ref-3`) or a page of the app (`/items/x`). Every other scheme (javascript:, data:,
 * vbscript:, file:…) and every protocol-relative address (`//evil.example`, `/\evil.example`)
 * is refused. The URL is read the way a browser reads it, so spelling tricks cannot smuggle a
 * scheme past the check: tabs and newlines anywhere are dropped, control characters and spaces at
 * the ends are trimmed. Entities are the caller's business: marked hands over the URL as written,
 * DOMPurify the attribute as the browser decoded it, and both are checked here.
 */

/** Tab, line feed, carriage return: a browser's URL parser drops them wherever they are. */
const TAB_OR_NEWLINE = /[\t\n\r]/g;
/** C0 controls and spaces at either end: trimmed by the URL parser. */
const EDGES = /^[\p{Cc}\s]+|[\p{Cc}\s]+$/gu;

export type UrlKind = 'web' | 'mail' | 'page';

export interface SafeUrl {
	/** The URL as the browser will read it. */
	href: string;
	/** `web` and `mail` leave the app; `page` stays in it (a fragment or a path of the app). */
	kind: UrlKind;
}

export function safeUrl(raw: string): SafeUrl | null {
	const href = raw.replace(TAB_OR_NEWLINE, '').replace(EDGES, '');
	if (/^https?:/i.test(href)) return { href, kind: 'web' };
	if (/^mailto:/i.test(href)) return { href, kind: 'mail' };
	// A fragment, or a path on this site: `/` not followed by another slash or a backslash,
	// which browsers read as the start of another host.
	if (/^#/.test(href) || /^\/(?![/\\])/.test(href)) return { href, kind: 'page' };
	return null;
}
