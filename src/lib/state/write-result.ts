/**
 * The one result every write returns, and the words for each way a write can fail. A command
 * never throws at its caller and never fails in silence: it answers `{ ok: true, value }` or
 * `{ ok: false, failure }`, where `failure.message` is a sentence for the person at the screen —
 * what happened and what to do — and `failure.kind` lets a form react (show a conflict's choice,
 * mark a field). What was typed is never cleared by a failure; the messages say so.
 */
import type { ConnectionLoss } from '$lib/db/status';
import { EditConflict, InvalidRecord, MissingRecord, RefusedChange } from '$lib/db/errors';
import type { FieldConflict } from '$lib/domain/patch';
import type { Problem } from '$lib/domain/workspace';

export type FailureKind =
	| 'quota'
	| 'deleted'
	| 'upgraded'
	| 'closed'
	| 'invalid'
	| 'refused'
	| 'conflict'
	| 'missing'
	| 'read-only'
	| 'failed';

export interface WriteFailure {
	kind: FailureKind;
	/** What happened and what to do, without the lead ("the browser's storage is full — …"). */
	reason: string;
	/** The whole sentence to show: "Could not save: the browser's storage is full — …". */
	message: string;
	/** For `invalid`: every problem, as the workspace file's validation words it. */
	problems?: readonly Problem[];
	/** For `conflict`: the fields changed here and elsewhere, and the record as stored now. */
	conflicts?: readonly FieldConflict[];
	current?: unknown;
}

export type WriteResult<T> = { ok: true; value: T } | { ok: false; failure: WriteFailure };

/** How a failed action begins its sentence, and whether it had typed text to keep. */
export interface Action {
	lead: string;
	typed: boolean;
}

export const SAVE: Action = { lead: 'Could not save', typed: true };
export const DELETE: Action = { lead: 'Could not delete', typed: false };
export const IMPORT: Action = { lead: 'Nothing was imported', typed: false };
export const UNDO: Action = { lead: 'Could not undo', typed: false };
export const APPLY: Action = { lead: 'The scenario was not applied', typed: false };
export const GENERATE: Action = { lead: 'Could not save the new brief', typed: false };
export const OPEN: Action = { lead: 'Could not open the workspace', typed: false };

const EXPORT_NOW = 'export the workspace now (Workspace → Export workspace file)';

/**
 * The names of an error and of the errors it wraps: Dexie keeps the browser's own error as
 * `inner` (a quota error aborts the transaction, and arrives as an AbortError around it).
 */
function names(error: unknown, depth = 0): string[] {
	if (!error || typeof error !== 'object' || depth > 5) return [];
	const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
	const own = typeof e.name === 'string' ? [e.name] : [];
	const failures = Array.isArray(e.failures) ? e.failures : [];
	return [
		...own,
		...names(e.inner, depth + 1),
		...names(e.cause, depth + 1),
		...failures.flatMap((f) => names(f, depth + 1))
	];
}

function reasonFor(
	error: unknown,
	names: readonly string[],
	lost: ConnectionLoss | null
): Pick<WriteFailure, 'kind' | 'reason'> {
	if (error instanceof EditConflict)
		return {
			kind: 'conflict',
			reason:
				'the same field was changed in another tab after this form opened — choose, for each, which value to keep'
		};
	if (error instanceof InvalidRecord) return { kind: 'invalid', reason: error.message };
	if (error instanceof RefusedChange) return { kind: 'refused', reason: error.message };
	if (error instanceof MissingRecord) return { kind: 'missing', reason: error.message };
	if (names.includes('QuotaExceededError'))
		return {
			kind: 'quota',
			reason: `the browser's storage is full — ${EXPORT_NOW}, then free some space (old evidence, or other sites' data) and try again`
		};
	const closed = names.includes('DatabaseClosedError');
	if (lost === 'deleted')
		return {
			kind: 'deleted',
			reason: `Capmap's database was deleted in another tab (or this site's data was cleared), so this tab cannot save any more — ${EXPORT_NOW} to keep what this tab still shows, then reload and import that file`
		};
	if (lost === 'upgraded')
		return {
			kind: 'upgraded',
			reason:
				'a newer version of Capmap upgraded the database in another tab, and this tab has stopped saving so it cannot write data in the old shape — reload this tab'
		};
	if (closed || lost === 'closed')
		return {
			kind: 'closed',
			reason: `the browser closed Capmap's database (this site's data may have been cleared) — ${EXPORT_NOW}, then reload`
		};
	if (names.includes('ConstraintError'))
		return { kind: 'refused', reason: 'a record with the same id is already stored' };
	const detail = error instanceof Error ? error.message : String(error);
	return { kind: 'failed', reason: `the browser refused the write (${detail})` };
}

/** Turns anything a write threw into words. */
export function describeFailure(
	error: unknown,
	action: Action = SAVE,
	lost: ConnectionLoss | null = null
): WriteFailure {
	const { kind, reason } = reasonFor(error, names(error), lost);
	if (kind === 'conflict')
		return {
			kind,
			reason,
			message: `Not saved yet: ${reason}.`,
			conflicts: (error as EditConflict).conflicts,
			current: (error as EditConflict).current
		};
	// A refusal is plainly a change not made; a storage failure is worth saying so.
	const said = kind === 'invalid' || kind === 'refused' || kind === 'missing';
	const nothing = said ? '' : ' Nothing was changed.';
	const kept = action.typed ? ' What you typed is still here.' : '';
	const failure: WriteFailure = {
		kind,
		reason,
		message: `${action.lead}: ${reason}.${nothing}${kept}`
	};
	if (error instanceof InvalidRecord) failure.problems = error.problems;
	return failure;
}

/**
 * The refusal of a write while the workspace is open read-only (access.svelte.ts): said before
 * anything is tried, with `why` (the access state's reason) after it, so the words tell what to
 * do — nothing, here; ask for an editor's access.
 */
export function readOnlyFailure(action: Action, why: string | null): WriteFailure {
	const reason = 'this workspace is open read-only, so nothing in it can be changed here';
	const kept = action.typed ? ' What you typed is still here.' : '';
	return {
		kind: 'read-only',
		reason,
		message: `${action.lead}: ${reason}.${why ? ` ${why}` : ''}${kept}`
	};
}

/** Runs a write and answers with its result, never throwing. */
export async function attempt<T>(
	work: () => Promise<T>,
	action: Action = SAVE,
	lost: () => ConnectionLoss | null = () => null
): Promise<WriteResult<T>> {
	try {
		return { ok: true, value: await work() };
	} catch (error) {
		return { ok: false, failure: describeFailure(error, action, lost()) };
	}
}
