/**
 * The sync server's command line: `npm run sync -- [serve options]` or `npm run sync -- token …`.
 * Every option may also come from the environment (CAPMAP_SYNC_HOST, _PORT, _DATA, _POSTGRES,
 * _REDIS), for a service manager; a flag wins over its variable.
 */
import { parseArgs, single, UsageError, type ParsedArgs } from '../cli/args';
import { workspaceIdProblem } from '../src/lib/sync/workspace-id';
import { defaultDataFolder } from './data-folder';
import type { StoreOptions } from './store';
import { isRole, ROLES, type Role } from './tokens';

export { UsageError };

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;

export const USAGE = `usage: npm run sync -- [--host ${DEFAULT_HOST}] [--port ${DEFAULT_PORT}] [--data FOLDER] [--postgres URL] [--redis URL] [--app FOLDER]
       npm run sync -- token create --workspace ID --role editor|reader [--data FOLDER | --postgres URL]
       npm run sync -- token revoke TOKEN|TOKEN-ID [--data FOLDER | --postgres URL]
       npm run sync -- token list [--workspace ID] [--data FOLDER | --postgres URL]
Documents and tokens are kept in a SQLite file in --data (default ${defaultDataFolder()}),
or in Postgres when given --postgres; --redis shares documents with the other servers on the same
Redis and Postgres. The server also serves the built app (--app, default build/) at its own
address: open Capmap there to share a workspace.
Each option may also be set by CAPMAP_SYNC_HOST, CAPMAP_SYNC_PORT, CAPMAP_SYNC_DATA,
CAPMAP_SYNC_POSTGRES, CAPMAP_SYNC_REDIS or CAPMAP_SYNC_APP. Exit status: 0 done, 1 failed, 2 bad arguments.`;

export interface ServeOptions extends StoreOptions {
	host: string;
	port: number;
	redis?: string;
	/** The built app's folder, when given; the server defaults to build/. */
	app?: string;
}

export type Command =
	| { kind: 'help' }
	| { kind: 'serve'; options: ServeOptions }
	| { kind: 'token-create'; store: StoreOptions; workspace: string; role: Role }
	| { kind: 'token-revoke'; store: StoreOptions; token: string }
	| { kind: 'token-list'; store: StoreOptions; workspace?: string };

const STORE_FLAGS = ['data', 'postgres'];

export function parseCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
	if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
	if (argv[0] === 'token') return tokenCommand(argv.slice(1), env);
	const args = parseArgs(argv, ['host', 'port', ...STORE_FLAGS, 'redis', 'app'], []);
	if (args.positionals.length > 0)
		throw new UsageError(`unknown command ${JSON.stringify(args.positionals[0])}`);
	const redis = single(args, 'redis') ?? env.CAPMAP_SYNC_REDIS;
	const app = single(args, 'app') ?? env.CAPMAP_SYNC_APP;
	const store = storeOptions(args, env);
	// Servers that share documents through Redis must share where they store them: each stores
	// its own copy, and only the Postgres store merges the copies (redis-fan-out.ts).
	if (redis && !store.postgres)
		throw new UsageError(
			'--redis needs --postgres: servers that share documents share one database'
		);
	return {
		kind: 'serve',
		options: {
			host: single(args, 'host') ?? env.CAPMAP_SYNC_HOST ?? DEFAULT_HOST,
			port: portOption(single(args, 'port') ?? env.CAPMAP_SYNC_PORT),
			...store,
			...(redis ? { redis } : {}),
			...(app ? { app } : {})
		}
	};
}

function tokenCommand(argv: readonly string[], env: NodeJS.ProcessEnv): Command {
	const [action, ...rest] = argv;
	if (action === 'create') {
		const args = parseArgs(rest, ['workspace', 'role', ...STORE_FLAGS], []);
		noPositionals(args, 'token create');
		const workspace = workspaceOption(args, true)!;
		const role = single(args, 'role');
		if (role === undefined)
			throw new UsageError('token create needs --role editor or --role reader');
		if (!isRole(role))
			throw new UsageError(`--role must be ${ROLES.join(' or ')}, not ${JSON.stringify(role)}`);
		return { kind: 'token-create', store: storeOptions(args, env), workspace, role };
	}
	if (action === 'revoke') {
		const args = parseArgs(rest, STORE_FLAGS, []);
		if (args.positionals.length !== 1)
			throw new UsageError(
				`token revoke takes one token or token id, got ${args.positionals.length}`
			);
		return { kind: 'token-revoke', store: storeOptions(args, env), token: args.positionals[0]! };
	}
	if (action === 'list') {
		const args = parseArgs(rest, ['workspace', ...STORE_FLAGS], []);
		noPositionals(args, 'token list');
		const workspace = workspaceOption(args, false);
		return {
			kind: 'token-list',
			store: storeOptions(args, env),
			...(workspace ? { workspace } : {})
		};
	}
	throw new UsageError(
		action === undefined
			? 'token needs create, revoke or list'
			: `unknown token command ${JSON.stringify(action)} (create, revoke or list)`
	);
}

function storeOptions(args: ParsedArgs, env: NodeJS.ProcessEnv): StoreOptions {
	const postgres = single(args, 'postgres') ?? env.CAPMAP_SYNC_POSTGRES;
	const data = single(args, 'data') ?? env.CAPMAP_SYNC_DATA;
	if (postgres && single(args, 'data'))
		throw new UsageError('give --data or --postgres, not both: documents are kept in one place');
	if (postgres && !/^postgres(ql)?:\/\//.test(postgres))
		throw new UsageError('--postgres must be a URL such as postgres://user@127.0.0.1:5432/capmap');
	return { data: data ?? defaultDataFolder(env), ...(postgres ? { postgres } : {}) };
}

function portOption(value: string | undefined): number {
	if (value === undefined) return DEFAULT_PORT;
	const port = Number(value);
	if (!/^\d+$/.test(value) || port < 1 || port > 65535)
		throw new UsageError(
			`--port must be a whole number from 1 to 65535, not ${JSON.stringify(value)}`
		);
	return port;
}

function workspaceOption(args: ParsedArgs, required: boolean): string | undefined {
	const workspace = single(args, 'workspace');
	if (workspace === undefined) {
		if (required) throw new UsageError('token create needs --workspace ID');
		return undefined;
	}
	const problem = workspaceIdProblem(workspace);
	if (problem) throw new UsageError(`--workspace: ${problem}`);
	return workspace;
}

function noPositionals(args: ParsedArgs, command: string) {
	if (args.positionals.length > 0)
		throw new UsageError(`${command} takes no ${JSON.stringify(args.positionals[0])}`);
}
