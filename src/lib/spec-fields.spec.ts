import { describe, expect, it } from 'vitest';
import { blankExample, savedIndex, specFields, specFromFields } from './spec-fields';

describe('the spec form', () => {
	it('reads a spec into fields and back unchanged', () => {
		const spec = {
			modelInput: 'The ticket',
			fallback: 'Route to a person',
			examples: [
				{ input: '  indented\n', output: 'kept as typed\n', verdict: 'good' as const, note: 'Why' },
				{ input: 'x', output: 'y', verdict: 'bad' as const, note: undefined }
			],
			inScope: ['Refunds'],
			outOfScope: ['Chargebacks']
		};
		expect(specFromFields(specFields(spec))).toEqual(spec);
	});

	it('drops blank rows and trims the prose, not the example text', () => {
		const fields = specFields(undefined);
		fields.modelInput = '  The ticket  ';
		fields.examples.push(
			{ input: ' ', output: '', verdict: 'good', note: '  ' },
			{ input: ' a ', output: '', verdict: 'bad', note: '' }
		);
		fields.inScope.push('', '  Refunds ');
		expect(specFromFields(fields)).toEqual({
			modelInput: 'The ticket',
			examples: [{ input: ' a ', output: '', verdict: 'bad', note: undefined }],
			inScope: ['Refunds']
		});
	});

	it('is no spec at all when nothing is written', () => {
		const fields = specFields(undefined);
		fields.examples.push({ input: '', output: '', verdict: 'good', note: '' });
		fields.outOfScope.push('   ');
		expect(specFromFields(fields)).toBeUndefined();
	});

	it('finds where a row lands once blank rows are dropped, for its error message', () => {
		const rows = [
			{ input: '', output: '', verdict: 'good' as const, note: '' },
			{ input: 'a', output: '', verdict: 'good' as const, note: '' },
			{ input: 'b', output: '', verdict: 'good' as const, note: '' }
		];
		expect(savedIndex(rows, 2, blankExample)).toBe(1);
	});
});
