/**
 * Evidence from a CSV table (a spreadsheet export, a homegrown eval script). The header row names
 * the columns; `model`, `metric` and `value` are required, `date` is required unless the caller
 * gives one, and `samples` (or `n`), `stderr` and `task` are optional. Column names are matched
 * case-insensitively; a `columns` map renames them (e.g. { value: "accuracy" }). Values are
 * decimal numbers, samples whole numbers, dates YYYY-MM-DD or ISO timestamps; a row with
 * anything else is refused by its number and column rather than read as something it is not.
 */
import { readCsvTable, type CsvReadOptions } from './csv-table';
import {
	countAt,
	isoDay,
	nameAt,
	nonNegativeAt,
	numberAt,
	ResultsError,
	type Observation,
	type ParsedResults
} from './results';

export type CsvColumn = 'model' | 'metric' | 'value' | 'date' | 'samples' | 'stderr' | 'task';

export interface CsvOptions extends CsvReadOptions {
	columns?: Partial<Record<CsvColumn, string>>;
	/** Used when there is no date column. */
	date?: string;
}

const ALIASES: Record<CsvColumn, string[]> = {
	model: ['model'],
	metric: ['metric', 'capability'],
	value: ['value', 'score'],
	date: ['date', 'observedat', 'observed_at'],
	samples: ['samples', 'n', 'sample_size', 'samplesize'],
	stderr: ['stderr'],
	task: ['task']
};

export function parseCsvEvidence(text: string, options: CsvOptions = {}): ParsedResults {
	const { header, rows } = readCsvTable(text, options);
	const names = header.map((h) => h.trim().toLowerCase());
	const index = (column: CsvColumn): number => {
		const wanted = options.columns?.[column]?.toLowerCase();
		return wanted !== undefined
			? names.indexOf(wanted)
			: names.findIndex((n) => ALIASES[column].includes(n));
	};
	const at = Object.fromEntries(
		(Object.keys(ALIASES) as CsvColumn[]).map((c) => [c, index(c)])
	) as Record<CsvColumn, number>;
	for (const column of ['model', 'metric', 'value'] as const)
		if (at[column] < 0)
			throw new ResultsError(
				'row 1',
				`has no "${options.columns?.[column] ?? column}" column (found: ${header.join(', ')})`
			);
	if (at.date < 0 && !options.date)
		throw new ResultsError('row 1', 'has no "date" column, and no date was given for the file');
	const fileDate = options.date ? isoDay(options.date, 'the date given for the file') : undefined;

	const dates = new Set<string>();
	const observations: Observation[] = rows.map((row, i) => {
		const where = `row ${i + 2}`;
		if (row.length !== header.length)
			throw new ResultsError(where, `has ${row.length} cells; the header has ${header.length}`);
		const cell = (c: CsvColumn) => (at[c] >= 0 ? (row[at[c]] ?? '').trim() : '');
		// Every cell through the strict readers: `0x5d` is not 93, `12` is not December 2001.
		const value = numberAt(cell('value'), `${where}, value`);
		const model = nameAt(cell('model'), `${where}, model`);
		const metric = nameAt(cell('metric'), `${where}, metric`);
		if (!model) throw new ResultsError(`${where}, model`, 'is empty');
		if (!metric) throw new ResultsError(`${where}, metric`, 'is empty');
		const n = cell('samples') === '' ? undefined : countAt(cell('samples'), `${where}, samples`);
		const stderr =
			cell('stderr') === '' ? undefined : nonNegativeAt(cell('stderr'), `${where}, stderr`);
		const observedAt = at.date >= 0 ? isoDay(cell('date'), `${where}, date`) : fileDate!;
		dates.add(observedAt);
		return {
			models: [model],
			metric,
			value,
			// A table's values are taken in the capability's own unit: no fraction guessing.
			fraction: false,
			observedAt,
			...(n !== undefined ? { sampleSize: n } : {}),
			...(stderr !== undefined ? { stderr } : {}),
			task: nameAt(cell('task'), `${where}, task`) || metric,
			where
		};
	});
	// The file's date is its latest row's; each row keeps its own.
	return { tool: 'csv', observedAt: [...dates].sort().at(-1)!, observations };
}
