/**
 * Saved briefs and their history. Saving a brief keeps its previous text as a version, in the
 * same transaction, so no save can lose what was there before. A save is field-level like every
 * edit (entity-repo.ts): title and text are written only when changed, and a text changed in
 * another tab since the editor opened stops the save until the user chooses.
 */
import { merge3 } from '$lib/domain/merge3';
import type { BriefOrigin } from '$lib/domain/brief-status';
import { mergeEdit } from '$lib/domain/patch';
import type { Brief } from '$lib/domain/schemas';
import { loadChecks, type Checks } from './check';
import {
	withoutSeq,
	type BriefVersion,
	type CapmapDatabase,
	type Stored,
	type StoredBriefOrigin
} from './database';
import { EditConflict, MissingRecord, RefusedChange } from './errors';

/** What the brief editor edits. */
export type BriefText = Pick<Brief, 'title' | 'markdown'>;

async function checked(db: CapmapDatabase, check: Checks, brief: Brief): Promise<Brief> {
	const models = (await db.models.toArray()).map(withoutSeq);
	return check.records('briefs', [brief], { models })[0]!;
}

export async function createBrief(
	db: CapmapDatabase,
	brief: Brief,
	origin: BriefOrigin
): Promise<void> {
	const check = await loadChecks();
	await db.transaction('rw', db.briefs, db.briefOrigins, db.models, async () => {
		if ((await db.briefs.where('id').equals(brief.id).count()) > 0)
			throw new RefusedChange(`the id "${brief.id}" is already taken`);
		await db.briefs.add(await checked(db, check, brief));
		await db.briefOrigins.put({ ...origin, briefId: brief.id });
	});
}

async function current(db: CapmapDatabase, id: string): Promise<Stored<Brief>> {
	const brief = await db.briefs.where('id').equals(id).first();
	if (!brief)
		throw new MissingRecord('this brief was deleted, in another tab, after it was opened');
	return brief;
}

/**
 * Saves new text and title, changed from `base` (as the editor opened them); the text it replaces
 * becomes a version. `overwrite` lists the fields the user chose to keep over another tab's.
 */
export async function saveBrief(
	db: CapmapDatabase,
	id: string,
	edit: { base: BriefText; next: BriefText; overwrite?: readonly string[] },
	now: string
): Promise<Brief> {
	const check = await loadChecks();
	return db.transaction('rw', db.briefs, db.briefVersions, db.models, async () => {
		const stored = await current(db, id);
		const text = { title: stored.title, markdown: stored.markdown };
		const merged = mergeEdit(text, edit.base, edit.next, edit.overwrite);
		if (merged.conflicts.length > 0) throw new EditConflict(merged.conflicts, text);
		if (merged.changed.length === 0) return withoutSeq(stored);
		const next = await checked(db, check, {
			...withoutSeq(stored),
			...merged.record,
			updatedAt: now
		});
		if (next.markdown !== stored.markdown)
			await db.briefVersions.add({
				briefId: id,
				markdown: stored.markdown,
				savedAt: stored.updatedAt
			});
		await db.briefs.put({ ...next, seq: stored.seq });
		return next;
	});
}

/**
 * Regenerating merges the newly generated text into the brief as edited (the text in the editor,
 * saved or not) over the text it was generated as (its stored origin): the author's edits stay,
 * the numbers that moved move, and where both changed the same lines both are kept between
 * conflict markers (merge3.ts). The text it replaces, and unsaved text, are kept as versions.
 */
export async function regenerateBrief(
	db: CapmapDatabase,
	id: string,
	origin: BriefOrigin,
	now: string,
	unsaved?: string
): Promise<{ brief: Brief; conflicts: number }> {
	const tables = [db.briefs, db.briefVersions, db.briefOrigins, db.models];
	const check = await loadChecks();
	return db.transaction('rw', tables, async () => {
		const stored = await current(db, id);
		const startedFrom = await db.briefOrigins.get(id);
		const edited = unsaved ?? stored.markdown;
		const merged = startedFrom
			? merge3(startedFrom.generatedMarkdown, edited, origin.generatedMarkdown)
			: { text: origin.generatedMarkdown, conflicts: 0 };
		const next = await checked(db, check, {
			...withoutSeq(stored),
			markdown: merged.text,
			updatedAt: now
		});
		await db.briefVersions.add({
			briefId: id,
			markdown: stored.markdown,
			savedAt: stored.updatedAt
		});
		if (unsaved !== undefined && unsaved !== stored.markdown)
			await db.briefVersions.add({ briefId: id, markdown: unsaved, savedAt: now });
		await db.briefs.put({ ...next, seq: stored.seq });
		await db.briefOrigins.put({ ...origin, briefId: id });
		return { brief: next, conflicts: merged.conflicts };
	});
}

export async function deleteBrief(db: CapmapDatabase, id: string): Promise<void> {
	await db.transaction('rw', db.briefs, db.briefVersions, db.briefOrigins, async () => {
		await db.briefs.where('id').equals(id).delete();
		await db.briefVersions.where('briefId').equals(id).delete();
		await db.briefOrigins.delete(id);
	});
}

/** Every brief's origin: what it was generated as, to tell when it is out of date. */
export function briefOrigins(db: CapmapDatabase): Promise<StoredBriefOrigin[]> {
	return db.briefOrigins.toArray();
}

/** A brief's earlier texts, newest first. */
export async function briefVersions(db: CapmapDatabase, briefId: string): Promise<BriefVersion[]> {
	return (await db.briefVersions.where('briefId').equals(briefId).sortBy('seq')).reverse();
}
