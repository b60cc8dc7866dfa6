import { describe, expect, it } from 'vitest';
import { Capability } from '$lib/domain/schemas';
import type { Edit } from '$lib/db/entity-repo';
import { EntityForm } from './entity-form.svelte';
import type { WriteResult } from './write-result';

type Cap = Capability;
const stored: Cap = {
	id: 'acc',
	name: 'Accuracy',
	unit: '%',
	direction: 'higher',
	category: 'kept'
};

/** A form over capabilities whose saves land in `saves`, answering as `answer` says. */
function form(answer: (edit: Edit<Cap>) => WriteResult<Cap>, questions: string[] = []) {
	const saves: Edit<Cap>[] = [];
	const f = new EntityForm({
		noun: 'capability',
		schema: Capability,
		save: async (edit: Edit<Cap>) => {
			saves.push(edit);
			return answer(edit);
		},
		toFields: (c: Cap | null) => ({ name: c?.name ?? '', unit: c?.unit ?? '%' }),
		fromFields: (fields, base) => ({
			...base,
			id: base?.id ?? 'new',
			name: fields.name.trim(),
			unit: fields.unit,
			direction: base?.direction ?? 'higher'
		}),
		labels: { name: 'Name' },
		ask: (question) => {
			questions.push(question);
			return false;
		}
	});
	return { f, saves };
}

const ok = (edit: Edit<Cap>): WriteResult<Cap> => ({ ok: true, value: edit.next });

describe('the entity form flow', () => {
	it('validates before saving, and shows errors beside the fields', async () => {
		const { f, saves } = form(ok);
		f.open(stored);
		f.fields.name = '  ';
		expect(await f.submit()).toBeNull();
		expect(f.errors).toEqual({ name: 'Must not be empty.' });
		expect(saves).toEqual([]);
	});

	it('saves over the record it opened with, keeping fields it does not show', async () => {
		const { f, saves } = form(ok);
		f.open(stored);
		expect(f.dirty).toBe(false);
		f.fields.name = 'Answer accuracy';
		expect(f.dirty).toBe(true);
		const saved = await f.submit();
		expect(saves[0]).toEqual({ base: stored, next: { ...stored, name: 'Answer accuracy' } });
		expect(saved).toEqual({ ...stored, name: 'Answer accuracy' });
		expect([f.dirty, f.base]).toEqual([false, saved]);
	});

	it('keeps what was typed when the save fails, and asks before closing on it', async () => {
		const questions: string[] = [];
		const failure = { kind: 'quota', reason: 'full', message: 'Could not save: full.' } as const;
		const { f } = form(() => ({ ok: false, failure }), questions);
		f.open(stored);
		f.fields.name = 'Typed';
		expect(await f.submit()).toBeNull();
		expect([f.failure?.message, f.fields.name, f.dirty]).toEqual([
			'Could not save: full.',
			'Typed',
			true
		]);
		expect(f.close()).toBe(false); // the user said no
		expect(questions).toEqual(['Discard your changes to this capability?']);
		expect(f.isOpen).toBe(true);
	});

	it('a conflict waits for a choice per field, then saves', async () => {
		let first = true;
		const { f, saves } = form((edit) => {
			if (!first) return ok(edit);
			first = false;
			return {
				ok: false,
				failure: {
					kind: 'conflict',
					reason: 'changed elsewhere',
					message: 'Not saved yet',
					conflicts: [{ field: 'name', mine: 'Mine', theirs: 'Theirs' }],
					current: { ...stored, name: 'Theirs' }
				}
			};
		});
		f.open(stored);
		f.fields.name = 'Mine';
		await f.submit();
		expect(f.conflicts).toEqual([{ field: 'name', label: 'Name', mine: 'Mine', theirs: 'Theirs' }]);
		const saved = await f.resolve('name', 'theirs');
		expect(f.fields.name).toBe('Theirs');
		// Rebased on their value, and not written again: nothing of mine remains to save there.
		expect(saves[1]!.base!.name).toBe('Theirs');
		expect(saved?.name).toBe('Theirs');
	});
});
