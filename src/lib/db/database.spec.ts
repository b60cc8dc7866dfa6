import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { validateWorkspace } from '$lib/domain/workspace';
import { CapmapDatabase, SCHEMA_VERSIONS } from './database';
import { deleteCapability, deleteItem, deleteModel, restore } from './delete-repo';
import { saveItem } from './entity-repo';
import { RefusedChange } from './errors';
import { loadWorkspace, replaceWorkspace } from './workspace-repo';
import { sample } from '../../test-support/sample';

let counter = 0;
const open: CapmapDatabase[] = [];
function freshDb(): CapmapDatabase {
	const db = new CapmapDatabase(`test-${++counter}`);
	open.push(db);
	return db;
}
afterEach(async () => {
	for (const db of open.splice(0)) {
		db.close();
		await db.delete();
	}
});

describe('workspace storage', () => {
	it('is empty before the first workspace', async () => {
		expect(await loadWorkspace(freshDb())).toBeNull();
	});

	it('gives back exactly the workspace it was given, in file order', async () => {
		const db = freshDb();
		const ws = sample();
		await replaceWorkspace(db, ws);
		expect(await loadWorkspace(db)).toEqual(ws);
	});

	it('reads more evidence than one page holds, all of it, in order', async () => {
		const db = freshDb();
		const ws = sample();
		const template = ws.evidence[0]!;
		// Two full pages and one record more: the page boundary is where records would go missing.
		const many = Array.from({ length: 10_001 }, (_, i) => ({ ...template, id: `ev-many-${i}` }));
		await replaceWorkspace(db, { ...ws, evidence: [...ws.evidence, ...many] });
		const loaded = await loadWorkspace(db);
		expect(loaded!.evidence.map((e) => e.id)).toEqual([...ws.evidence, ...many].map((e) => e.id));
	});

	it("never lets the welcome page's first workspace replace one already stored", async () => {
		const db = freshDb();
		await replaceWorkspace(db, sample(), { onlyIfNone: true });
		const before = await loadWorkspace(db);
		const other = { ...sample(), name: 'Other' };
		await expect(replaceWorkspace(db, other, { onlyIfNone: true })).rejects.toThrow(
			'already holds a workspace'
		);
		expect(await loadWorkspace(db)).toEqual(before);
	});

	it('leaves the database as it was when an import fails half-way', async () => {
		const db = freshDb();
		await replaceWorkspace(db, sample());
		const before = await loadWorkspace(db);
		const broken = sample();
		broken.items.push({ ...broken.items[0]! }); // a duplicate id: the unique index refuses it
		await expect(replaceWorkspace(db, { ...broken, name: 'Broken' })).rejects.toThrow();
		expect(await loadWorkspace(db)).toEqual(before);
	});
});

