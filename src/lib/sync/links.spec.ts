import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { linkedWorkspace } from '../../test-support/testing';
import { deleteRecord, restoreRecord, updateRecord } from './edits';
import { readWorkspace, writeWorkspace } from './workspace-doc';

const ada = { by: 'Ada', at: '2026-11-29T10:00:00.000Z' };

function read(doc: Y.Doc) {
	const result = readWorkspace(doc);
	if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
	return result.workspace;
}

describe('links to soft-deleted records', () => {
	const base = linkedWorkspace();

	it('are left out while the record is deleted, and come back with it', () => {
		const doc = new Y.Doc();
		writeWorkspace(doc, base, ada);
		const itemId = base.decisions.find((d) => d.itemIds?.length)!.itemIds![0]!;
		deleteRecord(doc, 'items', itemId, ada);
		const without = read(doc);
		for (const d of without.decisions) expect(d.itemIds ?? []).not.toContain(itemId);
		for (const f of without.findings) expect(f.itemIds ?? []).not.toContain(itemId);
		restoreRecord(doc, 'items', itemId, ada);
		expect(read(doc)).toStrictEqual(base);
	});

	it("hide a deleted model's evidence, eval runs and briefs, and requirements on a deleted capability", () => {
		const doc = new Y.Doc();
		writeWorkspace(doc, base, ada);
		const modelId = base.evidence[0]!.modelId;
		const capabilityId = base.items.flatMap((i) => i.requirements)[0]!.capabilityId;
		deleteRecord(doc, 'models', modelId, ada);
		deleteRecord(doc, 'capabilities', capabilityId, ada);
		const ws = read(doc);
		expect(ws.evidence.some((e) => e.modelId === modelId || e.capabilityId === capabilityId)).toBe(
			false
		);
		expect(ws.evalRuns.some((r) => r.modelId === modelId)).toBe(false);
		expect(ws.briefs.some((b) => b.modelId === modelId)).toBe(false);
		expect(
			ws.items.flatMap((i) => i.requirements).some((r) => r.capabilityId === capabilityId)
		).toBe(false);
		restoreRecord(doc, 'models', modelId, ada);
		restoreRecord(doc, 'capabilities', capabilityId, ada);
		expect(read(doc)).toStrictEqual(base);
	});

	it('a link to a record that never existed is a problem, named with its path', () => {
		const doc = new Y.Doc();
		writeWorkspace(doc, base, ada);
		const decision = base.decisions[0]!;
		updateRecord(doc, 'decisions', decision.id, { itemIds: ['no-such-item'] }, ada);
		const result = readWorkspace(doc);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems).toContainEqual({
			path: 'decisions[0].itemIds[0]',
			message: 'no item "no-such-item"'
		});
	});

	it('whatever a client wrote into the doc is read as a file is: a problem, never a crash', () => {
		const doc = new Y.Doc();
		writeWorkspace(doc, base, ada);
		doc.getMap<Y.Map<unknown>>('items').get(base.items[0]!.id)!.set('status', 'bogus');
		const result = readWorkspace(doc);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems[0]!.path).toBe('items[0].status');
	});
});
