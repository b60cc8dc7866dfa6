/** What every command shares: where it writes, and the arguments most of them take. */
import { isIsoDate, todayIso } from '../src/lib/domain/dates';
import { single, UsageError, type ParsedArgs } from './args';

export interface Output {
	out: (text: string) => void;
	err: (text: string) => void;
}

export function fileArg(args: ParsedArgs, command: string): string {
	if (args.positionals.length !== 1)
		throw new UsageError(`${command} takes one workspace file, got ${args.positionals.length}`);
	return args.positionals[0]!;
}

export function asOfArg(args: ParsedArgs): string {
	const asOf = single(args, 'as-of') ?? todayIso();
	if (!isIsoDate(asOf))
		throw new UsageError(
			`--as-of must be a real date written YYYY-MM-DD, not ${JSON.stringify(asOf)}`
		);
	return asOf;
}
