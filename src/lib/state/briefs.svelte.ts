/** Live views of the briefs' history, for the brief pages. */
import { db } from '$lib/db';
import type { BriefVersion, StoredBriefOrigin } from '$lib/db/database';
import { Live } from '$lib/db/live.svelte';

export const briefOrigins = new Live<StoredBriefOrigin[]>(() => db.briefOrigins.toArray());

export function liveVersions(briefId: string): Live<BriefVersion[]> {
	return new Live(async () =>
		(await db.briefVersions.where('briefId').equals(briefId).sortBy('seq')).reverse()
	);
}
