/** Argument parsing for `capmap`: positionals and `--flag value` pairs, repeatable where asked. */

export class UsageError extends Error {}

export interface ParsedArgs {
	positionals: string[];
	flags: Map<string, string[]>;
	switches: Set<string>;
}

/**
 * `switchNames` take no value (`--json`); every other `--name` takes the next argument or
 * `--name=value`. An unknown flag is a usage error, so a typo never passes silently.
 */
export function parseArgs(
	argv: readonly string[],
	valueNames: readonly string[],
	switchNames: readonly string[]
): ParsedArgs {
	const parsed: ParsedArgs = { positionals: [], flags: new Map(), switches: new Set() };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (!arg.startsWith('--')) {
			parsed.positionals.push(arg);
			continue;
		}
		const [name, inline] = splitOnce(arg.slice(2), '=');
		if (switchNames.includes(name)) {
			if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
			parsed.switches.add(name);
		} else if (valueNames.includes(name)) {
			const value = inline ?? argv[++i];
			if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
			parsed.flags.set(name, [...(parsed.flags.get(name) ?? []), value]);
		} else {
			throw new UsageError(`unknown option --${name}`);
		}
	}
	return parsed;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
	const at = text.indexOf(separator);
	return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

export function single(args: ParsedArgs, name: string): string | undefined {
	const values = args.flags.get(name);
	if (values && values.length > 1) throw new UsageError(`--${name} is given more than once`);
	return values?.[0];
}
