/**
 * Fan-out between sync servers through Redis (the Hocuspocus Redis extension): each server
 * publishes its documents' updates and applies the others'. The extension also takes a Redis
 * lock around every store so that one server stores at a time, and a server that finds the lock
 * taken skips its store. With our stores that skip can lose an edit: an update that reaches the
 * lock holder after it encoded its copy, from a server whose own store was skipped, is stored by
 * nobody. So every server stores its own copy, and the Postgres store merges each with what is
 * stored under an advisory lock (postgres-store.ts): the lock is not needed and not taken.
 */
import { Redis } from '@hocuspocus/extension-redis';
import type { Log } from './log';
import { withoutPassword } from './redact';
import { redisConnection } from './redis-options';

class RedisFanOut extends Redis {
	override async onStoreDocument(): Promise<void> {}
	override async afterStoreDocument(): Promise<void> {}
}

/** The extension, connected; rejects when Redis does not answer within five seconds. */
export async function connectRedis(url: string, prefix: string, log: Log): Promise<Redis> {
	const connection = redisConnection(url);
	const redis = new RedisFanOut({
		host: connection.host,
		port: connection.port,
		options: { ...connection.options, maxRetriesPerRequest: 3 },
		prefix
	});
	let reported = '';
	for (const client of [redis.pub, redis.sub])
		client.on('error', (error: Error) => {
			// ioredis retries on its own and repeats the error on every attempt: log it once.
			if (error.message !== reported) log(`redis: ${error.message}`);
			reported = error.message;
		});
	const answered = await Promise.race([
		redis.pub.ping().then(
			() => true,
			() => false
		),
		new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000).unref())
	]);
	if (!answered) {
		await redis.onDestroy();
		throw new Error(`cannot reach Redis at ${withoutPassword(url)}`);
	}
	return redis;
}
