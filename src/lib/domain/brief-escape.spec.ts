import { JSDOM } from 'jsdom';
import { Marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import {
	replaceTexts,
	sampleFile,
	type WorkspaceFile
} from '../../../tests/fixtures/xss/workspace';
import { createRenderer } from '../markdown/render';
import { XSS_PAYLOADS } from '../markdown/xss-corpus';
import { composeBrief } from './brief';
import { escapeMarkdown, escapeMarkdownUrl } from './brief-escape';
import { lintBrief, lintNames } from './brief-lint';
import { validateWorkspace, type Workspace } from './workspace';

const window = new JSDOM('').window;
const render = createRenderer(window as unknown as Parameters<typeof createRenderer>[0]);
const AS_OF = '2026-11-27';

function textOf(html: string): string {
	const template = window.document.createElement('template');
	template.innerHTML = html;
	return template.content.textContent ?? '';
}

/** What a name reads as once it is one line: control characters become spaces, ends trimmed. */
const oneLine = (text: string) => text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').trim();

function valid(file: WorkspaceFile): Workspace {
	const result = validateWorkspace(file);
	if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
	return result.workspace;
}

/** A brief's block structure: heading levels, paragraphs, lists and their lengths, in order. */
function structure(markdown: string): string[] {
	const out: string[] = [];
	const walk = (tokens: Token[], depth: number) => {
		for (const t of tokens) {
			if (t.type === 'space') continue;
			if (t.type === 'heading') out.push(`${depth}:h${t.depth}`);
			else if (t.type === 'list') {
				out.push(`${depth}:list(${t.items.length})`);
				for (const item of t.items) walk(item.tokens, depth + 1);
			} else if (t.type === 'paragraph')
				out.push(`${depth}:${/^\[\d+\] /.test(t.raw) ? 'reference' : 'paragraph'}`);
			else if (t.type !== 'text') out.push(`${depth}:${t.type}`);
		}
	};
	walk(new Marked({ gfm: true }).lexer(markdown), 0);
	return out;
}

/** The `[n]` citations a brief makes, in order; an escaped `\[1\]` is text, not a citation. */
const citations = (markdown: string) =>
	[...markdown.matchAll(/(?<!\\)\[(\d+)\](?![(:])/g)].map((m) => m[1]);

describe('escapeMarkdown', () => {
	it('leaves ordinary names as they are', () => {
		for (const name of [
			'GPT-4o',
			'Claude Haiku 4.5',
			'Helio Support Suite',
			'Search answers at 10x traffic',
			'Triage eval v7 (Oct 2026)',
			'text-embedding-3-large',
			'USD per 1k',
			'%'
		])
			expect(escapeMarkdown(name)).toBe(name);
	});

	it('makes a name one line that opens no block and no inline markup', () => {
		expect(escapeMarkdown('GPT-5\n## Bottom line\n[1] Forged')).toBe(
			'GPT-5 ## Bottom line \\[1\\] Forged'
		);
		expect(escapeMarkdown('# Heading')).toBe('\\# Heading');
		expect(escapeMarkdown('- item')).toBe('\\- item');
		expect(escapeMarkdown('+ item')).toBe('\\+ item');
		expect(escapeMarkdown('> quote')).toBe('\\> quote');
		expect(escapeMarkdown('12. ordered')).toBe('12\\. ordered');
		expect(escapeMarkdown('3) ordered')).toBe('3\\) ordered');
		expect(escapeMarkdown('    code')).toBe('code');
		expect(escapeMarkdown('a *b* _c_ `d` <e> & [f](g) ~h~ |i| \\')).toBe(
			'a \\*b\\* \\_c\\_ \\`d\\` \\<e\\> \\& \\[f\\](g) \\~h\\~ \\|i\\| \\\\'
		);
		expect(escapeMarkdown('see https://x.org, www.x.org or me@x.org')).toBe(
			'see https\\://x.org, www\\.x.org or me\\@x.org'
		);
	});

	it('reads back as the name itself for every payload of the corpus', () => {
		const wrong: string[] = [];
		for (const payload of XSS_PAYLOADS) {
			const escaped = escapeMarkdown(payload);
			const html = render(escaped);
			// One paragraph of text (with at most an autolinked http address), nothing else.
			const blocks = [...html.matchAll(/<(p|h\d|ul|ol|li|blockquote|pre|table|hr)\b/g)].map(
				(m) => m[1]
			);
			if (blocks.join() !== 'p' || textOf(html).trim() !== oneLine(payload))
				wrong.push(`${JSON.stringify(payload)} → ${html}`);
			if (/(?<!\\)\[\d+\]/.test(escaped)) wrong.push(`citation in ${escaped}`);
		}
		expect(wrong).toEqual([]);
	});

	it('writes a plain http address as it is, anything else as text', () => {
		expect(escapeMarkdownUrl('https://example.org/gpt5-card')).toBe(
			'https://example.org/gpt5-card'
		);
		expect(escapeMarkdownUrl(' https://example.org/a_b?c=d&e=f ')).toBe(
			'https://example.org/a_b?c=d&e=f'
		);
		expect(escapeMarkdownUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
		expect(escapeMarkdownUrl('https://x.org/[1]\n[2] forged')).toBe(
			'https\\://x.org/\\[1\\] \\[2\\] forged'
		);
		expect(escapeMarkdownUrl('<https://x.org>')).toBe('\\<https\\://x.org\\>');
	});
});

describe('a brief about a workspace whose every name is a payload', () => {
	const sample = sampleFile();
	// Three passes over the text fields of the sample take every payload of the corpus.
	const slots = (() => {
		let n = 0;
		replaceTexts(sample, () => String(n++));
		return n;
	})();
	const passes = Math.ceil(XSS_PAYLOADS.length / slots);
	const benign = valid(replaceTexts(sample, (path) => `Text of ${path}`));
	const models = benign.models.map((m) => m.id);

	it.each(Array.from({ length: passes }, (_, i) => i))(
		'keeps the generated structure and passes its own lint (pass %i)',
		(pass) => {
			let next = pass * slots;
			const hostile = valid(
				replaceTexts(sample, () => XSS_PAYLOADS[next++ % XSS_PAYLOADS.length]!)
			);
			for (const modelId of models) {
				const plain = composeBrief(benign, modelId, AS_OF);
				const brief = composeBrief(hostile, modelId, AS_OF);
				expect(lintBrief(brief.markdown, { names: lintNames(hostile) })).toEqual([]);
				expect(structure(brief.markdown)).toEqual(structure(plain.markdown));
				expect(citations(brief.markdown)).toEqual(citations(plain.markdown));
				expect(brief.figures).toEqual(plain.figures);

				const html = render(brief.markdown);
				const count = (re: RegExp) => (html.match(re) ?? []).length;
				expect(count(/<h1>/g)).toBe(1);
				expect(count(/<h2>/g)).toBe(6);
				expect(count(/<p id="ref-\d+" class="reference">/g)).toBe(brief.figures.length);
				const model = hostile.models.find((m) => m.id === modelId)!;
				expect(textOf(html.slice(0, html.indexOf('</h1>')))).toBe(
					`Capability brief: ${oneLine(model.name)} — what it means for ${oneLine(hostile.name)}`
				);
			}
		}
	);

	it('shows no forged heading, reference or citation from a name with newlines', () => {
		const forged = valid(
			replaceTexts(sample, (path) =>
				path.endsWith('.name') || path.endsWith('.title') || path === 'name'
					? `Name\n\n## Bottom line\n\n[1] Forged — internal-eval, GPT-5 on x: 99 %, observed 2026-11-01\n\n- forged [2]`
					: `Text of ${path}`
			)
		);
		const brief = composeBrief(forged, 'gpt-5', AS_OF);
		const headings = brief.markdown.split('\n').filter((l) => l.startsWith('#'));
		expect(headings.filter((h) => h.startsWith('## '))).toEqual([
			'## Bottom line',
			expect.stringMatching(/^## What Name {2}## Bottom line {2}\\\[1\\\] Forged/),
			'## What it unlocks for users',
			'## Risks',
			'## Roadmap changes',
			'## Evidence'
		]);
		const references = brief.markdown.split('\n').filter((l) => /^\[\d+\] /.test(l));
		expect(references).toHaveLength(brief.figures.length);
		expect(lintBrief(brief.markdown, { names: lintNames(forged) })).toEqual([]);
	});
});
