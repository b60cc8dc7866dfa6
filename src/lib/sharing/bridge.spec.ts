/**
 * Two devices sharing one workspace, without a server: each has its own local database and doc,
 * and the docs exchange their updates as the sync server would relay them. What one device's
 * commands write reaches the other's local tables, field by field.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CapmapDatabase } from '$lib/db/database';
import { createBrief, deleteBrief } from '$lib/db/brief-repo';
import {
	deleteCapability,
	deleteEvidence,
	deleteItem,
	deleteModel,
	restore
} from '$lib/db/delete-repo';
import { applyScenario, saveDecision, saveItem, saveModel } from '$lib/db/entity-repo';
import { loadWorkspace, replaceWorkspace, saveSettings } from '$lib/db/workspace-repo';
import type { Item } from '$lib/domain/schemas';
import type { Workspace } from '$lib/domain/workspace';
import { sample } from '../../test-support/sample';
import { recentlyDeleted, restoreDeleted } from '$lib/sync/deleted';
import { keepReadModel } from './doc-to-local';
import { recordHistory } from '$lib/sync/history';
import { LOCAL_ORIGIN, sendLocalChanges } from './local-to-doc';
import { writeWorkspace } from '$lib/sync/workspace-doc';
import { writesMap } from '$lib/sync/writes';

let counter = 0;
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
	for (const step of cleanup.splice(0).reverse()) await step();
});

interface Device {
	db: CapmapDatabase;
	doc: Y.Doc;
	settled(): Promise<void>;
	item(id: string): Promise<Item>;
	/**
	 * The local tables stop following the doc (the doc still receives the others' changes): a
	 * read model that lags, as while a burst of updates is being written. `catchUp` ends it.
	 */
	lag(): void;
	catchUp(): Promise<void>;
}

async function device(name: string): Promise<Device> {
	const db = new CapmapDatabase(`bridge-${name}-${++counter}`);
	const doc = new Y.Doc();
	const stopSending = sendLocalChanges(db, doc, () => ({ by: name, at: new Date().toISOString() }));
	const follow = () =>
		keepReadModel(db, doc, (problem) => {
			if (problem) throw new Error(problem);
		});
	let readModel = follow();
	cleanup.push(async () => {
		stopSending();
		readModel.stop();
		db.close();
		await db.delete();
	});
	return {
		db,
		doc,
		settled: () => readModel.settled(),
		lag: () => readModel.stop(),
		async catchUp() {
			readModel = follow();
			await readModel.refresh();
		},
		async item(id) {
			const ws = await loadWorkspace(db);
			return ws!.items.find((item) => item.id === id)!;
		}
	};
}

/** The sample as stored and read back: what an upload sends. */
let loaded: Workspace;

/** Two devices on one shared workspace (A uploaded the sample), relaying while online. */
async function setUp() {
	const online = { value: true };
	const a = await device('Ana');
	const b = await device('Ben');
	const queued: [Y.Doc, Uint8Array][] = [];
	const relay = (from: Y.Doc, to: Y.Doc) =>
		from.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === 'relay') return;
			if (online.value) Y.applyUpdate(to, update, 'relay');
			else queued.push([to, update]);
		});
	relay(a.doc, b.doc);
	relay(b.doc, a.doc);
	await replaceWorkspace(a.db, sample());
	loaded = (await loadWorkspace(a.db))!;
	a.doc.transact(() => writeWorkspace(a.doc, loaded, { by: 'Ana', at: 'now' }), LOCAL_ORIGIN);
	return {
		a,
		b,
		async settle() {
			await a.settled();
			await b.settled();
		},
		offline() {
			online.value = false;
		},
		online() {
			online.value = true;
			for (const [to, update] of queued.splice(0)) Y.applyUpdate(to, update, 'relay');
		}
	};
}

/** A and B, offline, each save one change to the item; back online, both reach both. */
async function savedAtOnce(
	shared: Awaited<ReturnType<typeof setUp>>,
	id: string,
	onA: Partial<Item>,
	onB: Partial<Item>
): Promise<Item> {
	const { a, b, settle, offline, online } = shared;
	await settle();
	const base = await a.item(id);
	offline();
	await saveItem(a.db, { base, next: { ...base, ...onA } });
	await saveItem(b.db, { base, next: { ...base, ...onB } });
	online();
	await settle();
	return base;
}

