/**
 * A real Capmap sync server for the browser tests: `npm run sync`'s own entry run through tsx in
 * a child process, on a free loopback port, over SQLite in a fresh temporary folder, serving the
 * built app at its own address (as a team runs it). It can be stopped and started again on the
 * same port and folder, to show that a restart keeps everything.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TSX = join('node_modules', '.bin', 'tsx');

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

export class TestSyncServer {
	readonly data = mkdtempSync(join(tmpdir(), 'capmap-sync-e2e-'));
	port = 0;
	#child: ChildProcess | undefined;

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** `npm run sync -- token create …`: the new token, printed alone on its last line. */
	token(workspace: string, role: 'editor' | 'reader'): string {
		const result = spawnSync(
			TSX,
			[
				'server/main.ts',
				'token',
				'create',
				'--workspace',
				workspace,
				'--role',
				role,
				'--data',
				this.data
			],
			{ encoding: 'utf8' }
		);
		if (result.status !== 0) throw new Error(result.stderr);
		return result.stdout.trim().split('\n').at(-1)!;
	}

	async start(): Promise<void> {
		this.port ||= await freePort();
		const child = spawn(
			TSX,
			['server/main.ts', '--port', String(this.port), '--data', this.data, '--app', 'build'],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
		this.#child = child;
		await new Promise<void>((resolve, reject) => {
			let output = '';
			const timer = setTimeout(
				() => reject(new Error(`sync server did not start: ${output}`)),
				20_000
			);
			const read = (chunk: Buffer) => {
				output += chunk.toString();
				if (output.includes('listening on')) {
					clearTimeout(timer);
					resolve();
				}
			};
			child.stdout!.on('data', read);
			if (process.env.SYNC_LOG)
				child.stdout!.on('data', (c: Buffer) => process.stdout.write('[server] ' + c.toString()));
			child.stderr!.on('data', read);
			child.once('exit', (code) => reject(new Error(`sync server exited (${code}): ${output}`)));
		});
	}

	/** A clean stop (SIGTERM): every open workspace is stored first. */
	async stop(): Promise<void> {
		const child = this.#child;
		this.#child = undefined;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		await exited;
	}

	async dispose(): Promise<void> {
		await this.stop();
		rmSync(this.data, { recursive: true, force: true });
	}
}
