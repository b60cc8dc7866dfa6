/**
 * Evidence from a CSV table (a spreadsheet export, a homegrown eval script). The header row names
 * the columns; `model`, `metric` and `value` are required, `date` is required unless the caller
 * gives one, and `samples` (or `n`), `stderr` and `task` are optional. Column names are matched
 * case-insensitively; a `columns` map renames them (e.g. { value: "accuracy" }). Values are
 * decimal numbers, samples whole numbers, dates YYYY-MM-DD or ISO timestamps; a row with
 * anything else is refused by its number and column rather than read as something it is not.
 *
 * A table with a `case` column (also `case_id`, `test_case`) is a case-level table instead: each
 * row is one test case of one run, `model` and `case` required, with `pass` (true/false, pass/fail,
 * yes/no, 1/0; without it, a `value` of 0 or 1 is the pass) and, optionally, `value` (the case's
 * score), `metric`, `suite`, `description`, `reason` and `date`. Its evidence is, per model and
 * suite, `pass-rate` (percent of cases passed) and the mean `value` per metric (named by the
 * `metric` column, else `score`), each with the number of cases behind it.
 * Either way the file's runs are one per (suite, model): the `suite` column, else the file's
 * name; without a case column they have no cases and say so.
 */
import { clip, withUniqueKeys, type EvalCase } from '../domain/eval-runs';
import { LIMITS } from '../domain/entities';
import { readCsvTable, type CsvReadOptions } from './csv-table';
import {
	countAt,
	isoDay,
	nameAt,
	nonNegativeAt,
	numberAt,
	ResultsError,
	round,
	stampAt,
	type Observation,
	type ParsedResults,
	type ParsedRun
} from './results';

export type CsvColumn =
	| 'model'
	| 'metric'
	| 'value'
	| 'date'
	| 'samples'
	| 'stderr'
	| 'task'
	| 'case'
	| 'pass'
	| 'suite'
	| 'description'
	| 'reason';

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
	task: ['task'],
	case: ['case', 'case_id', 'test_case'],
	pass: ['pass', 'passed'],
	suite: ['suite'],
	description: ['description'],
	reason: ['reason']
};

const PASS: Record<string, boolean> = {
	true: true,
	pass: true,
	passed: true,
	yes: true,
	'1': true,
	false: false,
	fail: false,
	failed: false,
	no: false,
	'0': false
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
	const caseLevel = at.case >= 0;
	const required = caseLevel
		? (['model', 'case'] as const)
		: (['model', 'metric', 'value'] as const);
	for (const column of required)
		if (at[column] < 0)
			throw new ResultsError(
				'row 1',
				`has no "${options.columns?.[column] ?? column}" column (found: ${header.join(', ')})`
			);
	if (caseLevel && at.pass < 0 && at.value < 0)
		throw new ResultsError(
			'row 1',
			`has a "case" column but neither "pass" nor "value" (found: ${header.join(', ')})`
		);
	if (at.date < 0 && !options.date)
		throw new ResultsError('row 1', 'has no "date" column, and no date was given for the file');
	const fileDate = options.date ? isoDay(options.date, 'the date given for the file') : undefined;

	const dates = new Set<string>();
	const read = rows.map((row, i) => {
		const where = `row ${i + 2}`;
		if (row.length !== header.length)
			throw new ResultsError(where, `has ${row.length} cells; the header has ${header.length}`);
		const cell = (c: CsvColumn) => (at[c] >= 0 ? (row[at[c]] ?? '').trim() : '');
		const dated = (): string => (at.date >= 0 ? isoDay(cell('date'), `${where}, date`) : fileDate!);
		if (!caseLevel) {
			const o = observation(where, cell, dated);
			dates.add(o.observedAt!);
			const suite = nameAt(cell('suite'), `${where}, suite`);
			return { where, cell, model: o.models[0]!, observedAt: o.observedAt!, suite, o };
		}
		const model = nameAt(cell('model'), `${where}, model`);
		if (!model) throw new ResultsError(`${where}, model`, 'is empty');
		const observedAt = dated();
		dates.add(observedAt);
		const suite = nameAt(cell('suite'), `${where}, suite`);
		return { where, cell, model, observedAt, suite };
	});
	// The file's date is its latest row's; each row keeps its own.
	const observedAt = [...dates].sort().at(-1)!;
	const ranAt = stampAt(observedAt, 'the latest date of the file');
	return caseLevel
		? casesTable(read, observedAt, ranAt)
		: {
				tool: 'csv',
				observedAt,
				observations: read.flatMap((r) => (r.o ? [r.o] : [])),
				runs: runsOf(read, ranAt)
			};
}

type ReadRow = {
	where: string;
	cell: (c: CsvColumn) => string;
	model: string;
	observedAt: string;
	suite: string;
};

