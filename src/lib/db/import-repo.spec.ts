/**
 * Committing an eval-results import stores its evidence and its eval runs in one transaction:
 * both or neither (issue 11), whatever fails.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseResults } from '$lib/import/detect';
import { ingest } from '$lib/import/ingest';
import { sample } from '../../test-support/sample';
import { CapmapDatabase } from './database';
import { FAULT_FLAG, injectFaults } from './fault-injection';
import { commitImport } from './import-repo';
import { loadWorkspace, replaceWorkspace } from './workspace-repo';

const NIGHTLY = 'tests/fixtures/eval/promptfoo-nightly';
const MAP = JSON.parse(readFileSync(`${NIGHTLY}/map.json`, 'utf8'));
const FILE = { hash: 'h-monday', name: 'results-monday.json', at: '2026-11-24T07:00:00Z' };

let counter = 0;
const open: CapmapDatabase[] = [];
afterEach(async () => {
	delete (globalThis as Record<string, unknown>)[FAULT_FLAG];
	for (const db of open.splice(0)) {
		db.close();
		await db.delete();
	}
});

async function setUp() {
	const db = new CapmapDatabase(`import-repo-${++counter}`);
	injectFaults(db);
	open.push(db);
	await replaceWorkspace(db, sample());
	const ws = (await loadWorkspace(db))!;
	const parsed = parseResults(readFileSync(`${NIGHTLY}/results-monday.json`, 'utf8'));
	const result = ingest(ws, parsed, MAP, FILE.name, '2026-11-24');
	return { db, ws, result, stored: async () => (await loadWorkspace(db))! };
}

describe('committing an eval-results import', () => {
	it('stores the new evidence and the runs together', async () => {
		const { db, result, stored } = await setUp();
		await commitImport(db, result.added, MAP, FILE, result.runs);
		const ws = await stored();
		expect(ws.evalRuns).toEqual(result.runs);
		expect(ws.evidence).toEqual(result.workspace.evidence);
	});

	it('stores neither when the disk is full', async () => {
		const { db, ws, result, stored } = await setUp();
		(globalThis as Record<string, unknown>)[FAULT_FLAG] = 'QuotaExceededError';
		await expect(commitImport(db, result.added, MAP, FILE, result.runs)).rejects.toThrow(
			/QuotaExceededError/
		);
		delete (globalThis as Record<string, unknown>)[FAULT_FLAG];
		expect(await stored()).toEqual(ws);
	});

	it('stores neither when a run is refused, naming the run', async () => {
		const { db, ws, result, stored } = await setUp();
		const broken = { ...result.runs[0]!, modelId: 'gpt-9' };
		await expect(commitImport(db, result.added, MAP, FILE, [broken])).rejects.toThrow(
			/eval run 1 of 1 \(promptfoo Ticket routing \(nightly\) on gpt-9 .*\) is not valid — modelId: no model "gpt-9"/
		);
		expect(await stored()).toEqual(ws);
	});

	it('stores neither when the run was stored meanwhile (its id is taken)', async () => {
		const { db, result, stored } = await setUp();
		await commitImport(db, result.added, MAP, FILE, result.runs);
		const once = await stored();
		const other = { ...result.added[0]!, id: 'ev-other', value: 12 };
		await expect(commitImport(db, [other], MAP, FILE, result.runs)).rejects.toThrow();
		expect(await stored()).toEqual(once);
	});
});
