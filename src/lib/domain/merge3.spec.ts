import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictLines, merge3 } from './merge3';

const text = (...lines: string[]) => lines.join('\n');

describe('merge3', () => {
	const base = text(
		'# Capability brief: GPT-5',
		'## Bottom line',
		'GPT-5 unlocks 7 items.',
		'## Risks',
		'- Vendor claims only.',
		'## Evidence',
		'[1] GPT-5: 95 % (vendor claim)'
	);

	it('keeps the edit and moves the number when they touch different lines', () => {
		const mine = base.replace(
			'- Vendor claims only.',
			'- Vendor claims only; our eval runs in January.'
		);
		const theirs = base
			.replace('GPT-5 unlocks 7 items.', 'GPT-5 unlocks 8 items.')
			.replace('95 %', '96 %');
		expect(merge3(base, mine, theirs)).toEqual({
			text: text(
				'# Capability brief: GPT-5',
				'## Bottom line',
				'GPT-5 unlocks 8 items.',
				'## Risks',
				'- Vendor claims only; our eval runs in January.',
				'## Evidence',
				'[1] GPT-5: 96 % (vendor claim)'
			),
			conflicts: 0
		});
	});

	it('marks a line both changed differently, and keeps a change both made alike once', () => {
		const mine = base
			.replace('GPT-5 unlocks 7 items.', 'GPT-5 unlocks seven roadmap items.')
			.replace('95 %', '96 %');
		const theirs = base
			.replace('GPT-5 unlocks 7 items.', 'GPT-5 unlocks 8 items.')
			.replace('95 %', '96 %');
		const merged = merge3(base, mine, theirs);
		expect(merged.conflicts).toBe(1);
		expect(merged.text).toBe(
			text(
				'# Capability brief: GPT-5',
				'## Bottom line',
				'<<<<<<< your edit',
				'GPT-5 unlocks seven roadmap items.',
				'=======',
				'GPT-5 unlocks 8 items.',
				'>>>>>>> regenerated',
				'## Risks',
				'- Vendor claims only.',
				'## Evidence',
				'[1] GPT-5: 96 % (vendor claim)'
			)
		);
		expect(conflictLines(merged.text)).toEqual([3]);
	});

	it('keeps lines the user added and drops lines the generator no longer writes', () => {
		const mine = base.replace('## Risks', 'Ask Dana about pricing.\n## Risks');
		const theirs = base.replace('- Vendor claims only.\n', '');
		expect(merge3(base, mine, theirs).text).toBe(
			text(
				'# Capability brief: GPT-5',
				'## Bottom line',
				'GPT-5 unlocks 7 items.',
				'Ask Dana about pricing.',
				'## Risks',
				'## Evidence',
				'[1] GPT-5: 95 % (vendor claim)'
			)
		);
	});

	it('gives either side back when the other did not change', () => {
		const lines = fc.array(fc.constantFrom('a', 'b', 'c', '', '# h', '- x'), { maxLength: 12 });
		fc.assert(
			fc.property(lines, lines, (b, x) => {
				const base = b.join('\n');
				const other = x.join('\n');
				expect(merge3(base, base, other)).toEqual({ text: other, conflicts: 0 });
				expect(merge3(base, other, base)).toEqual({ text: other, conflicts: 0 });
				expect(merge3(base, other, other)).toEqual({ text: other, conflicts: 0 });
			})
		);
	});
});

describe('a conflict left in a brief', () => {
	it('is listed by the brief checks at its line', async () => {
		const { lintBrief } = await import('./brief-lint');
		const merged = merge3('a\nb\nc', 'a\nB mine\nc', 'a\nB theirs\nc');
		expect(
			lintBrief(merged.text)
				.filter((p) => p.kind === 'merge-conflict')
				.map((p) => p.line)
		).toEqual([2]);
	});
});
