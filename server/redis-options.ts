/**
 * A Redis URL (`redis://[user:password@]host[:port][/db]`, `rediss://` for TLS) as the options
 * the Hocuspocus Redis extension passes to ioredis, so that the server needs no Redis client of
 * its own.
 */

export interface RedisConnection {
	host: string;
	port: number;
	options: { username?: string; password?: string; db?: number; tls?: object };
}

export function redisConnection(url: string): RedisConnection {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new Error(
			`--redis must be a URL such as redis://127.0.0.1:6379, not ${JSON.stringify(url)}`
		);
	}
	if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
		throw new Error(`--redis must start with redis:// or rediss://, not ${parsed.protocol}//`);
	const db = parsed.pathname.replace(/^\//, '');
	if (db !== '' && !/^\d+$/.test(db))
		throw new Error(
			`--redis: the database after the host must be a number, not ${JSON.stringify(db)}`
		);
	return {
		host: parsed.hostname || '127.0.0.1',
		port: parsed.port ? Number(parsed.port) : 6379,
		options: {
			...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
			...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
			...(db !== '' ? { db: Number(db) } : {}),
			...(parsed.protocol === 'rediss:' ? { tls: {} } : {})
		}
	};
}
