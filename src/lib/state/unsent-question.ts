/**
 * The question asked before this device forgets a shared workspace's stored doc (stopping
 * sharing, or a token for another workspace) while changes made here have not reached the
 * server: forgetting them means the others never get them. Cancel keeps sharing, so they are
 * sent once the server answers.
 */
import { plural } from '$lib/domain/format';

export function unsentQuestion(unsent: number): string {
	const one = unsent === 1;
	return (
		`${plural(unsent, 'change')} made here ${one ? 'has' : 'have'} not reached the sync server yet. ` +
		`If you stop sharing now, the others never get ${one ? 'it' : 'them'}; ` +
		`this device keeps ${one ? 'it' : 'them'} in its own copy of the workspace. ` +
		`Cancel to keep sharing: ${one ? 'it is' : 'they are'} sent as soon as the server answers.`
	);
}
