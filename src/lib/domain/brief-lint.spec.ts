import { describe, expect, it } from 'vitest';
import { lintBrief, lintNames } from './brief-lint';

const kinds = (md: string, names: string[] = []) =>
	lintBrief(md, { names }).map((p) => `${p.line}:${p.column} ${p.kind}`);

describe('lintBrief', () => {
	it('flags hype words with their line and column', () => {
		expect(kinds('# Brief\n\nThis is revolutionary and Game-Changing.')).toEqual([
			'3:9 hype',
			'3:27 hype'
		]);
	});

	it('flags a sentence with a number and no citation, not one with a citation', () => {
		expect(kinds('It is 40% faster.')).toEqual(['1:7 uncited-number']);
		expect(kinds('It is 40% faster [1].\n\n[1] Source')).toEqual([]);
		expect(kinds('Latency is 820 ms. Accuracy is 93 % [1].\n\n[1] Source')).toEqual([
			'1:12 uncited-number'
		]);
		expect(kinds('Scores 0.93 overall.')).toEqual(['1:8 uncited-number']);
	});

	it('does not count dates, quarters, counts of things, priorities or model names as claims', () => {
		const md = [
			'GPT-5 is expected 2027-02-15, in 2027-Q1.',
			'It would unlock 3 open items and break 1 item.',
			'Priority P1, owner Priya.',
			'Of the 14 evidence records cited below, 5 records are high confidence.'
		].join('\n');
		expect(kinds(md)).toEqual([]);
	});

	it('skips digits inside names it is told about', () => {
		expect(kinds('We need Long-context recall (128k) soon.')).toEqual(['1:30 uncited-number']);
		expect(
			kinds('We need Long-context recall (128k) soon.', ['Long-context recall (128k)'])
		).toEqual([]);
	});

	it('skips quoted user impact and decision titles, even across their own full stops', () => {
		const names = lintNames({
			name: 'W',
			models: [],
			capabilities: [],
			items: [{ title: 'Search', userImpact: 'Answers for all visitors. Not a 10 % sample.' }],
			decisions: [{ title: 'Cap refunds at 100 USD' }]
		});
		const md = [
			'- **Search**, ready today. Answers for all visitors. Not a 10 % sample. Needs acc 93 % [1].',
			'On record: Decided 2026-10-02: Cap refunds at 100 USD.',
			'',
			'[1] Source'
		].join('\n');
		expect(kinds(md, names)).toEqual([]);
		// Without the names, both sentences are flagged (at their first digit).
		expect(kinds(md)).toEqual(['1:60 uncited-number', '2:20 uncited-number']);
	});

	it('knows names as the brief writes them (escaped) and as typed, hype words included', () => {
		const names = lintNames({
			name: 'Team *9*',
			models: [{ name: 'Revolutionary 2\n# X', vendor: 'Acme 7' }],
			capabilities: [{ name: 'Recall', unit: 'hits per 1k' }],
			items: [{ title: '[3] Search' }]
		});
		expect(names).toEqual(
			expect.arrayContaining([
				'Team *9*',
				'Team \\*9\\*',
				'Revolutionary 2 # X',
				'Acme 7',
				'hits per 1k',
				'\\[3\\] Search'
			])
		);
		const md = [
			'# Capability brief: Revolutionary 2 # X — what it means for Team \\*9\\*',
			'',
			'Revolutionary 2 # X (Acme 7) is retired. It needs **\\[3\\] Search**.'
		].join('\n');
		expect(kinds(md, names)).toEqual([]);
		expect(kinds(md)).toEqual([
			'1:21 hype',
			'3:1 hype',
			'3:15 uncited-number',
			'3:55 uncited-number'
		]);
	});

	it('finds citations that resolve nowhere and references never cited', () => {
		expect(kinds('Accuracy 93 % [1] and [4].\n\n[1] A\n\n[2] B')).toEqual([
			'1:23 unresolved-citation',
			'5:1 uncited-reference'
		]);
	});

	it('does not take Markdown links for citations, and ignores code blocks', () => {
		expect(kinds('See [the doc](https://example.org).\n\n```\nspeed 40% [9]\n```')).toEqual([]);
	});
});
