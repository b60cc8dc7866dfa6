/**
 * `capmap promptfoo <file> --item ID [--out FILE]`: an item's AI feature spec as a promptfoo
 * suite — the same file the item page's "Export as promptfoo suite" downloads
 * (domain/promptfoo-export.ts). Printed, or written atomically to FILE.
 */
import { promptfooSuite } from '../src/lib/domain/promptfoo-export';
import { parseArgs, single, UsageError } from './args';
import { loadWorkspace, writeOutput } from './files';
import { fileArg, type Output } from './options';

export function promptfooCommand(argv: string[], io: Output): number {
	const args = parseArgs(argv, ['item', 'out'], []);
	const path = fileArg(args, 'promptfoo');
	const itemId = single(args, 'item');
	if (!itemId) throw new UsageError('promptfoo needs --item ID');
	const workspace = loadWorkspace(path);
	const item = workspace.items.find((i) => i.id === itemId);
	if (!item) throw new UsageError(`--item: no item "${itemId}" in ${path}`);
	if (!item.spec?.examples?.length)
		io.err(`note: "${itemId}" has no spec examples, so the suite has no tests`);
	const text = promptfooSuite(item, workspace.capabilities);
	const out = single(args, 'out');
	if (out) {
		writeOutput(out, text);
		io.err(`wrote ${out}`);
	} else io.out(text.replace(/\n$/, ''));
	return 0;
}
