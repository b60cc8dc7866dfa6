import { describe, expect, it } from 'vitest';
import { defaultDataFolder } from './data-folder';
import { parseCommand, UsageError } from './options';
import { redisConnection } from './redis-options';

describe('the default data folder', () => {
	it("is a capmap-sync folder in each platform's user data directory", () => {
		expect(defaultDataFolder({}, 'linux', '/home/ada')).toBe('/home/ada/.local/share/capmap-sync');
		expect(defaultDataFolder({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ada')).toBe(
			'/data/capmap-sync'
		);
		// A relative XDG_DATA_HOME is invalid by the XDG rules and ignored.
		expect(defaultDataFolder({ XDG_DATA_HOME: 'data' }, 'linux', '/home/ada')).toBe(
			'/home/ada/.local/share/capmap-sync'
		);
		expect(defaultDataFolder({}, 'darwin', '/Users/ada')).toBe(
			'/Users/ada/Library/Application Support/capmap-sync'
		);
		expect(
			defaultDataFolder({ APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ada')
		).toBe('C:\\Users\\ada\\AppData\\Roaming\\capmap-sync');
		expect(defaultDataFolder({}, 'win32', 'C:\\Users\\ada')).toBe(
			'C:\\Users\\ada\\AppData\\Roaming\\capmap-sync'
		);
	});
});

describe('npm run sync -- options', () => {
	const env = { XDG_DATA_HOME: '/data' };

	it('defaults to 127.0.0.1:8787 and SQLite in the data folder', () => {
		expect(parseCommand([], env)).toEqual({
			kind: 'serve',
			options: { host: '127.0.0.1', port: 8787, data: '/data/capmap-sync' }
		});
	});

	it('takes flags over environment variables', () => {
		const fromEnv = {
			...env,
			CAPMAP_SYNC_PORT: '9000',
			CAPMAP_SYNC_POSTGRES: 'postgres://db/capmap',
			CAPMAP_SYNC_REDIS: 'redis://cache:6379'
		};
		expect(parseCommand(['--port', '9001', '--host', '0.0.0.0'], fromEnv)).toEqual({
			kind: 'serve',
			options: {
				host: '0.0.0.0',
				port: 9001,
				data: '/data/capmap-sync',
				postgres: 'postgres://db/capmap',
				redis: 'redis://cache:6379'
			}
		});
	});

	it('refuses what cannot work, saying why', () => {
		const refusal = (argv: string[]) => {
			try {
				parseCommand(argv, env);
			} catch (error) {
				if (error instanceof UsageError) return error.message;
			}
			return 'accepted';
		};
		expect(refusal(['--port', '0'])).toContain('--port must be a whole number from 1 to 65535');
		expect(refusal(['--redis', 'redis://x'])).toContain('--redis needs --postgres');
		expect(refusal(['--postgres', 'mysql://x'])).toContain('--postgres must be a URL');
		expect(refusal(['serve'])).toContain('unknown command "serve"');
		expect(refusal(['--verbose'])).toContain('unknown option --verbose');
	});
});

describe('a Redis URL', () => {
	it('gives host, port, credentials, database and TLS', () => {
		expect(redisConnection('redis://127.0.0.1:6379')).toEqual({
			host: '127.0.0.1',
			port: 6379,
			options: {}
		});
		expect(redisConnection('rediss://user:p%40ss@cache.example:6380/2')).toEqual({
			host: 'cache.example',
			port: 6380,
			options: { username: 'user', password: 'p@ss', db: 2, tls: {} }
		});
		expect(() => redisConnection('http://cache')).toThrow('must start with redis://');
	});
});
