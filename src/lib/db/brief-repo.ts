/**
 * Saved briefs and their history. Saving a brief keeps its previous text as a version, in the
 * same transaction, so no save can lose what was there before.
 */
import type { BriefOrigin } from '$lib/domain/brief-status';
import type { Brief } from '$lib/domain/schemas';
import type { CapmapDatabase } from './database';

export async function createBrief(
	db: CapmapDatabase,
	brief: Brief,
	origin: BriefOrigin
): Promise<void> {
	await db.transaction('rw', db.briefs, db.briefOrigins, async () => {
		await db.briefs.add(brief);
		await db.briefOrigins.put({ ...origin, briefId: brief.id });
	});
}

/** Saves new text (and title); the text it replaces becomes a version. */
export async function saveBrief(
	db: CapmapDatabase,
	id: string,
	changes: { title: string; markdown: string },
	now: string
): Promise<void> {
	await db.transaction('rw', db.briefs, db.briefVersions, async () => {
		const current = await db.briefs.where('id').equals(id).first();
		if (!current) throw new Error(`no brief "${id}"`);
		if (current.markdown === changes.markdown && current.title === changes.title) return;
		if (current.markdown !== changes.markdown)
			await db.briefVersions.add({
				briefId: id,
				markdown: current.markdown,
				savedAt: current.updatedAt
			});
		await db.briefs.put({ ...current, ...changes, updatedAt: now });
	});
}

/** Regenerated text replaces the brief's text (kept as a version) and its origin. */
export async function regenerateBrief(
	db: CapmapDatabase,
	id: string,
	origin: BriefOrigin,
	now: string
): Promise<void> {
	await db.transaction('rw', db.briefs, db.briefVersions, db.briefOrigins, async () => {
		const current = await db.briefs.where('id').equals(id).first();
		if (!current) throw new Error(`no brief "${id}"`);
		await db.briefVersions.add({
			briefId: id,
			markdown: current.markdown,
			savedAt: current.updatedAt
		});
		await db.briefs.put({ ...current, markdown: origin.generatedMarkdown, updatedAt: now });
		await db.briefOrigins.put({ ...origin, briefId: id });
	});
}

export async function deleteBrief(db: CapmapDatabase, id: string): Promise<void> {
	await db.transaction('rw', db.briefs, db.briefVersions, db.briefOrigins, async () => {
		await db.briefs.where('id').equals(id).delete();
		await db.briefVersions.where('briefId').equals(id).delete();
		await db.briefOrigins.delete(id);
	});
}
