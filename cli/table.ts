/** Plain-text tables for the terminal: columns padded to their widest cell, one line a row. */
import { oneLine } from '../src/lib/domain/one-line';

export function table(header: readonly string[], input: readonly (readonly string[])[]): string {
	// A title with a line break (the schema allows one) must not break its row in two.
	const rows = input.map((row) => row.map((cell) => oneLine(cell)));
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
