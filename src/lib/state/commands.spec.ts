import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CapmapDatabase } from '$lib/db/database';
import { commitImport } from '$lib/db/import-repo';
import { loadWorkspace } from '$lib/db/workspace-repo';
import { FAULT_FLAG, injectFaults } from '$lib/db/fault-injection';
import type { ConnectionLoss } from '$lib/db/status';
import type { Item } from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';
import { access } from './access.svelte';
import { createCommands, type WriteResult } from './commands';
import { sample } from '../../test-support/sample';

let counter = 0;
const open: CapmapDatabase[] = [];
afterEach(async () => {
	delete (globalThis as Record<string, unknown>)[FAULT_FLAG];
	access.setReadOnly(null);
	for (const db of open.splice(0)) {
		db.close();
		await db.delete();
	}
});

/** A database holding the sample workspace, with commands bound to it. */
async function setUp(lost: ConnectionLoss | null = null) {
	const db = new CapmapDatabase(`commands-${++counter}`);
	injectFaults(db);
	open.push(db);
	const commands = createCommands(
		db,
		() => lost,
		() => '2026-11-29T10:00:00.000Z'
	);
	const result = await commands.workspace.replace(sample());
	expect(result.ok).toBe(true);
	const stored = async () => (await loadWorkspace(db))!;
	return { db, commands, stored, ws: await stored() };
}

function failure<T>(result: WriteResult<T>) {
	if (result.ok) throw new Error('expected the write to fail');
	return result.failure;
}

const item = (ws: Workspace, id: string): Item => ws.items.find((i) => i.id === id)!;

