/**
 * Brief lint: the checks that keep a leadership brief honest. Hype words; sentences that state a
 * number with no citation; citations that resolve to no reference; references nobody cites;
 * a regeneration's conflict still to settle.
 * Every problem carries its line (and column) so the editor can move the cursor there.
 */
import { escapeMarkdown } from './brief-escape';
import { decisionTitle } from './brief-text';
import { conflictLines } from './merge3';

export type LintKind =
	'hype' | 'uncited-number' | 'unresolved-citation' | 'uncited-reference' | 'merge-conflict';

export interface LintProblem {
	kind: LintKind;
	/** 1-based. */
	line: number;
	/** 1-based, in characters. */
	column: number;
	message: string;
}

export const HYPE_WORDS = [
	'revolutionary',
	'revolutionize',
	'revolutionise',
	'game-changing',
	'game changer',
	'game-changer',
	'unprecedented',
	'groundbreaking',
	'ground-breaking',
	'magical',
	'superhuman',
	'mind-blowing',
	'breakthrough',
	'cutting-edge',
	'world-class',
	'best-in-class',
	'paradigm shift',
	'disruptive',
	'incredible',
	'limitless',
	'flawless',
	'transformative',
	'next-level',
	'insanely'
];

const HYPE = new RegExp(
	`(?<![\\p{L}-])(${HYPE_WORDS.map((w) => w.replace(/[-\s]/g, '[-\\s]')).join('|')})(?![\\p{L}-])`,
	'giu'
);

/** Words after which a plain integer is a count of things in the workspace, not a claim. */
const COUNT_NOUNS =
	'items?|regressions?|records?|models?|capabilit(?:y|ies)|evals?|requirements?|decisions?|references?|figures?|quarters?|features?|sections?|teams?';
