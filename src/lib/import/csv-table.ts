/** Reads any CSV file into a header and rows, naming the row of a broken quote. */
import Papa from 'papaparse';
import { ResultsError } from './results';

export interface CsvTable {
	header: string[];
	rows: string[][];
}

export function readCsvTable(text: string): CsvTable {
	if (text.includes('\u0000')) throw new ResultsError('(file)', 'is a binary file, not CSV');
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
	const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
	if (quoteError)
		throw new ResultsError(
			`row ${(quoteError.row ?? 0) + 1}`,
			`has a quote that is never closed (${quoteError.message})`
		);
	const [header, ...rows] = parsed.data;
	if (!header || header.every((h) => h.trim() === '')) throw new ResultsError('(file)', 'is empty');
	if (rows.length === 0) throw new ResultsError('(file)', 'has a header but no rows');
	return { header: header.map((h) => h.trim()), rows };
}
