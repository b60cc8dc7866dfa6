/**
 * Where the sync server keeps its SQLite file when no `--data` is given: a `capmap-sync` folder
 * in the user's data directory, the place each platform expects an application's own data.
 */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const DATA_FOLDER_NAME = 'capmap-sync';

export function defaultDataFolder(
	env: NodeJS.ProcessEnv = process.env,
	platform: NodeJS.Platform = process.platform,
	home: string = homedir()
): string {
	if (platform === 'win32')
		return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), DATA_FOLDER_NAME);
	if (platform === 'darwin')
		return posix.join(home, 'Library', 'Application Support', DATA_FOLDER_NAME);
	// XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
	const xdg = env.XDG_DATA_HOME;
	return posix.join(
		xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.local', 'share'),
		DATA_FOLDER_NAME
	);
}
