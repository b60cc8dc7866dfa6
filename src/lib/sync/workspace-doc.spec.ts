import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { validateWorkspace, type Workspace } from '$lib/domain/workspace';
import { serializeWorkspace } from '$lib/domain/entities';
import { arbitraryFullWorkspace } from '../../test-support/arbitrary-full-workspace';
import { linkedWorkspace } from '../../test-support/testing';
import { recentlyDeleted } from './deleted';
import { createRecord, deleteRecord, restoreRecord, updateRecord, updateWorkspace } from './edits';
import { fieldAuthor, recordHistory, workspaceHistory } from './history';
import { readWorkspace, writeWorkspace } from './workspace-doc';

const ada = { by: 'Ada', at: '2026-11-29T10:00:00.000Z' };
const ben = { by: 'Ben', at: '2026-11-29T10:00:05.000Z' };
const cy = { by: 'Cy', at: '2026-11-29T10:01:00.000Z' };

/** The workspace a doc holds; fails the test when it is not a valid one. */
function read(doc: Y.Doc): Workspace {
	const result = readWorkspace(doc);
	if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
	return result.workspace;
}

/** Sends each doc what the other lacks, as the server does when both are connected. */
function exchange(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Two people's copies of one shared workspace, in step. */
function twoCopies(workspace: Workspace): [Y.Doc, Y.Doc] {
	const a = new Y.Doc();
	writeWorkspace(a, workspace, ada);
	const b = new Y.Doc();
	exchange(a, b);
	return [a, b];
}

const item = (ws: Workspace, id: string) => ws.items.find((i) => i.id === id);

describe('the workspace as a Y.Doc', () => {
	it('round-trips every entity exactly, through the encoded document', () => {
		fc.assert(
			fc.property(arbitraryFullWorkspace, (workspace) => {
				expect(validateWorkspace(workspace).ok).toBe(true);
				const doc = new Y.Doc();
				writeWorkspace(doc, workspace, ada);
				const received = new Y.Doc();
				Y.applyUpdate(received, Y.encodeStateAsUpdate(doc));
				const back = read(received);
				expect(back).toStrictEqual(workspace);
				expect(serializeWorkspace(back)).toBe(serializeWorkspace(workspace));
			}),
			{ numRuns: 100 }
		);
	});

	it('keeps the file order of records, new records after the old', () => {
		const [a] = twoCopies(linkedWorkspace());
		createRecord(
			a,
			'items',
			{ id: 'aaa', title: 'First by id, last by order', status: 'idea', requirements: [] },
			ada
		);
		expect(read(a).items.map((i) => i.id)).toEqual([
			...linkedWorkspace().items.map((i) => i.id),
			'aaa'
		]);
	});

	it('replaces everything on a new upload, history and deleted records included', () => {
		const [a] = twoCopies(linkedWorkspace());
		const first = linkedWorkspace().items[0]!.id;
		updateRecord(a, 'items', first, { owner: 'Ada' }, ada);
		deleteRecord(a, 'items', first, ada);
		const other = { ...linkedWorkspace(), name: 'Other', decisions: [], findings: [], items: [] };
		writeWorkspace(a, other, ben);
		expect(read(a)).toStrictEqual(other);
		expect(recentlyDeleted(a)).toEqual([]);
		expect(a.getMap('writes').size).toBe(0);
	});
});

describe('concurrent edits of a shared workspace', () => {
	const base = linkedWorkspace();
	const id = base.items[0]!.id;

	it('a soft delete crossing an edit keeps the edit, visible in recently deleted and restorable', () => {
		const [a, b] = twoCopies(base);
		deleteRecord(a, 'items', id, ada);
		updateRecord(b, 'items', id, { description: 'Ben kept working on it', owner: 'Ben' }, ben);
		exchange(a, b);
		for (const doc of [a, b]) {
			expect(item(read(doc), id)).toBeUndefined();
			const [deleted] = recentlyDeleted(doc);
			expect(deleted).toMatchObject({
				kind: 'items',
				id,
				deleted: ada,
				lastEdit: ben,
				record: { description: 'Ben kept working on it', owner: 'Ben' }
			});
		}
		restoreRecord(a, 'items', id, cy);
		exchange(a, b);
		expect(item(read(b), id)).toMatchObject({
			description: 'Ben kept working on it',
			owner: 'Ben'
		});
		expect(recentlyDeleted(b)).toEqual([]);
	});

	it('the same plain field set by two people: one value wins everywhere, the other is in history', () => {
		const [a, b] = twoCopies(base);
		const before = item(base, id)!.priority;
		updateRecord(a, 'items', id, { priority: 'P0' }, ada);
		updateRecord(b, 'items', id, { priority: 'P3' }, ben);
		exchange(a, b);
		const kept = item(read(a), id)!.priority;
		expect(item(read(b), id)!.priority).toBe(kept);
		const [loser, winner] =
			kept === 'P0' ? [{ to: 'P3', ...ben }, ada] : [{ to: 'P0', ...ada }, ben];
		for (const doc of [a, b]) {
			const history = recordHistory(doc, 'items', id);
			expect(history).toHaveLength(1);
			expect(history[0]).toMatchObject({ field: 'priority', ...loser });
			expect('from' in history[0]!).toBe(before !== undefined);
			expect(fieldAuthor(doc, 'items', id, 'priority')).toMatchObject({ by: winner.by, to: kept });
		}
		// A later edit by someone who saw the winner replaces it knowingly: the loser stays.
		updateRecord(a, 'items', id, { priority: 'P1' }, cy);
		exchange(a, b);
		expect(recordHistory(b, 'items', id)).toEqual(recordHistory(a, 'items', id));
		expect(recordHistory(b, 'items', id)).toHaveLength(1);
		expect(recordHistory(b, 'items', id)[0]).toMatchObject(loser);
	});

	it('edits one after the other leave no history: nobody lost anything', () => {
		const [a, b] = twoCopies(base);
		updateRecord(a, 'items', id, { priority: 'P0' }, ada);
		exchange(a, b);
		updateRecord(b, 'items', id, { priority: 'P2' }, ben);
		exchange(a, b);
		expect(item(read(a), id)!.priority).toBe('P2');
		expect(recordHistory(a, 'items', id)).toEqual([]);
	});

	it('an edit made over a value its editor had not seen wins, and keeps that value in history', () => {
		const [a] = twoCopies(base);
		const uploaded = item(read(a), id)!;
		// The upload's value, then Ada's, replaced by Ben who still saw the upload's.
		updateRecord(a, 'items', id, { priority: 'P0' }, ben, { priority: uploaded.priority });
		expect(recordHistory(a, 'items', id)).toEqual([]);
		updateRecord(a, 'items', id, { owner: 'Ada' }, ada);
		updateRecord(a, 'items', id, { owner: 'Ben', title: 'Ben’s' }, ben, {
			owner: uploaded.owner,
			title: 'Not the title as uploaded'
		});
		expect(item(read(a), id)).toMatchObject({ owner: 'Ben', title: 'Ben’s' });
		const lost = recordHistory(a, 'items', id);
		expect(lost.map((write) => [write.field, write.to])).toEqual([
			['owner', 'Ada'],
			['title', uploaded.title]
		]);
		// Ben's write says what Ben saw (no owner), not the value he replaced unseen.
		const write = fieldAuthor(a, 'items', id, 'owner')!;
		expect([write.by, write.from, write.to]).toEqual(['Ben', uploaded.owner, 'Ben']);
	});

	it('a field cleared by one while set by another: the clearing that lost is in history', () => {
		const [a, b] = twoCopies(base);
		updateRecord(a, 'items', id, { owner: 'Ada' }, ada);
		exchange(a, b);
		updateRecord(a, 'items', id, { owner: undefined }, ada);
		updateRecord(b, 'items', id, { owner: 'Ben' }, ben);
		exchange(a, b);
		const owner = item(read(a), id)!.owner;
		expect(item(read(b), id)!.owner).toBe(owner);
		const [lost] = recordHistory(a, 'items', id);
		expect(lost).toMatchObject({ field: 'owner', from: 'Ada' });
		expect(owner === undefined ? lost!.to : 'to' in lost!).toBe(
			owner === undefined ? 'Ben' : false
		);
	});

	it('two people typing in one description both keep their words', () => {
		const [a, b] = twoCopies(base);
		updateRecord(a, 'items', id, { description: 'Draft.' }, ada);
		exchange(a, b);
		updateRecord(a, 'items', id, { description: 'Ada: Draft.' }, ada);
		updateRecord(b, 'items', id, { description: 'Draft. Ben adds the fallback.' }, ben);
		exchange(a, b);
		expect(item(read(a), id)!.description).toBe('Ada: Draft. Ben adds the fallback.');
		expect(item(read(b), id)!.description).toBe('Ada: Draft. Ben adds the fallback.');
		expect(recordHistory(a, 'items', id)).toEqual([]);
	});

	it('two people starting a text that was absent share one text', () => {
		const bare = { id: 'x', title: 'X', status: 'idea' as const, requirements: [] };
		const [a, b] = twoCopies({ ...base, items: [...base.items, bare] });
		updateRecord(a, 'items', 'x', { spec: { fallback: 'Ada: show the canned answer.' } }, ada);
		updateRecord(b, 'items', 'x', { spec: { fallback: 'Ben: hand over to a person.' } }, ben);
		exchange(a, b);
		const fallback = item(read(a), 'x')!.spec!.fallback!;
		expect(fallback).toContain('Ada: show the canned answer.');
		expect(fallback).toContain('Ben: hand over to a person.');
		expect(item(read(b), 'x')!.spec).toEqual(item(read(a), 'x')!.spec);
	});

	it('different settings changed at once both stay; the workspace name keeps its loser', () => {
		const [a, b] = twoCopies(base);
		updateWorkspace(a, { name: 'Ada’s name', settings: { staleAfterDays: 30 } }, ada);
		updateWorkspace(b, { name: 'Ben’s name', settings: { minSampleSize: 7 } }, ben);
		exchange(a, b);
		const ws = read(a);
		expect(ws.settings).toEqual({ staleAfterDays: 30, minSampleSize: 7 });
		expect(read(b)).toStrictEqual(ws);
		expect(workspaceHistory(a)).toHaveLength(1);
		expect(workspaceHistory(a)[0]!.to).toBe(ws.name === 'Ada’s name' ? 'Ben’s name' : 'Ada’s name');
	});
});