describe('every command refuses a record the workspace file would refuse, in words', () => {
	it('items: an empty title, a requirement naming no capability', async () => {
		const { commands, ws, stored } = await setUp();
		const base = item(ws, 'refund-agent');
		const empty = failure(await commands.items.save({ base, next: { ...base, title: '' } }));
		expect(empty.kind).toBe('invalid');
		expect(empty.message).toBe(
			'Could not save: the item is not valid — title: must not be empty. What you typed is still here.'
		);
		const dangling = failure(
			await commands.items.save({
				base: null,
				next: {
					id: 'new',
					title: 'New',
					status: 'idea',
					requirements: [{ capabilityId: 'nope', threshold: 1, must: true }]
				}
			})
		);
		expect(dangling.message).toContain('requirements[0].capabilityId: no capability "nope"');
		expect(await stored()).toEqual(ws);
	});

	it('capabilities, models, evidence and decisions', async () => {
		const { commands, ws, stored } = await setUp();
		const cap = ws.capabilities[0]!;
		expect(
			failure(await commands.capabilities.save({ base: cap, next: { ...cap, name: '' } })).message
		).toContain('the capability is not valid — name: must not be empty');
		const model = ws.models[0]!;
		expect(
			failure(
				await commands.models.save({ base: model, next: { ...model, expectedAt: '2026-02-30' } })
			).message
		).toContain('the model is not valid — expectedAt:');
		// The app's own import once stored a fractional sample count, which its export then refused.
		const e = ws.evidence[0]!;
		expect(
			failure(await commands.evidence.save({ base: e, next: { ...e, sampleSize: 12.5 } })).message
		).toContain('the evidence record is not valid — sampleSize: must be a whole number');
		expect(
			failure(await commands.evidence.save({ base: e, next: { ...e, value: Number.NaN } })).kind
		).toBe('invalid');
		expect(
			failure(await commands.evidence.save({ base: e, next: { ...e, modelId: 'gpt-9' } })).message
		).toContain('modelId: no model "gpt-9"');
		const d = ws.decisions[0]!;
		expect(
			failure(await commands.decisions.save({ base: d, next: { ...d, itemIds: ['ghost'] } }))
				.message
		).toContain('itemIds[0]: no item "ghost"');
		expect(
			failure(await commands.decisions.save({ base: d, next: { ...d, supersedes: 'dec-999' } }))
				.message
		).toContain('supersedes: no decision "dec-999"');
		expect(await stored()).toEqual(ws);
	});

	it('briefs, settings, a whole workspace, imported items and evidence', async () => {
		const { db, commands, ws, stored } = await setUp();
		const brief = {
			id: 'b',
			title: 'T',
			modelId: 'gpt-9',
			asOf: '2026-11-27',
			markdown: '# x',
			createdAt: 'x',
			updatedAt: 'x'
		};
		const origin = { modelId: 'gpt-9', asOf: '2026-11-27', generatedMarkdown: '# x', figures: [] };
		expect(failure(await commands.briefs.create(brief, origin)).message).toBe(
			'Could not save the new brief: the brief is not valid — modelId: no model "gpt-9".'
		);
		const settings = { name: ws.name, ...ws.settings };
		expect(
			failure(
				await commands.workspace.settings({
					base: settings,
					next: { ...settings, minSampleSize: 0 }
				})
			).message
		).toContain('settings.minSampleSize: must be at least 1');
		expect(
			failure(await commands.workspace.replace({ ...ws, items: [...ws.items, ws.items[0]!] }))
				.message
		).toMatch(
			/^Could not open the workspace: the workspace \(1 problem\) is not valid — items\[25\]\.id: duplicate item id/
		);
		const rows: Item[] = [
			{ id: 'csv-1', title: 'One', status: 'idea', requirements: [] },
			{ id: 'csv-2', title: 'Two', status: 'idea', quarter: '2027-Q5', requirements: [] }
		];
		expect(failure(await commands.items.add(rows)).message).toBe(
			'Nothing was imported: item 2 of 2 (“Two”) is not valid — quarter: must be a quarter written YYYY-Qn, e.g. 2026-Q3.'
		);
		// The eval-results import (the worker commits through the same repository).
		const fractional = { ...ws.evidence[0]!, id: 'ev-new', sampleSize: 0.5 };
		await expect(
			commitImport(
				db,
				[fractional],
				{ models: {}, metrics: {} },
				{ hash: 'h', name: 'r.json', at: 'x' }
			)
		).rejects.toThrow(
			'evidence record 1 of 1 (gpt-4o on intent-accuracy, from “Triage eval v7 (Oct 2026)”) is not valid — sampleSize: must be a whole number'
		);
		expect(await stored()).toEqual(ws);
	});

	it('a workspace file as parsed: checked once, every problem listed, nothing written', async () => {
		const { commands, ws, stored } = await setUp();
		const file = JSON.parse(JSON.stringify(ws));
		file.evidence[60].sampleSize = 12.5;
		file.items[3].requirements[0].capabilityId = 'ctx-128k';
		const refused = failure(await commands.workspace.open(file));
		expect(refused.problems?.map((p) => `${p.path}: ${p.message}`)).toEqual([
			'evidence[60].sampleSize: must be a whole number',
			'items[3].requirements[0].capabilityId: no capability "ctx-128k"'
		]);
		expect(await stored()).toEqual(ws);
		const renamed = await commands.workspace.open({
			...JSON.parse(JSON.stringify(ws)),
			name: 'Again'
		});
		expect(renamed.ok).toBe(true);
		expect((await stored()).name).toBe('Again');
	});

	it('an undo that would leave a record naming something gone', async () => {
		const { commands, ws, stored } = await setUp();
		const e = ws.evidence.find((x) => x.modelId === 'gpt-5')!;
		const removed = await commands.evidence.remove(e.id);
		if (!removed.ok) throw new Error('delete failed');
		expect((await commands.models.remove('gpt-5')).ok).toBe(true);
		const undo = failure(await commands.undo(removed.value));
		expect(undo.message).toMatch(
			/^Could not undo: the evidence record is not valid — modelId: no model "gpt-5"/
		);
		expect((await stored()).evidence.some((x) => x.id === e.id)).toBe(false);
	});
});