describe('the local tables and the shared doc, both ways', () => {
	it('an upload gives the other device the whole workspace', async () => {
		const { b, settle } = await setUp();
		await settle();
		expect(await loadWorkspace(b.db)).toEqual(loaded);
	});
});

describe('edits cross over field by field', () => {
	it('an item saved on A shows on B; concurrent edits of different fields both stay', async () => {
		const shared = await setUp();
		const { a, b } = shared;
		await savedAtOnce(shared, 'semantic-search', { owner: 'Ana' }, { priority: 'P2' });
		for (const device of [a, b]) {
			const item = await device.item('semantic-search');
			expect(item.owner).toBe('Ana');
			expect(item.priority).toBe('P2');
		}
	});

	it('two people typing in one description both keep their words', async () => {
		const { a, b, settle, offline, online } = await setUp();
		await settle();
		const base = await a.item('ticket-triage');
		offline();
		await saveItem(a.db, { base, next: { ...base, description: `Ana: ${base.description}` } });
		await saveItem(b.db, { base, next: { ...base, description: `${base.description} (Ben)` } });
		online();
		await settle();
		expect((await a.item('ticket-triage')).description).toBe(`Ana: ${base.description} (Ben)`);
		expect((await b.item('ticket-triage')).description).toBe(`Ana: ${base.description} (Ben)`);
	});

	it('the same field set on both: one value wins everywhere, the other is in history', async () => {
		const shared = await setUp();
		const { a, b } = shared;
		await savedAtOnce(shared, 'semantic-search', { owner: 'Ana' }, { owner: 'Ben' });
		const winner = (await a.item('semantic-search')).owner;
		expect((await b.item('semantic-search')).owner).toBe(winner);
		const lost = recordHistory(a.doc, 'items', 'semantic-search');
		expect(lost.map((write) => [write.by, write.to])).toEqual([
			winner === 'Ana' ? ['Ben', 'Ben'] : ['Ana', 'Ana']
		]);
	});

	it('a text saved while this device lags behind the doc keeps the words it had not seen yet', async () => {
		const { a, b, settle } = await setUp();
		await settle();
		const base = await b.item('ticket-triage');
		b.lag();
		const onA = await a.item('ticket-triage');
		await saveItem(a.db, { base: onA, next: { ...onA, description: `Ana: ${onA.description}` } });
		await saveItem(b.db, { base, next: { ...base, description: `${base.description} (Ben)` } });
		await b.catchUp();
		await settle();
		for (const device of [a, b])
			expect((await device.item('ticket-triage')).description).toBe(
				`Ana: ${base.description} (Ben)`
			);
	});

	it('a field saved over a value this device had not seen yet wins, and keeps that value in history', async () => {
		const { a, b, settle } = await setUp();
		await settle();
		const base = await b.item('semantic-search');
		const decision = (await loadWorkspace(b.db))!.decisions.find((d) => d.id === 'dec-002')!;
		b.lag();
		const onA = await a.item('semantic-search');
		await saveItem(a.db, { base: onA, next: { ...onA, owner: 'Ana' } });
		await saveDecision(a.db, {
			base: decision,
			next: { ...decision, itemIds: ['pii-redaction'] }
		});
		await saveItem(b.db, { base, next: { ...base, owner: 'Ben' } });
		await saveDecision(b.db, {
			base: decision,
			next: { ...decision, itemIds: [...decision.itemIds!, 'refund-agent'] }
		});
		await b.catchUp();
		await settle();
		for (const device of [a, b]) {
			expect((await device.item('semantic-search')).owner).toBe('Ben');
			const lost = recordHistory(device.doc, 'items', 'semantic-search');
			expect(lost.map((write) => [write.by, write.to])).toEqual([['Ana', 'Ana']]);
			const lostLists = recordHistory(device.doc, 'decisions', 'dec-002');
			expect(lostLists.map((write) => [write.by, write.to])).toEqual([['Ana', ['pii-redaction']]]);
		}
		// Ben's writes say what Ben saw, not what he replaced unseen.
		const [, ben] = [...writesMap(a.doc).values()].filter((w) => w.field === 'owner');
		expect(ben).toMatchObject({ by: 'Ben', from: base.owner, to: 'Ben' });
	});

	it('a delete reaches B as a soft delete that can be undone, and undo brings it back', async () => {
		const { a, b, settle } = await setUp();
		await settle();
		const snapshot = await deleteItem(a.db, 'semantic-search');
		await settle();
		expect(await b.item('semantic-search')).toBeUndefined();
		expect(recentlyDeleted(b.doc).map((d) => d.id)).toContain('semantic-search');
		await restore(a.db, snapshot);
		await settle();
		expect((await b.item('semantic-search')).id).toBe('semantic-search');
		expect(recentlyDeleted(b.doc)).toEqual([]);
	});

	it('a new model and a renamed workspace cross over', async () => {
		const { a, b, settle } = await setUp();
		await settle();
		await saveModel(a.db, {
			base: null,
			next: {
				id: 'new-model',
				name: 'New model',
				vendor: 'Acme',
				status: 'available',
				roles: ['llm']
			}
		});
		await saveSettings(a.db, {
			base: { name: loaded.name, ...loaded.settings },
			next: { name: 'Renamed', ...loaded.settings, minSampleSize: 50 }
		});
		await settle();
		const ws = (await loadWorkspace(b.db))!;
		expect(ws.models.at(-1)).toMatchObject({ id: 'new-model', name: 'New model' });
		expect(ws.name).toBe('Renamed');
		expect(ws.settings.minSampleSize).toBe(50);
	});

	it('a cascading delete, its undo, a scenario applied for real and a brief deleted all cross over', async () => {
		const { a, b, settle } = await setUp();
		await settle();
		const capability = loaded.capabilities[0]!.id;
		const requiring = loaded.items.filter((item) =>
			item.requirements.some((r) => r.capabilityId === capability)
		);
		expect(requiring.length).toBeGreaterThan(0);
		const snapshot = await deleteCapability(a.db, capability, 'cascade');
		await settle();
		let ws = (await loadWorkspace(b.db))!;
		expect(ws.capabilities.some((c) => c.id === capability)).toBe(false);
		for (const item of requiring)
			expect(
				ws.items.find((i) => i.id === item.id)!.requirements.map((r) => r.capabilityId)
			).not.toContain(capability);
		await restore(a.db, snapshot);
		await settle();
		// The same records (a record restored elsewhere is listed last on this device).
		const byId = (list: { id: string }[]) => [...list].sort((x, y) => (x.id < y.id ? -1 : 1));
		const [onA, onB] = [(await loadWorkspace(a.db))!, (await loadWorkspace(b.db))!];
		for (const kind of ['capabilities', 'evidence', 'items', 'decisions'] as const)
			expect(byId(onB[kind])).toEqual(byId(onA[kind]));

		const model = loaded.models.find((m) => m.status !== 'production')!;
		await applyScenario(a.db, [{ modelId: model.id, status: 'production' }]);
		const brief = {
			id: 'shared-brief',
			title: 'Shared brief',
			modelId: model.id,
			asOf: '2026-11-30',
			markdown: '# What it means',
			createdAt: '2026-11-30T09:00:00Z',
			updatedAt: '2026-11-30T09:00:00Z'
		};
		await createBrief(a.db, brief, {
			modelId: model.id,
			asOf: brief.asOf,
			generatedMarkdown: brief.markdown,
			figures: []
		});
		await settle();
		ws = (await loadWorkspace(b.db))!;
		expect(ws.models.find((m) => m.id === model.id)!.status).toBe('production');
		expect(ws.briefs.map((x) => x.id)).toContain('shared-brief');
		await deleteBrief(a.db, 'shared-brief');
		await settle();
		expect((await loadWorkspace(b.db))!.briefs.map((x) => x.id)).not.toContain('shared-brief');
	});

	it('undoing a delete re-links the records it unlinked, keeping what others changed on them since', async () => {
		const { a, b, settle } = await setUp();
		await settle();
		const snapshot = await deleteItem(a.db, 'pii-redaction');
		await settle();
		const decision = (await loadWorkspace(b.db))!.decisions.find((d) => d.id === 'dec-002')!;
		expect(decision.itemIds).toEqual(['account-setup-agent']);
		await saveDecision(b.db, {
			base: decision,
			next: { ...decision, title: 'Ben’s title', itemIds: [...decision.itemIds!, 'refund-agent'] }
		});
		await settle();
		await restore(a.db, snapshot);
		await settle();
		for (const device of [a, b]) {
			const ws = (await loadWorkspace(device.db))!;
			expect(ws.items.map((item) => item.id)).toContain('pii-redaction');
			expect(ws.decisions.find((d) => d.id === 'dec-002')).toMatchObject({
				title: 'Ben’s title',
				itemIds: ['pii-redaction', 'account-setup-agent', 'refund-agent']
			});
			expect(recordHistory(device.doc, 'decisions', 'dec-002')).toEqual([]);
		}
	});

	it('restoring a model from recently deleted brings back the evidence deleted with it', async () => {
		const { a, b, settle } = await setUp();
		await settle();
		const evidence = loaded.evidence.filter((e) => e.modelId === 'gpt-5').map((e) => e.id);
		expect(evidence.length).toBeGreaterThan(0);
		// Evidence of the model deleted before, on its own: not part of the model's delete.
		await deleteEvidence(a.db, evidence[0]!);
		await deleteModel(a.db, 'gpt-5');
		await settle();
		const [entry] = recentlyDeleted(b.doc);
		expect(entry).toMatchObject({ kind: 'models', id: 'gpt-5' });
		expect(entry!.along.map((record) => record.id).sort()).toEqual(evidence.slice(1).sort());
		expect(recentlyDeleted(b.doc).map((d) => d.id)).toEqual(['gpt-5', evidence[0]]);
		b.doc.transact(() => restoreDeleted(b.doc, 'models', 'gpt-5', { by: 'Ben', at: 'later' }));
		await settle();
		for (const device of [a, b]) {
			const ws = (await loadWorkspace(device.db))!;
			expect(ws.models.map((m) => m.id)).toContain('gpt-5');
			const back = ws.evidence.filter((e) => e.modelId === 'gpt-5').map((e) => e.id);
			expect(back.sort()).toEqual(evidence.slice(1).sort());
		}
		expect(recentlyDeleted(a.doc).map((d) => d.id)).toEqual([evidence[0]]);
	});

	it('a record made with the id of one deleted before starts a history of its own', async () => {
		const shared = await setUp();
		const { a, b, settle } = shared;
		const base = await savedAtOnce(shared, 'semantic-search', { owner: 'Ana' }, { owner: 'Ben' });
		expect(recordHistory(a.doc, 'items', 'semantic-search')).toHaveLength(1);
		await deleteItem(a.db, 'semantic-search');
		const fresh: Item = { ...base, title: 'Search, again' };
		delete fresh.owner;
		await saveItem(a.db, { base: null, next: fresh });
		await settle();
		for (const device of [a, b]) {
			expect(recordHistory(device.doc, 'items', 'semantic-search')).toEqual([]);
			const item = await device.item('semantic-search');
			expect(item.title).toBe('Search, again');
			expect(item.owner).toBeUndefined();
		}
	});

	it('undoing a delete brings the record back with an edit someone made to it meanwhile', async () => {
		const { a, b, settle, offline, online } = await setUp();
		await settle();
		const base = await b.item('ticket-triage');
		offline();
		const snapshot = await deleteItem(a.db, 'ticket-triage');
		await saveItem(b.db, { base, next: { ...base, owner: 'Ben meanwhile' } });
		online();
		await settle();
		await restore(a.db, snapshot);
		await settle();
		expect((await a.item('ticket-triage')).owner).toBe('Ben meanwhile');
		expect((await b.item('ticket-triage')).owner).toBe('Ben meanwhile');
	});
});

