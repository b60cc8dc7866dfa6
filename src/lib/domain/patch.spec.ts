import { describe, expect, it } from 'vitest';
import { changedFields, mergeEdit, sameValue } from './patch';

const base: { id: string; title: string; owner?: string; tags: string[] } = {
	id: 'a',
	title: 'Refund agent',
	owner: 'Maya',
	tags: ['billing']
};

describe('field-level edits', () => {
	it('compares JSON data by structure, a missing field equal to an undefined one', () => {
		expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
		expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
		expect(sameValue([1, 2], [2, 1])).toBe(false);
		expect(sameValue([], {})).toBe(false);
		expect(sameValue(null, {})).toBe(false);
	});

	it('names only the fields that changed', () => {
		expect(changedFields(base, { ...base, owner: 'Noah' })).toEqual(['owner']);
		expect(changedFields(base, { ...base, tags: ['billing'] })).toEqual([]);
		expect(changedFields(base, { ...base, owner: undefined })).toEqual(['owner']);
	});

	it('keeps a change made elsewhere to another field', () => {
		const current = { ...base, owner: 'Noah' }; // another tab saved a new owner
		const { record, changed, conflicts } = mergeEdit(current, base, { ...base, title: 'Refunds' });
		expect(record).toEqual({ ...base, owner: 'Noah', title: 'Refunds' });
		expect(changed).toEqual(['title']);
		expect(conflicts).toEqual([]);
	});

	it('reports a field changed here and elsewhere to different values, unless told to overwrite', () => {
		const current = { ...base, owner: 'Noah' };
		const next = { ...base, owner: 'Ann' };
		expect(mergeEdit(current, base, next).conflicts).toEqual([
			{ field: 'owner', mine: 'Ann', theirs: 'Noah' }
		]);
		const kept = mergeEdit(current, base, next, ['owner']);
		expect(kept.conflicts).toEqual([]);
		expect(kept.record.owner).toBe('Ann');
		// The same change made in both places is no conflict.
		expect(mergeEdit(next, base, next).conflicts).toEqual([]);
	});

	it('removes a field the form cleared', () => {
		const { record } = mergeEdit(base, base, { ...base, owner: undefined });
		expect('owner' in record).toBe(false);
	});
});