/** One row of an evidence table: one observation. */
function observation(
	where: string,
	cell: (c: CsvColumn) => string,
	dated: () => string
): Observation {
	// Every cell through the strict readers: `0x5d` is not 93, `12` is not December 2001.
	const value = numberAt(cell('value'), `${where}, value`);
	const model = nameAt(cell('model'), `${where}, model`);
	const metric = nameAt(cell('metric'), `${where}, metric`);
	if (!model) throw new ResultsError(`${where}, model`, 'is empty');
	if (!metric) throw new ResultsError(`${where}, metric`, 'is empty');
	const n = cell('samples') === '' ? undefined : countAt(cell('samples'), `${where}, samples`);
	const stderr =
		cell('stderr') === '' ? undefined : nonNegativeAt(cell('stderr'), `${where}, stderr`);
	return {
		models: [model],
		metric,
		value,
		// A table's values are taken in the capability's own unit: no fraction guessing.
		fraction: false,
		observedAt: dated(),
		...(n !== undefined ? { sampleSize: n } : {}),
		...(stderr !== undefined ? { stderr } : {}),
		task: nameAt(cell('task'), `${where}, task`) || metric,
		where
	};
}

/** Rows grouped by (suite, model), in the order each group first appears. */
function groups(rows: readonly ReadRow[]): ReadRow[][] {
	const out = new Map<string, ReadRow[]>();
	for (const row of rows) {
		const key = `${row.suite}\u0000${row.model}`;
		const group = out.get(key);
		if (group) group.push(row);
		else out.set(key, [row]);
	}
	return [...out.values()];
}

/** An evidence table's runs: one per (suite, model), without cases. */
function runsOf(rows: readonly ReadRow[], ranAt: string): ParsedRun[] {
	return groups(rows).map((g) => ({
		models: [g[0]!.model],
		...(g[0]!.suite ? { suite: g[0]!.suite } : {}),
		ranAt,
		cases: [],
		summaryOnly: true
	}));
}

/** A case-level table: a run per (suite, model) with its cases, and their pass rate and means. */
function casesTable(rows: readonly ReadRow[], observedAt: string, ranAt: string): ParsedResults {
	const observations: Observation[] = [];
	const runs: ParsedRun[] = [];
	for (const group of groups(rows)) {
		const { model, suite } = group[0]!;
		const latest = group
			.map((r) => r.observedAt)
			.sort()
			.at(-1)!;
		const cases = group.map(({ where, cell }) => {
			const value = cell('value') === '' ? undefined : numberAt(cell('value'), `${where}, value`);
			let pass: boolean | undefined;
			if (cell('pass') !== '') {
				pass = PASS[cell('pass').toLowerCase()];
				if (pass === undefined)
					throw new ResultsError(
						`${where}, pass`,
						`is ${JSON.stringify(clip(cell('pass'), 40))}, not true/false, pass/fail, yes/no or 1/0`
					);
			} else if (value === 0 || value === 1) pass = value === 1;
			else
				throw new ResultsError(
					`${where}, pass`,
					'is empty, and the value is not 0 or 1 to stand for it'
				);
			const key = cell('case');
			if (!key) throw new ResultsError(`${where}, case`, 'is empty');
			const description = cell('description');
			const reason = cell('reason');
			return {
				key,
				pass,
				...(value !== undefined ? { score: value } : {}),
				...(description ? { description: clip(description, 300) } : {}),
				...(reason && !pass ? { reason: clip(reason, LIMITS.reason) } : {}),
				metric: cell('metric') || 'score'
			};
		});
		runs.push({
			models: [model],
			...(suite ? { suite } : {}),
			ranAt,
			cases: withUniqueKeys(cases.map(({ metric: _metric, ...c }): EvalCase => c))
		});
		const task = suite || 'all cases';
		const where = (metric: string) => `rows (${metric} of ${JSON.stringify(model)})`;
		observations.push({
			models: [model],
			metric: 'pass-rate',
			value: round((100 * cases.filter((c) => c.pass).length) / cases.length, 2),
			fraction: false,
			sampleSize: cases.length,
			observedAt: latest,
			task,
			where: where('pass-rate')
		});
		const metrics = [...new Set(cases.flatMap((c) => (c.score === undefined ? [] : [c.metric])))];
		for (const metric of metrics) {
			const scores = cases.flatMap((c) =>
				c.metric === metric && c.score !== undefined ? [c.score] : []
			);
			observations.push({
				models: [model],
				metric: nameAt(metric, where(metric)),
				value: round(scores.reduce((a, b) => a + b, 0) / scores.length),
				fraction: false,
				sampleSize: scores.length,
				observedAt: latest,
				task,
				where: where(metric)
			});
		}
	}
	return { tool: 'csv', observedAt, observations, runs };
}
