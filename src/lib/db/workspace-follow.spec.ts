import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { validateWorkspace, type Workspace } from '$lib/domain/workspace';
import { CapmapDatabase } from './database';
import { deleteCapability } from './delete-repo';
import { saveItem } from './entity-repo';
import { followWorkspace } from './workspace-follow';
import { loadWorkspace, replaceWorkspace } from './workspace-repo';
import { sample } from '../../test-support/sample';

let counter = 0;
const open: CapmapDatabase[] = [];
const stops: (() => void)[] = [];
function freshDb(name = `follow-${++counter}`): CapmapDatabase {
	const db = new CapmapDatabase(name);
	open.push(db);
	return db;
}
afterEach(async () => {
	for (const stop of stops.splice(0)) stop();
	for (const db of open.splice(0)) {
		db.close();
		await db.delete();
	}
});

/** Follows `db`, keeping every result handed on, in order. */
function follow(db: CapmapDatabase) {
	const results: (Workspace | null)[] = [];
	const waiting: (() => void)[] = [];
	stops.push(
		followWorkspace(db, {
			next(workspace) {
				results.push(workspace);
				for (const wake of waiting.splice(0)) wake();
			},
			error(error) {
				throw error;
			}
		})
	);
	return {
		results,
		/** The first result (from `from` on) that `ready` accepts. */
		async until(ready: (ws: Workspace | null) => boolean, from = 0): Promise<Workspace | null> {
			for (;;) {
				const found = results.slice(from).find(ready);
				if (found !== undefined) return found;
				await new Promise<void>((resolve) => waiting.push(resolve));
			}
		}
	};
}

/** The workspace stored, then followed until the first result. */
async function followed(ws: Workspace = sample()) {
	const db = freshDb();
	await replaceWorkspace(db, ws);
	const live = follow(db);
	const first = (await live.until((w) => w !== null))!;
	return { db, live, first };
}

describe('the live workspace reads again only what changed', () => {
	it('starts with the whole workspace, as loadWorkspace reads it', async () => {
		const { db, first } = await followed();
		expect(first).toEqual(await loadWorkspace(db));
	});

	it('after an item edit, reads that item only: other tables and items are the same objects', async () => {
		const { db, live, first } = await followed();
		const edited = first.items[2]!;
		await saveItem(db, { base: edited, next: { ...edited, title: 'Renamed' } });
		const after = (await live.until((w) => w?.items[2]?.title === 'Renamed'))!;

		expect(after).toEqual(await loadWorkspace(db));
		expect(after.items).not.toBe(first.items);
		expect(after.items[2]).not.toBe(first.items[2]);
		for (const i of first.items.keys()) if (i !== 2) expect(after.items[i]).toBe(first.items[i]);
		for (const table of ['capabilities', 'models', 'evidence', 'decisions', 'briefs'] as const)
			expect(after[table]).toBe(first[table]);
		expect(after.settings).toBe(first.settings);
	});

	it('puts a new item in its place and takes a deleted one out', async () => {
		const { db, live, first } = await followed();
		await saveItem(db, {
			base: null,
			next: { id: 'brand-new', title: 'Brand new', status: 'idea', requirements: [] }
		});
		await db.items.where('id').equals(first.items[0]!.id).delete();
		const after = (await live.until(
			(w) => w?.items.at(-1)?.id === 'brand-new' && w.items[0]!.id !== first.items[0]!.id
		))!;
		expect(after).toEqual(await loadWorkspace(db));
	});

	it('reads a cascading delete across tables as one moment', async () => {
		const { db, live, first } = await followed();
		const from = live.results.length;
		await deleteCapability(db, 'tool-use', 'cascade');
		const after = await live.until((w) => !w?.capabilities.some((c) => c.id === 'tool-use'), from);
		expect(after).toEqual(await loadWorkspace(db));
		// Never the capability gone with its evidence or requirements still there, or the reverse.
		for (const ws of live.results.slice(from)) expect(validateWorkspace(ws).ok).toBe(true);
		expect(after!.models).toBe(first.models);
	});

	it('picks up a change made through another connection', async () => {
		const { db, live, first } = await followed();
		const other = freshDb(db.name);
		const seq = (await other.models.toCollection().first())!.seq!;
		await other.models.update(seq, { name: 'Renamed elsewhere' });
		const after = await live.until((w) => w?.models[0]?.name === 'Renamed elsewhere');
		expect(after).toEqual(await loadWorkspace(db));
		expect(after!.evidence).toBe(first.evidence);
	});

	it('never hands on two moments at once when a commit lands while it reads', async () => {
		const { db, live, first } = await followed();
		const other = freshDb(db.name);
		await other.open();
		const item = (await db.items.toCollection().first())!;
		const evidence = (await db.evidence.toCollection().first())!;
		const from = live.results.length;
		// This edit's notice starts a read of the item. The other connection's transaction, begun
		// before that read, commits first: the read sees its item but not (unless it reads it) its
		// evidence, and its notice arrives while the read runs.
		const mine = db.transaction('rw', db.items, () => db.items.put({ ...item, title: 'Mine' }));
		const theirs = other.transaction('rw', other.items, other.evidence, async () => {
			await other.items.put({ ...item, title: 'Theirs' });
			await other.evidence.delete(evidence.seq!);
		});
		await Promise.all([mine, theirs]);
		const after = await live.until((w) => w?.items[0]?.title === 'Theirs', from);
		expect(after).toEqual(await loadWorkspace(db));
		for (const ws of live.results.slice(from))
			if (ws!.items[0]!.title === 'Theirs')
				expect(ws!.evidence.some((e) => e.id === evidence.id)).toBe(false);
		expect(first.evidence.some((e) => e.id === evidence.id)).toBe(true);
	});

	it('reads everything again when a workspace replaces the last', async () => {
		const { db, live } = await followed();
		const next = { ...sample(), name: 'Another' };
		next.items = next.items.slice(1);
		await replaceWorkspace(db, next);
		const after = await live.until((w) => w?.name === 'Another');
		expect(after).toEqual(await loadWorkspace(db));
	});

	it('reads again by itself after a failed read, so the change it missed is not lost', async () => {
		const db = freshDb();
		await replaceWorkspace(db, sample());
		const results: (Workspace | null)[] = [];
		const errors: unknown[] = [];
		stops.push(
			followWorkspace(db, {
				next: (workspace) => results.push(workspace),
				error: (error) => errors.push(error)
			})
		);
		await expect.poll(() => results.length).toBe(1);
		// The next read fails (as a read can when the browser closes the connection for a moment).
		const transaction = db.transaction.bind(db);
		let failures = 1;
		db.transaction = ((...args: Parameters<typeof transaction>) =>
			args[0] === 'r' && failures-- > 0
				? Promise.reject(new DOMException('closed for a moment', 'InvalidStateError'))
				: transaction(...args)) as typeof db.transaction;
		const edited = results[0]!.items[0]!;
		await saveItem(db, { base: edited, next: { ...edited, title: 'Edited before a failed read' } });

		await expect
			.poll(() => results.at(-1)?.items[0]?.title, { timeout: 5000 })
			.toBe('Edited before a failed read');
		expect(errors).toHaveLength(1);
		expect(results.at(-1)).toEqual(await loadWorkspace(db));
	});
});