describe('saves write only the fields that changed', () => {
	it('two tabs changing different fields of one item both keep their change', async () => {
		const { commands, ws, stored } = await setUp();
		const opened = item(ws, 'refund-agent'); // both tabs opened the form on this
		const a = await commands.items.save({ base: opened, next: { ...opened, owner: 'Ann' } });
		const b = await commands.items.save({ base: opened, next: { ...opened, title: 'Refunds' } });
		expect(a.ok && b.ok).toBe(true);
		const after = item(await stored(), 'refund-agent');
		expect(after).toEqual({ ...opened, owner: 'Ann', title: 'Refunds' });
	});

	it('the same field changed in two tabs is a conflict, settled by the user', async () => {
		const { commands, ws, stored } = await setUp();
		const opened = item(ws, 'refund-agent');
		await commands.items.save({ base: opened, next: { ...opened, owner: 'Ann' } });
		const mine = { ...opened, owner: 'Bob', title: 'Refunds' };
		const conflict = failure(await commands.items.save({ base: opened, next: mine }));
		expect(conflict.kind).toBe('conflict');
		expect(conflict.conflicts).toEqual([{ field: 'owner', mine: 'Bob', theirs: 'Ann' }]);
		expect(conflict.message).toMatch(/^Not saved yet: the same field was changed in another tab/);
		expect(item(await stored(), 'refund-agent').owner).toBe('Ann'); // nothing written
		const kept = await commands.items.save({ base: opened, next: mine, overwrite: ['owner'] });
		expect(kept.ok).toBe(true);
		expect(item(await stored(), 'refund-agent')).toMatchObject({ owner: 'Bob', title: 'Refunds' });
	});

	it('keeps fields no form shows, and each aggregate patches the same way', async () => {
		const { commands, ws, stored } = await setUp();
		const opened = item(ws, 'refund-agent');
		const withSpec = { ...opened, externalKey: 'HEL-12', spec: { fallback: 'Hand to a person' } };
		expect((await commands.items.save({ base: opened, next: withSpec })).ok).toBe(true);
		await commands.items.save({ base: withSpec, next: { ...withSpec, quarter: '2027-Q2' } });
		expect(item(await stored(), 'refund-agent')).toEqual({ ...withSpec, quarter: '2027-Q2' });

		const model = ws.models.find((m) => m.id === 'gpt-5')!;
		await commands.models.save({ base: model, next: { ...model, notes: 'Checked' } });
		await commands.models.applyScenario([{ modelId: 'gpt-5', status: 'production' }]);
		expect((await stored()).models.find((m) => m.id === 'gpt-5')).toEqual({
			...model,
			notes: 'Checked',
			status: 'production'
		});

		const d = ws.decisions[0]!;
		await commands.decisions.save({ base: d, next: { ...d, status: 'superseded' } });
		await commands.decisions.save({ base: d, next: { ...d, title: 'Renamed' } });
		expect((await stored()).decisions[0]).toEqual({ ...d, status: 'superseded', title: 'Renamed' });
	});

	it('a scenario applied for real records its decision, and one Undo takes both back', async () => {
		const { commands, ws, stored } = await setUp();
		const gpt5 = ws.models.find((m) => m.id === 'gpt-5')!;
		const decision = {
			id: 'dec-apply',
			date: '2026-11-29',
			title: 'Adopt GPT-5',
			rationale: 'Applied from the roadmap meeting.',
			kind: 'vendor' as const,
			modelIds: ['gpt-5']
		};
		const applied = await commands.models.applyScenario(
			[{ modelId: 'gpt-5', status: 'production', expectedAt: '2027-02-15' }],
			decision
		);
		expect(applied.ok).toBe(true);
		let after = await stored();
		expect(after.models.find((m) => m.id === 'gpt-5')).toMatchObject({
			status: 'production',
			expectedAt: '2027-02-15'
		});
		expect(after.decisions.find((d) => d.id === 'dec-apply')).toEqual(decision);

		if (!applied.ok) return;
		expect((await commands.models.undoScenario(applied.value)).ok).toBe(true);
		after = await stored();
		expect(after.models.find((m) => m.id === 'gpt-5')).toEqual(gpt5);
		expect(after.decisions.some((d) => d.id === 'dec-apply')).toBe(false);
	});

	it('a scenario whose decision cannot be written changes no model', async () => {
		const { commands, ws, stored } = await setUp();
		const result = await commands.models.applyScenario(
			[{ modelId: 'gpt-5', status: 'production' }],
			{
				id: 'dec-x',
				date: '2026-11-29',
				title: 'x',
				rationale: '',
				kind: 'vendor',
				itemIds: ['no-such-item']
			}
		);
		expect(result.ok).toBe(false);
		expect((await stored()).models).toEqual(ws.models);
	});

	it('briefs: title and text are separate fields, and a text changed elsewhere is a conflict', async () => {
		const { commands } = await setUp();
		const text = { title: 'T', markdown: '# v1' };
		const brief = {
			id: 'b',
			modelId: 'gpt-5',
			asOf: '2026-11-27',
			createdAt: 'x',
			updatedAt: 'x',
			...text
		};
		const origin = { modelId: 'gpt-5', asOf: '2026-11-27', generatedMarkdown: '# v1', figures: [] };
		expect((await commands.briefs.create(brief, origin)).ok).toBe(true);
		await commands.briefs.save('b', { base: text, next: { ...text, title: 'New title' } });
		const saved = await commands.briefs.save('b', {
			base: text,
			next: { ...text, markdown: '# mine' }
		});
		expect(saved.ok && saved.value).toMatchObject({ title: 'New title', markdown: '# mine' });
		const other = failure(
			await commands.briefs.save('b', { base: text, next: { ...text, markdown: '# other' } })
		);
		expect(other.conflicts).toEqual([{ field: 'markdown', mine: '# other', theirs: '# mine' }]);
	});

	it('settings: a setting changed in another tab survives a save of the name', async () => {
		const { commands, ws, stored } = await setUp();
		const opened = { name: ws.name, ...ws.settings };
		await commands.workspace.settings({ base: opened, next: { ...opened, minSampleSize: 50 } });
		await commands.workspace.settings({ base: opened, next: { ...opened, name: 'Renamed' } });
		const after = await stored();
		expect([after.name, after.settings.minSampleSize]).toEqual(['Renamed', 50]);
	});

	it('a record deleted in another tab is not saved back in silence', async () => {
		const { commands, ws } = await setUp();
		const opened = item(ws, 'refund-agent');
		await commands.items.remove(opened.id);
		const gone = failure(
			await commands.items.save({ base: opened, next: { ...opened, owner: 'X' } })
		);
		expect(gone.kind).toBe('missing');
		expect(gone.message).toBe(
			'Could not save: it was deleted, in another tab, after this form opened. What you typed is still here.'
		);
	});
});

