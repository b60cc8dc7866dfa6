/**
 * Whether the person at this browser may change the workspace. A local workspace always may; a
 * shared one may not when the token it was opened with is a reader's (leadership reads the board
 * and the briefs), and every editing control reads `access.canEdit` to disable itself. The
 * server refuses a reader's writes whatever the app shows; this is the app saying so first.
 */
class Access {
	#readOnly = $state<string | null>(null);

	/** True unless the workspace is open read-only. */
	get canEdit(): boolean {
		return this.#readOnly === null;
	}

	/** Why nothing can be changed here, in words for a tooltip or a banner; null when it can. */
	get readOnlyReason(): string | null {
		return this.#readOnly;
	}

	/** Opens the workspace read-only, saying why, or (null) editable again. */
	setReadOnly(reason: string | null): void {
		this.#readOnly = reason;
	}
}

export const access = new Access();
