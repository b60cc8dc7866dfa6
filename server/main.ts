/**
 * `npm run sync`: the Capmap sync server, or its `token` commands (cli.ts), wired to the process.
 * SIGINT and SIGTERM stop the server cleanly, every open workspace stored first; a second signal
 * leaves at once.
 */
import { run } from './cli';
import { stdoutLog } from './log';
import type { ServeOptions } from './options';
import { openStore } from './store';
import { startSyncServer } from './sync-server';

async function serve(options: ServeOptions): Promise<void> {
	const store = await openStore(options);
	const app = options.app ?? 'build';
	const server = await startSyncServer({ ...options, app, store, log: stdoutLog }).catch(
		async (error: unknown) => {
			await store.close();
			throw error;
		}
	);
	let stopping = false;
	const stop = (signal: NodeJS.Signals) => {
		if (stopping) {
			stdoutLog(`${signal} again: leaving without waiting`);
			process.exit(1);
		}
		stopping = true;
		stdoutLog(`${signal}: stopping`);
		server.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				stdoutLog(`stop failed: ${String(error)}`);
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

const io = {
	out: (text: string) => process.stdout.write(`${text}\n`),
	err: (text: string) => process.stderr.write(`${text}\n`)
};

void run(process.argv.slice(2), io, process.env, serve).then((code) => {
	process.exitCode = code;
});