describe('entity changes', () => {
	it('saves in place, keeping the position, and appends new entities', async () => {
		const db = freshDb();
		await replaceWorkspace(db, sample());
		const ws = (await loadWorkspace(db))!;
		await saveItem(db, { base: ws.items[2]!, next: { ...ws.items[2]!, title: 'Renamed' } });
		await saveItem(db, {
			base: null,
			next: { id: 'new-one', title: 'New', status: 'idea', requirements: [] }
		});
		const after = (await loadWorkspace(db))!;
		expect(after.items[2]!.title).toBe('Renamed');
		expect(after.items.at(-1)!.id).toBe('new-one');
		expect(after.items).toHaveLength(ws.items.length + 1);
	});

	it('refuses a new entity on an id that is taken, and an id that changes', async () => {
		const db = freshDb();
		await replaceWorkspace(db, sample());
		const ws = (await loadWorkspace(db))!;
		await expect(
			saveItem(db, { base: null, next: { ...ws.items[0]!, id: ws.items[1]!.id } })
		).rejects.toThrow(RefusedChange);
		await expect(
			saveItem(db, { base: ws.items[0]!, next: { ...ws.items[0]!, id: 'elsewhere' } })
		).rejects.toThrow(RefusedChange);
	});

	it('refuses to delete a required capability, names the items, and cascades when asked; undo restores all', async () => {
		const db = freshDb();
		await replaceWorkspace(db, sample());
		const before = await loadWorkspace(db);
		await expect(deleteCapability(db, 'tool-use', 'refuse')).rejects.toThrow(
			/Refund agent with tool use/
		);
		expect(await loadWorkspace(db)).toEqual(before);

		const snapshot = await deleteCapability(db, 'tool-use', 'cascade');
		const after = (await loadWorkspace(db))!;
		expect(after.capabilities.some((c) => c.id === 'tool-use')).toBe(false);
		expect(after.items.some((i) => i.requirements.some((r) => r.capabilityId === 'tool-use'))).toBe(
			false
		);
		expect(after.evidence.some((e) => e.capabilityId === 'tool-use')).toBe(false);
		expect(validateWorkspace(after).ok).toBe(true);

		await restore(db, snapshot);
		expect(await loadWorkspace(db)).toEqual(before);
	});

	it('deletes a model with its evidence, and an item out of the decisions that name it', async () => {
		const db = freshDb();
		await replaceWorkspace(db, sample());
		const before = await loadWorkspace(db);
		const model = await deleteModel(db, 'gpt-5');
		const item = await deleteItem(db, 'refund-agent');
		const after = (await loadWorkspace(db))!;
		expect(after.evidence.some((e) => e.modelId === 'gpt-5')).toBe(false);
		expect(after.decisions.find((d) => d.id === 'dec-003')!.itemIds).toEqual([
			'auto-resolve-billing'
		]);
		expect(validateWorkspace(after).ok).toBe(true);
		await restore(db, item);
		await restore(db, model);
		expect(await loadWorkspace(db)).toEqual(before);
	});
});

describe('schema upgrades', () => {
	it('opens a version 1 database, with its data, at the current version', async () => {
		const { default: Dexie } = await import('dexie');
		const name = `upgrade-${++counter}`;
		// The fixture: a database exactly as Capmap version 1 left it.
		const v1 = new Dexie(name);
		v1.version(1).stores(SCHEMA_VERSIONS[1]!);
		await v1.open();
		await v1.table('meta').put({ key: 'workspace', name: 'Old', settings: { staleAfterDays: 90 } });
		await v1.table('items').bulkAdd(sample().items);
		await v1.table('briefs').add({
			id: 'b1',
			title: 'Old brief',
			modelId: 'gpt-5',
			asOf: '2026-01-01',
			markdown: '# Old',
			createdAt: 'x',
			updatedAt: 'x'
		});
		v1.close();

		const db = new CapmapDatabase(name);
		open.push(db);
		await db.open();
		expect(db.verno).toBe(Math.max(...Object.keys(SCHEMA_VERSIONS).map(Number)));
		expect((await db.meta.get('workspace'))?.name).toBe('Old');
		expect((await db.items.toArray()).map((i) => i.id)).toEqual(sample().items.map((i) => i.id));
		expect(await db.briefVersions.count()).toBe(0);
		await db.briefVersions.add({ briefId: 'b1', markdown: '# Older', savedAt: 'y' });
		expect(await db.briefVersions.where('briefId').equals('b1').count()).toBe(1);
	});
});

