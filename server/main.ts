/**
 * `npm run sync`: the Capmap sync server, or its `token` commands. Wires the command line to the
 * process: exit status 0 done, 1 failed, 2 bad arguments; SIGINT and SIGTERM stop the server
 * cleanly (every open workspace stored first), a second signal stops it at once.
 */
import { oneLine } from '../src/lib/domain/one-line';
import { stdoutLog } from './log';
import { parseCommand, USAGE, UsageError, type Command } from './options';
import { openStore } from './store';
import { startSyncServer } from './sync-server';
import { createToken, listTokens, revokeToken } from './token-command';

const io = {
	out: (text: string) => process.stdout.write(`${text}\n`),
	err: (text: string) => process.stderr.write(`${text}\n`)
};

async function run(command: Command): Promise<number> {
	if (command.kind === 'help') {
		io.out(USAGE);
		return 0;
	}
	if (command.kind === 'serve') {
		await serve(command.options);
		return 0;
	}
	const store = await openStore(command.store);
	try {
		if (command.kind === 'token-create')
			return await createToken(store, command.workspace, command.role, io);
		if (command.kind === 'token-revoke') return await revokeToken(store, command.token, io);
		return await listTokens(store, command.workspace, io);
	} finally {
		await store.close();
	}
}

async function serve(options: Extract<Command, { kind: 'serve' }>['options']): Promise<void> {
	const store = await openStore(options);
	const server = await startSyncServer({ ...options, store, log: stdoutLog });
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

let command: Command;
try {
	command = parseCommand(process.argv.slice(2), process.env);
} catch (error) {
	if (!(error instanceof UsageError)) throw error;
	io.err(`sync: ${error.message} (npm run sync -- --help shows the usage)`);
	process.exit(2);
}
run(command).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		io.err(`sync: ${oneLine(error instanceof Error ? error.message : String(error))}`);
		process.exitCode = 1;
	}
);
