/**
 * Where the sync server keeps its SQLite file when no `--data` is given: a `capmap-sync` folder
 * in the user's data directory, the place each platform expects an application's own data.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const DATA_FOLDER_NAME = 'capmap-sync';

export function defaultDataFolder(
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
	home: string = homedir()
): string {
	return join(userDataDirectory(env, platform, home), DATA_FOLDER_NAME);
}

function userDataDirectory(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string) {
	if (platform === 'win32') return env.APPDATA || join(home, 'AppData', 'Roaming');
	if (platform === 'darwin') return join(home, 'Library', 'Application Support');
	// XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
	const xdg = env.XDG_DATA_HOME;
	return xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
}
