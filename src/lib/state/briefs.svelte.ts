/** Live views of the briefs' history, for the brief pages. */
import { db } from '$lib/db';
import { briefOrigins as readOrigins, briefVersions } from '$lib/db/brief-repo';
import type { BriefVersion, StoredBriefOrigin } from '$lib/db/database';
import { Live } from '$lib/db/live.svelte';

export const briefOrigins = new Live<StoredBriefOrigin[]>(() => readOrigins(db));

/** A brief's earlier texts, newest first. */
export function liveVersions(briefId: string): Live<BriefVersion[]> {
	return new Live(() => briefVersions(db, briefId));
}
