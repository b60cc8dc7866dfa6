/**
 * Why the storage layer refuses a write. Each is thrown inside the write's transaction, so a
 * refused change leaves nothing behind; the commands (state/commands.ts) turn them into words.
 */
import type { FieldConflict } from '$lib/domain/patch';
import type { Problem } from '$lib/domain/workspace';

/** A rule of the workspace stops the change; the message says which, in words. */
export class RefusedChange extends Error {
	override name = 'RefusedChange';
}

/** A record that the workspace file would refuse: it is never stored (so export always reads back). */
export class InvalidRecord extends Error {
	override name = 'InvalidRecord';
	constructor(
		message: string,
		readonly problems: readonly Problem[]
	) {
		super(message);
	}
}

/** The record changed elsewhere, since the form opened, in a field this edit changes too. */
export class EditConflict<T = unknown> extends Error {
	override name = 'EditConflict';
	constructor(
		readonly conflicts: readonly FieldConflict[],
		/** The record as stored now. */
		readonly current: T
	) {
		super(`changed elsewhere: ${conflicts.map((c) => c.field).join(', ')}`);
	}
}

/** The record this edit started from is gone (deleted in another tab). */
export class MissingRecord extends Error {
	override name = 'MissingRecord';
}
