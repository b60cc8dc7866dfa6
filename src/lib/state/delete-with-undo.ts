/**
 * The one way a page deletes: through a typed command; done, a toast offers Undo (which says so
 * if it cannot be done); refused or failed, the reason is said — to the page when it has a
 * place for a refusal (a capability that items require), else as an alert.
 */
import { undo, type Snapshot, type WriteFailure, type WriteResult } from './commands';
import { toasts } from './toasts.svelte';

export async function deleteWithUndo(
	deleting: Promise<WriteResult<Snapshot>>,
	done: (snapshot: Snapshot) => string,
	onrefused?: (failure: WriteFailure) => void
): Promise<boolean> {
	const result = await deleting;
	if (result.ok) {
		toasts.show(done(result.value), () => undo(result.value));
		return true;
	}
	if (result.failure.kind === 'refused' && onrefused) onrefused(result.failure);
	else toasts.fail(result.failure.message);
	return false;
}
