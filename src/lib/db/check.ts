/**
 * The gate every write passes: records are checked by the workspace file's own validator
 * (domain/workspace.ts) before they are stored, so whatever the database holds can be exported
 * and read back. A record is checked as the file would check it — its schema, and the records
 * it names (an evidence record's model, an item's capabilities) — after a JSON round trip, so
 * what is stored is exactly what an export would write.
 *
 * The validator (zod and the schemas) is loaded with the first write, not with the app: a page
 * that only reads a workspace never needs it. A write awaits `loadChecks()` before its
 * transaction starts, since waiting on anything but the database inside one would commit it.
 */
import type { Problem, Workspace } from '$lib/domain/workspace';
import { InvalidRecord } from './errors';

type Tables = Pick<
	Workspace,
	| 'capabilities'
	| 'models'
	| 'evidence'
	| 'items'
	| 'decisions'
	| 'findings'
	| 'evalRuns'
	| 'briefs'
>;
export type TableName = keyof Tables;
type Row<K extends TableName> = Tables[K][number];

const NOUN: Record<TableName, string> = {
	capabilities: 'capability',
	models: 'model',
	evidence: 'evidence record',
	items: 'item',
	decisions: 'decision',
	findings: 'finding',
	evalRuns: 'eval run',
	briefs: 'brief'
};

/** The tables whose records a record of each table may name. */
export const NAMED_BY: Record<TableName, readonly TableName[]> = {
	capabilities: [],
	models: [],
	evidence: ['models', 'capabilities'],
	items: ['capabilities'],
	decisions: ['items', 'models', 'findings', 'decisions'],
	findings: ['models', 'capabilities', 'items'],
	evalRuns: ['models'],
	briefs: ['models']
};

/** What a problem says, with the record's own path: `items[3].owner` → `owner`. */
function within(problem: Problem): string {
	const field = problem.path.replace(/^\w+\[\d+\]\.?/, '');
	return field ? `${field}: ${problem.message}` : problem.message;
}

function refuse(subject: string, problems: readonly Problem[], local = true): InvalidRecord {
	const first = local ? within(problems[0]!) : `${problems[0]!.path}: ${problems[0]!.message}`;
	const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
	return new InvalidRecord(`${subject} is not valid — ${first}${more}`, problems);
}

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type Validator = Pick<
	typeof import('$lib/domain/workspace'),
	'emptyWorkspace' | 'validateWorkspace'
>;

let loading: Promise<Checks> | undefined;

/** The checks, once the validator is loaded (once; a failed load is tried again next time). */
export function loadChecks(): Promise<Checks> {
	loading ??= import('$lib/domain/workspace').then(
		(validator) => new Checks(validator),
		(error: unknown) => {
			loading = undefined;
			throw error;
		}
	);
	return loading;
}

export class Checks {
	readonly #validator: Validator;

	constructor(validator: Validator) {
		this.#validator = validator;
	}

	/**
	 * Checks `records` about to be written to `table`. `pools` are the stored records they may
	 * name; a pool for `table` itself holds the other records of that table (for duplicate ids and
	 * references between records of one kind). Problems of the pools themselves are not this
	 * write's. Returns the records as they will be stored.
	 */
	records<K extends TableName>(
		table: K,
		records: readonly Row<K>[],
		pools: Partial<Tables> = {},
		describe?: (record: Row<K>) => string
	): Row<K>[] {
		const written = roundTrip(records) as Row<K>[];
		const own = (pools[table] ?? []) as Row<K>[];
		const assembled = {
			...this.#validator.emptyWorkspace(''),
			...pools,
			[table]: [...own, ...written]
		};
		const result = this.#validator.validateWorkspace(assembled);
		if (result.ok) return result.workspace[table].slice(own.length) as Row<K>[];
		const mine = result.problems.filter((p) => {
			const match = /^(\w+)\[(\d+)\]/.exec(p.path);
			return match?.[1] === table && Number(match[2]) >= own.length;
		});
		if (mine.length === 0) return written; // only stored records have problems: not this write's
		if (records.length === 1 && !describe) throw refuse(`the ${NOUN[table]}`, mine);
		const index = Number(/\[(\d+)\]/.exec(mine[0]!.path)![1]) - own.length;
		const record = written[index]!;
		const name = describe ? ` (${describe(record)})` : '';
		throw refuse(`${NOUN[table]} ${index + 1} of ${records.length}${name}`, mine);
	}

	/** Checks a whole workspace — or a parsed workspace file — as an import of its file would. */
	workspace(input: unknown): Workspace {
		const result = this.#validator.validateWorkspace(input);
		if (result.ok) return result.workspace;
		const count = result.problems.length;
		throw refuse(
			`the workspace (${count} problem${count === 1 ? '' : 's'})`,
			result.problems,
			false
		);
	}

	/** Checks a workspace name and settings. */
	settings(name: string, settings: Workspace['settings']): Pick<Workspace, 'name' | 'settings'> {
		const result = this.#validator.validateWorkspace({
			...this.#validator.emptyWorkspace(name),
			settings: roundTrip(settings)
		});
		if (!result.ok) throw refuse('the settings', result.problems, false);
		return { name: result.workspace.name, settings: result.workspace.settings };
	}
}