describe('a join', () => {
	it('hands the checked workspace over before writing it, and says once the tables hold it', async () => {
		const { a } = await setUp();
		const db = new CapmapDatabase(`bridge-joiner-${++counter}`);
		const handed: Workspace[] = [];
		let refreshed = false;
		const refreshedWhenHanded: boolean[] = [];
		const heldOnceWritten: (Workspace | null)[] = [];
		const readModel = keepReadModel(
			db,
			a.doc,
			(problem) => {
				if (problem) throw new Error(problem);
			},
			(workspace, written) => {
				handed.push(workspace);
				refreshedWhenHanded.push(refreshed);
				void written.then(async () => heldOnceWritten.push(await loadWorkspace(db)));
			}
		);
		cleanup.push(async () => {
			readModel.stop();
			db.close();
			await db.delete();
		});

		await readModel.refresh();
		refreshed = true;
		expect(handed).toEqual([loaded]);
		expect(refreshedWhenHanded).toEqual([false]);
		await expect.poll(() => heldOnceWritten).toEqual([loaded]);

		// A change to a workspace the tables hold is written as it comes: nothing is handed over.
		a.doc.transact(() =>
			writeWorkspace(a.doc, { ...loaded, name: 'Renamed' }, { by: 'Ana', at: 'now' })
		);
		await readModel.settled();
		expect((await loadWorkspace(db))!.name).toBe('Renamed');
		expect(handed).toHaveLength(1);
	});
});
