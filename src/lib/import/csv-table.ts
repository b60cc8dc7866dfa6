/** Reads any CSV file into a header and rows, naming the row of a broken quote. */
import Papa from 'papaparse';
import { ResultsError } from './results';

export interface CsvTable {
	header: string[];
	rows: string[][];
}

export interface CsvReadOptions {
	/** Called after each chunk with the characters read so far and the total. */
	onProgress?: (done: number, total: number) => void;
	/** Characters per chunk; small values are for tests. */
	chunkSize?: number;
}

export function readCsvTable(text: string, options: CsvReadOptions = {}): CsvTable {
	if (text.includes('\u0000')) throw new ResultsError('(file)', 'is a binary file, not CSV');
	const body = text.replace(/^\uFEFF/, '');
	const data: string[][] = [];
	let quoteErrorRow: number | undefined;
	let quoteErrorMessage = '';
	// Chunked, so a big file reports progress; papaparse parses a string's chunks synchronously
	// and numbers each chunk's rows from 0, hence the offset.
	Papa.parse<string[]>(body, {
		skipEmptyLines: 'greedy',
		chunkSize: options.chunkSize ?? 512 * 1024,
		chunk: (results: Papa.ParseResult<string[]>) => {
			const quoteError = results.errors.find((e) => e.type === 'Quotes');
			if (quoteError && quoteErrorRow === undefined) {
				quoteErrorRow = data.length + (quoteError.row ?? 0);
				quoteErrorMessage = quoteError.message;
			}
			for (const row of results.data) data.push(row);
			options.onProgress?.(results.meta.cursor, body.length);
		},
		// Required by the typings for chunked parsing; every row was taken in `chunk`.
		complete: () => {}
	});
	if (quoteErrorRow !== undefined)
		throw new ResultsError(
			`row ${quoteErrorRow + 1}`,
			`has a quote that is never closed (${quoteErrorMessage})`
		);
	const [header, ...rows] = data;
	if (!header || header.every((h) => h.trim() === '')) throw new ResultsError('(file)', 'is empty');
	if (rows.length === 0) throw new ResultsError('(file)', 'has a header but no rows');
	return { header: header.map((h) => h.trim()), rows };
}