describe('schema upgrade to version 3 (workspace file version 2)', () => {
	it('carries every record of a version 2 database over, meaning the same', async () => {
		const { default: Dexie } = await import('dexie');
		const { computeReadiness } = await import('$lib/domain/readiness');
		const name = `upgrade-v2-${++counter}`;
		// The fixture: a version 2 database with data in every table, from a version 1 file.
		const file = JSON.parse(readFileSync('tests/fixtures/v1/workspace-v1.json', 'utf8'));
		const expected = JSON.parse(readFileSync('tests/fixtures/v1/readiness-v1.json', 'utf8'));
		const v2 = new Dexie(name);
		v2.version(1).stores(SCHEMA_VERSIONS[1]!);
		v2.version(2).stores(SCHEMA_VERSIONS[2]!);
		await v2.open();
		await v2.table('meta').put({ key: 'workspace', name: file.name, settings: file.settings });
		for (const table of ['capabilities', 'models', 'evidence', 'items', 'decisions'])
			await v2.table(table).bulkAdd(file[table]);
		const brief = {
			id: 'b1',
			title: 'Old brief',
			modelId: 'gpt-5',
			asOf: '2026-11-27',
			markdown: '# Old',
			createdAt: 'x',
			updatedAt: 'x'
		};
		await v2.table('briefs').add({ ...brief });
		await v2.table('briefVersions').add({ briefId: 'b1', markdown: '# Older', savedAt: 'y' });
		await v2.table('briefOrigins').put({
			briefId: 'b1',
			modelId: 'gpt-5',
			asOf: '2026-11-27',
			generatedMarkdown: '# Old',
			figures: []
		});
		v2.close();

		const db = new CapmapDatabase(name);
		open.push(db);
		const ws = (await loadWorkspace(db))!;
		expect(db.verno).toBe(3);
		expect(ws.settings).toEqual({
			staleAfterDays: file.settings.staleAfterDays,
			minSampleSize: 100
		});
		for (const table of ['capabilities', 'models', 'evidence', 'items', 'decisions'] as const)
			expect(ws[table]).toEqual(file[table]);
		expect(ws.briefs).toEqual([brief]);
		expect(ws.findings).toEqual([]);
		expect(ws.evalRuns).toEqual([]);
		expect(await db.briefVersions.count()).toBe(1);
		expect((await db.briefOrigins.get('b1'))?.generatedMarkdown).toBe('# Old');
		// Roles absent mean llm: the upgraded workspace is judged exactly as version 1 judged it.
		expect(validateWorkspace(ws).ok).toBe(true);
		const results = computeReadiness(ws, expected.asOf);
		expect(results.map((r) => r.readiness)).toEqual(
			expected.items.map((i: { readiness: string }) => i.readiness)
		);
	});
});

describe('brief history', () => {
	it('keeps every earlier text when a brief is saved, regenerated or restored', async () => {
		const { createBrief, saveBrief, regenerateBrief } = await import('./brief-repo');
		const db = freshDb();
		await replaceWorkspace(db, sample());
		const origin = { modelId: 'gpt-5', asOf: '2026-11-27', generatedMarkdown: '# v1', figures: [] };
		await createBrief(
			db,
			{
				id: 'b',
				title: 'T',
				modelId: 'gpt-5',
				asOf: '2026-11-27',
				markdown: '# v1',
				createdAt: 't0',
				updatedAt: 't0'
			},
			origin
		);
		const v1 = { title: 'T', markdown: '# v1' };
		const v2 = { title: 'T', markdown: '# v2' };
		await saveBrief(db, 'b', { base: v1, next: v2 }, 't1');
		await saveBrief(db, 'b', { base: v2, next: v2 }, 't2');
		// The author rewrote the one line the generator now writes differently: both are kept.
		const regenerated = await regenerateBrief(
			db,
			'b',
			{ ...origin, generatedMarkdown: '# v3' },
			't3'
		);
		expect(regenerated.conflicts).toBe(1);
		expect(
			(await db.briefVersions.where('briefId').equals('b').sortBy('seq')).map((v) => v.markdown)
		).toEqual(['# v1', '# v2']);
		expect((await loadWorkspace(db))!.briefs[0]!.markdown).toBe(
			'<<<<<<< your edit\n# v2\n=======\n# v3\n>>>>>>> regenerated'
		);
		// Settled; regenerated again with nothing new: the merge starts from the new origin, so
		// the settled text is not taken for a conflict again.
		const settled = { title: 'T', markdown: '# v3\nMy note.' };
		await saveBrief(
			db,
			'b',
			{ base: { title: 'T', markdown: regenerated.brief.markdown }, next: settled },
			't4'
		);
		const again = await regenerateBrief(db, 'b', { ...origin, generatedMarkdown: '# v3' }, 't5');
		expect(again).toMatchObject({ conflicts: 0, brief: { markdown: '# v3\nMy note.' } });
	});
});
