/** The sync server for the sync benchmarks: `npm run sync` in a child process on loopback. */
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT, until } from '../server/test-support';

/**
 * The server as `npm run sync` runs it, but started by node itself so its pid is the server's;
 * with `app`, it also serves that built app at its own address.
 */
export async function startServer(port: number, data: string, app?: string): Promise<ChildProcess> {
	const child = spawn(
		process.execPath,
		[
			'--import',
			'tsx',
			'server/main.ts',
			'--port',
			String(port),
			'--data',
			data,
			...(app ? ['--app', app] : [])
		],
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
	);
	let log = '';
	child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
	await until(() => log.includes('listening on'), 'the sync server listens', 30_000);
	return child;
}

/** A clean stop (SIGTERM): every open document is stored first. */
export async function stopServer(child: ChildProcess): Promise<void> {
	const exited = new Promise((resolve) => child.on('exit', resolve));
	child.kill('SIGTERM');
	await exited;
}
