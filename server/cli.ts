/**
 * The sync command line without the process: parses the arguments and runs a `token` command,
 * or hands the server's options to `serve`. Exit status: 0 done, 1 failed, 2 bad arguments.
 */
import type { Output } from '../cli/options';
import { oneLine } from '../src/lib/domain/one-line';
import { parseCommand, USAGE, UsageError, type ServeOptions } from './options';
import { openStore } from './store';
import { createToken, listTokens, revokeToken } from './token-command';

export async function run(
	argv: readonly string[],
	io: Output,
	env: NodeJS.ProcessEnv,
	serve: (options: ServeOptions) => Promise<void>
): Promise<number> {
	try {
		const command = parseCommand(argv, env);
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
	} catch (error) {
		if (error instanceof UsageError) {
			io.err(`sync: ${error.message} (npm run sync -- --help shows the usage)`);
			return 2;
		}
		io.err(`sync: ${oneLine(error instanceof Error ? error.message : String(error))}`);
		return 1;
	}
}
