import { describe, expect, it } from 'vitest';
import { suggestMap } from './results-map';
import { parseResultsMapText, resultsMapText } from './results-map-file';

const workspace = {
	models: [
		{ id: 'gpt-4o', name: 'GPT-4o' },
		{ id: 'helio', name: 'Helio Prod' }
	],
	capabilities: [{ id: 'intent-accuracy' }]
};

describe('suggestMap', () => {
	it("maps a tool name equal to a model's id or name, in any case", () => {
		const map = suggestMap(
			[
				{ models: ['GPT-4O'], metric: 'pass-rate' },
				{ models: ['helio prod'], metric: 'pass-rate' },
				{ models: ['openai:gpt-4o-mini'], metric: 'pass-rate' }
			],
			{ models: {}, metrics: {} },
			workspace
		);
		expect(map.models).toEqual({ 'GPT-4O': 'gpt-4o', 'helio prod': 'helio' });
		expect(map.metrics).toEqual({});
	});

	it('prefers what was chosen before, and drops a choice whose target is gone', () => {
		const map = suggestMap(
			[
				{ models: ['GPT-4o'], metric: 'pass-rate' },
				{ models: ['label', 'file://provider.js'], metric: 'latency' }
			],
			{
				models: { 'GPT-4o': 'helio', 'file://provider.js': 'deleted-model' },
				metrics: { 'pass-rate': 'intent-accuracy', latency: 'deleted-capability' }
			},
			workspace
		);
		expect(map).toEqual({
			models: { 'GPT-4o': 'helio' },
			metrics: { 'pass-rate': 'intent-accuracy' }
		});
	});

	it('matches an id before a name, so a model named after another id cannot take it', () => {
		const map = suggestMap(
			[{ models: ['b'], metric: 'm' }],
			{ models: {}, metrics: {} },
			{
				models: [
					{ id: 'a', name: 'B' },
					{ id: 'b', name: 'Bee' }
				],
				capabilities: []
			}
		);
		expect(map.models).toEqual({ b: 'b' });
	});
});

describe('the mapping file', () => {
	it('round-trips through the text the app saves', () => {
		const map = {
			models: { 'z-tool': 'helio', 'a-tool': 'gpt-4o' },
			metrics: { 'pass-rate': 'intent-accuracy' }
		};
		const text = resultsMapText(map);
		expect(text.indexOf('a-tool')).toBeLessThan(text.indexOf('z-tool'));
		expect(parseResultsMapText(text)).toEqual({ ok: true, map });
	});

	it('names each problem with its path, in words', () => {
		const read = parseResultsMapText('{"models": {"gpt": 4}, "metrics": []}');
		expect(read).toEqual({
			ok: false,
			problem: 'not a valid mapping file (2 problems)',
			problems: [expect.stringMatching(/^models\.gpt: /), expect.stringMatching(/^metrics: /)]
		});
	});

	it('says when the file is not JSON', () => {
		const read = parseResultsMapText('{"models": ');
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.problem).toMatch(/cut short/);
	});
});
