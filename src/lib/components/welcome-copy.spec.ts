/**
 * The welcome page says what the sample holds without loading it (it is not part of the first
 * screen): the numbers it prints must be the sample's own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sample } from '../../test-support/sample';

describe('the welcome page', () => {
	it('describes the sample workspace with its real counts', () => {
		const page = readFileSync('src/lib/components/Welcome.svelte', 'utf8').replace(/\s+/g, ' ');
		const claim = /(\d+) roadmap items, (\d+) models, (\d+) pieces of evidence/.exec(page);
		const ws = sample();
		expect(claim?.slice(1).map(Number)).toEqual([
			ws.items.length,
			ws.models.length,
			ws.evidence.length
		]);
	});
});
