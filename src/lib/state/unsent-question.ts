/**
 * The question asked before this device forgets a shared workspace's stored doc (stopping
 * sharing, or a token for another workspace) while changes made here have not reached the
 * server: forgetting them means the others never get them. Cancel keeps sharing, so they are
 * sent once the server answers.
 */
import { plural } from '$lib/domain/format';

export function unsentQuestion(unsent: number): string {
	return (
		`${plural(unsent, 'change')} made here ${unsent === 1 ? 'has' : 'have'} not reached the sync server yet. ` +
		'Stop sharing now and the others never get ' +
		(unsent === 1 ? 'it' : 'them') +
		' (this device keeps its workspace as a local one, with them). ' +
		'Cancel to keep sharing: they are sent as soon as the server answers.'
	);
}