describe('a failed write says what happened and what to do, and changes nothing', () => {
	it('the browser storage is full', async () => {
		const { commands, ws, stored } = await setUp();
		(globalThis as Record<string, unknown>)[FAULT_FLAG] = 'QuotaExceededError';
		const opened = item(ws, 'refund-agent');
		const full = failure(
			await commands.items.save({ base: opened, next: { ...opened, owner: 'Ann' } })
		);
		expect(full.kind).toBe('quota');
		expect(full.message).toBe(
			"Could not save: the browser's storage is full — export the workspace now (Workspace → Export workspace file), then free some space (old evidence, or other sites' data) and try again. Nothing was changed. What you typed is still here."
		);
		const origin = { modelId: 'gpt-5', asOf: '2026-11-27', generatedMarkdown: '# x', figures: [] };
		const brief = {
			id: 'b',
			title: 'T',
			modelId: 'gpt-5',
			asOf: '2026-11-27',
			markdown: '# x',
			createdAt: 'x',
			updatedAt: 'x'
		};
		expect(failure(await commands.briefs.create(brief, origin)).message).toMatch(
			/^Could not save the new brief: the browser's storage is full — export the workspace now/
		);
		// A multi-record change: the capability delete touches items, evidence and findings.
		expect(failure(await commands.capabilities.remove('tool-use', 'cascade')).kind).toBe('quota');
		delete (globalThis as Record<string, unknown>)[FAULT_FLAG];
		expect(await stored()).toEqual(ws);
	});

	it('the database was deleted, or upgraded, in another tab', async () => {
		const deleted = await setUp('deleted');
		deleted.db.close();
		const opened = item(deleted.ws, 'refund-agent');
		const gone = failure(
			await deleted.commands.items.save({ base: opened, next: { ...opened, owner: 'Ann' } })
		);
		expect(gone.kind).toBe('deleted');
		expect(gone.message).toBe(
			"Could not save: Capmap's database was deleted in another tab (or this site's data was cleared), so this tab cannot save any more — export the workspace now (Workspace → Export workspace file) to keep what this tab still shows, then reload and import that file. Nothing was changed. What you typed is still here."
		);
		expect(gone.message).not.toContain('newer version');

		const upgraded = await setUp('upgraded');
		upgraded.db.close();
		expect(failure(await upgraded.commands.items.remove('refund-agent')).message).toBe(
			'Could not delete: a newer version of Capmap upgraded the database in another tab, and this tab has stopped saving so it cannot write data in the old shape — reload this tab. Nothing was changed.'
		);
	});
});

