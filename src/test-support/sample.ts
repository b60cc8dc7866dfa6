/** The sample workspace as the tests use it: read from the file the app offers, validated, fresh each call. */
import { readFileSync } from 'node:fs';
import { validateWorkspace, type Workspace } from '$lib/domain/workspace';

export const SAMPLE_FILE = 'samples/sample-workspace.json';

export function sample(): Workspace {
	const result = validateWorkspace(JSON.parse(readFileSync(SAMPLE_FILE, 'utf8')));
	if (!result.ok) throw new Error(`${SAMPLE_FILE} is not a valid workspace`);
	return result.workspace;
}
