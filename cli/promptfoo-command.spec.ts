import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { promptfooSuite } from '../src/lib/domain/promptfoo-export';
import { sample } from '../src/test-support/sample';
import { capmap, removeTempFolders, tempFile, tempFolder } from './test-support';

afterAll(removeTempFolders);

const ws = sample();
const refund = ws.items.find((i) => i.id === 'refund-agent')!;
refund.spec = {
	examples: [{ input: 'Refund order #1', output: 'Refunded: order #1.', verdict: 'good' }]
};
const file = tempFile('ws.json', JSON.stringify(ws));

describe('capmap promptfoo', () => {
	it('prints the suite the item page downloads', async () => {
		const result = await capmap('promptfoo', file, '--item', 'refund-agent');
		expect(result).toEqual({
			code: 0,
			stdout: promptfooSuite(refund, ws.capabilities).replace(/\n$/, ''),
			stderr: ''
		});
	});

	it('writes it to --out, and says when the item has no examples', async () => {
		const out = join(tempFolder(), 'suite.yaml');
		const result = await capmap('promptfoo', file, '--item', 'ticket-triage', '--out', out);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe(
			`note: "ticket-triage" has no spec examples, so the suite has no tests\nwrote ${out}`
		);
		expect(readFileSync(out, 'utf8')).toContain('\ntests: []\n');
	});

	it('refuses a missing or unknown item with exit 2', async () => {
		expect(await capmap('promptfoo', file)).toMatchObject({
			code: 2,
			stderr: 'capmap: promptfoo needs --item ID'
		});
		expect(await capmap('promptfoo', file, '--item', 'nope')).toMatchObject({
			code: 2,
			stderr: `capmap: --item: no item "nope" in ${file}`
		});
	});
});