const COUNT = new RegExp(
	`(?<![\\d.,])\\d{1,3}(?:,\\d{3})*\\s+(?:[\\p{L}-]+\\s+)?(?:${COUNT_NOUNS})(?!\\p{L})`,
	'giu'
);
const DATE = /\d{4}-\d{2}-\d{2}/g;
const QUARTER = /\d{4}-Q[1-4]/g;
const CITATION = /\[(\d+)\](?![(:])/g;
const URL = /\b(?:https?:\/\/|mailto:)\S+/g;
/** Words that start with a letter and contain digits: model names (GPT-5), priorities (P1), versions. */
const NAMED = /(?<![\p{L}\d])\p{L}[\p{L}\d]*(?:[-.]?\d[\p{L}\d.]*)+/gu;
const NUMBER = /\d/;
const REFERENCE = /^\[(\d+)\]\s/;

/**
 * The workspace text whose digits and words are not claims of the brief (see LintOptions): the
 * names of the workspace, models, vendors, capabilities, units and items, and the text the brief
 * quotes as written — an item's user impact and a decision's title. Each is listed as the
 * generated brief writes it (escaped, brief-escape.ts) and as a person would type it.
 */
export function lintNames(ws: {
	name: string;
	models: readonly { name: string; vendor?: string }[];
	capabilities: readonly { name: string; unit?: string }[];
	items: readonly { title: string; userImpact?: string }[];
	decisions?: readonly { title: string }[];
}): string[] {
	const quoted = [
		ws.name,
		...ws.models.flatMap((m) => (m.vendor ? [m.name, m.vendor] : [m.name])),
		...ws.capabilities.flatMap((c) => (c.unit ? [c.name, c.unit] : [c.name])),
		...ws.items.map((i) => i.title),
		...ws.items.flatMap((i) => (i.userImpact ? [i.userImpact] : []))
	];
	const names = new Set<string>();
	for (const text of quoted) {
		names.add(text.trim());
		names.add(escapeMarkdown(text));
	}
	for (const d of ws.decisions ?? []) {
		names.add(d.title.trim());
		names.add(decisionTitle(d));
	}
	names.delete('');
	return [...names];
}

export interface LintOptions {
	/** Names and quoted text in the workspace whose digits and words are not claims (see lintNames). */
	names?: readonly string[];
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function sentencesOf(line: string): { text: string; start: number }[] {
	const out: { text: string; start: number }[] = [];
	const boundary = /[.!?](?=\s+[^\s])/g;
	let start = 0;
	for (const match of line.matchAll(boundary)) {
		const end = match.index + 1;
		// "0.93" and "e.g." do not end a sentence: only a full stop followed by white space does.
		out.push({ text: line.slice(start, end), start });
		start = end;
	}
	if (start < line.length) out.push({ text: line.slice(start), start });
	return out;
}

export function lintBrief(markdown: string, options: LintOptions = {}): LintProblem[] {
	const problems: LintProblem[] = [];
	const lines = markdown.split('\n');
	// Only names that could trip a check need masking: those with a digit or a hype word.
	const names = [...(options.names ?? [])]
		.filter((n) => NUMBER.test(n) || n.search(HYPE) !== -1)
		.sort((a, b) => b.length - a.length)
		.map(escapeRegExp);
	const NAMES = names.length > 0 ? new RegExp(names.join('|'), 'g') : null;

	const references = new Map<number, number>();
	const cited = new Set<number>();
	let inCode = false;
	const prose: number[] = [];

	lines.forEach((line, index) => {
		const lineNo = index + 1;
		if (/^\s*(```|~~~)/.test(line)) {
			inCode = !inCode;
			return;
		}
		if (inCode) return;
		prose.push(index);

		// Names are blanked out before any check, with spaces of the same length so columns still
		// point into the original: a quoted user impact may hold a full stop of its own, a decision
		// title a number, and a model name a word that would be hype in the brief's own voice.
		const masked = NAMES ? line.replace(NAMES, (name) => ' '.repeat(name.length)) : line;
		for (const match of masked.matchAll(HYPE))
			problems.push({
				kind: 'hype',
				line: lineNo,
				column: match.index + 1,
				message: `hype word "${match[0]}": say what it does, with a number and a citation`
			});

		const reference = REFERENCE.exec(line);
		if (reference) {
			references.set(Number(reference[1]), lineNo);
			return;
		}
		for (const match of line.matchAll(CITATION)) cited.add(Number(match[1]));
		if (/^\s*#/.test(line)) return;

		for (const sentence of sentencesOf(masked)) {
			if (CITATION.test(sentence.text)) {
				CITATION.lastIndex = 0;
				continue;
			}
			CITATION.lastIndex = 0;
			const rest = sentence.text
				.replace(URL, ' ')
				.replace(DATE, ' ')
				.replace(QUARTER, ' ')
				.replace(NAMED, ' ')
				.replace(COUNT, ' ');
			if (!NUMBER.test(rest)) continue;
			const offset = sentence.text.search(/\d/);
			const original = line.slice(sentence.start, sentence.start + sentence.text.length);
			problems.push({
				kind: 'uncited-number',
				line: lineNo,
				column: sentence.start + Math.max(offset, 0) + 1,
				message: `a number with no citation: "${original.trim()}"`
			});
		}
	});

	for (const index of prose) {
		const line = lines[index]!;
		if (REFERENCE.test(line)) continue;
		for (const match of line.matchAll(CITATION)) {
			if (!references.has(Number(match[1])))
				problems.push({
					kind: 'unresolved-citation',
					line: index + 1,
					column: match.index + 1,
					message: `citation ${match[0]} resolves to no reference`
				});
		}
	}
	for (const lineNo of conflictLines(markdown))
		problems.push({
			kind: 'merge-conflict',
			line: lineNo,
			column: 1,
			message:
				'your edit and the regenerated text differ here: keep one (or both), then delete the marker lines'
		});
	for (const [n, lineNo] of references)
		if (!cited.has(n))
			problems.push({
				kind: 'uncited-reference',
				line: lineNo,
				column: 1,
				message: `reference [${n}] is never cited`
			});

	return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