describe('a workspace open read-only: every write is refused in words, and nothing is touched', () => {
	const READER = 'This workspace is shared with you read-only (reader token).';

	it('saves, deletes, imports, scenarios, briefs, settings, the whole workspace and undo', async () => {
		const { commands, ws, stored } = await setUp();
		// Made while editable: a brief to save and regenerate, a delete to undo.
		const text = { title: 'T', markdown: '# v1' };
		const origin = { modelId: 'gpt-5', asOf: '2026-11-27', generatedMarkdown: '# v1', figures: [] };
		const brief = { id: 'b', modelId: 'gpt-5', asOf: '2026-11-27', createdAt: 'x', updatedAt: 'x' };
		expect((await commands.briefs.create({ ...brief, ...text }, origin)).ok).toBe(true);
		const removed = await commands.evidence.remove(ws.evidence[0]!.id);
		if (!removed.ok) throw new Error('delete failed');
		const before = await stored();

		access.setReadOnly(READER);
		const opened = item(before, 'refund-agent');
		const model = before.models[0]!;
		const settings = { name: before.name, ...before.settings };
		const row: Item = { id: 'csv-1', title: 'One', status: 'idea', requirements: [] };
		const results: WriteResult<unknown>[] = [
			await commands.items.save({ base: opened, next: { ...opened, owner: 'Ann' } }),
			await commands.items.save({ base: null, next: { ...opened, id: 'new-item' } }),
			await commands.items.remove(opened.id),
			await commands.items.add([row]),
			await commands.capabilities.remove('tool-use', 'cascade'),
			await commands.models.save({ base: model, next: { ...model, notes: 'x' } }),
			await commands.models.applyScenario([{ modelId: 'gpt-5', status: 'production' }]),
			await commands.evidence.save({ base: null, next: { ...ws.evidence[0]! } }),
			await commands.decisions.remove(before.decisions[0]!.id),
			await commands.findings.remove(before.findings[0]!.id),
			await commands.briefs.create({ ...brief, id: 'b2', ...text }, origin),
			await commands.briefs.save('b', { base: text, next: { ...text, markdown: '# mine' } }),
			await commands.briefs.regenerate('b', origin, '# unsaved'),
			await commands.briefs.remove('b'),
			await commands.workspace.settings({ base: settings, next: { ...settings, name: 'X' } }),
			await commands.workspace.replace(sample()),
			await commands.workspace.open(JSON.parse(JSON.stringify(sample()))),
			await commands.workspace.close(),
			await commands.undo(removed.value)
		];
		const refusals = results.map(failure);
		for (const refused of refusals) {
			expect(refused.kind).toBe('read-only');
			expect(refused.message).toContain(
				'this workspace is open read-only, so nothing in it can be changed here. ' + READER
			);
		}
		expect(refusals[0]!.message).toBe(
			`Could not save: this workspace is open read-only, so nothing in it can be changed here. ${READER} What you typed is still here.`
		);
		expect(refusals[2]!.message).toBe(
			`Could not delete: this workspace is open read-only, so nothing in it can be changed here. ${READER}`
		);
		expect(await stored()).toEqual(before);

		access.setReadOnly(null);
		expect(
			(await commands.items.save({ base: opened, next: { ...opened, owner: 'Ann' } })).ok
		).toBe(true);
		expect((await commands.undo(removed.value)).ok).toBe(true);
		const after = await stored();
		expect(item(after, 'refund-agent').owner).toBe('Ann');
		expect(after.evidence).toEqual(ws.evidence);
	});
});
