/**
 * The workspace file of DESIGN.md: one JSON document that import, export and the command line
 * share. `validateWorkspace` never throws on any input: it returns the parsed workspace, or every
 * problem as `json.path: sentence`, including duplicate ids and dangling references.
 */
import { z } from 'zod';
import { parseJsonText } from './json-text';
import { isPlainArray, PlainEvidenceCheck } from './plain-evidence';
import { PlainItemCheck } from './plain-items';
import { describe, formatPath, formatProblem, issueSentence, type Problem } from './problems';
import { DEFAULT_SETTINGS, LIMITS, WORKSPACE_FORMAT, WORKSPACE_VERSION } from './entities';
import {
	Brief,
	Capability,
	Decision,
	EvalRun,
	Evidence,
	Finding,
	Item,
	Model,
	Settings,
	text
} from './schemas';

export const Workspace = z.object({
	format: z.literal(WORKSPACE_FORMAT, `must be "${WORKSPACE_FORMAT}"`),
	version: z
		.literal([1, 2], 'must be 1 or 2 (this Capmap reads workspace file versions 1 and 2)')
		.transform((): typeof WORKSPACE_VERSION => WORKSPACE_VERSION),
	name: text(LIMITS.name),
	settings: Settings.default({ ...DEFAULT_SETTINGS }),
	capabilities: z.array(Capability).default([]),
	models: z.array(Model).default([]),
	evidence: z.array(Evidence).default([]),
	items: z.array(Item).default([]),
	decisions: z.array(Decision).default([]),
	findings: z.array(Finding).default([]),
	evalRuns: z.array(EvalRun).default([]),
	briefs: z.array(Brief).default([])
});
export type Workspace = z.infer<typeof Workspace>;

// Where the workspace's callers have always found them.
export { formatPath, formatProblem, issueSentence, type Problem };

export type ValidationResult =
	{ ok: true; workspace: Workspace } | { ok: false; problems: Problem[] };

export function emptyWorkspace(name = 'Untitled workspace'): Workspace {
	return {
		format: WORKSPACE_FORMAT,
		version: WORKSPACE_VERSION,
		name,
		settings: { ...DEFAULT_SETTINGS },
		capabilities: [],
		models: [],
		evidence: [],
		items: [],
		decisions: [],
		findings: [],
		evalRuns: [],
		briefs: []
	};
}

type Row = Record<string, unknown>;
function rows(input: unknown, key: string): Row[] {
	if (input === null || typeof input !== 'object') return [];
	const list = (input as Row)[key];
	return Array.isArray(list) ? (list as Row[]) : [];
}
function field(row: unknown, key: string): string | undefined {
	if (row === null || typeof row !== 'object') return undefined;
	const value = (row as Row)[key];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

import { RECORD_KINDS, RECORD_NOUNS, type RecordKind } from './entities';
export { RECORD_KINDS, type RecordKind };

/** Each id's first position in a list. */
function firstIndexes(list: readonly Row[]): Map<string, number> {
	const first = new Map<string, number>();
	list.forEach((row, index) => {
		const rowId = field(row, 'id');
		if (rowId !== undefined && !first.has(rowId)) first.set(rowId, index);
	});
	return first;
}

/**
 * Duplicate ids and dangling references, read defensively from the raw input so they are found
 * even when other parts of the file fail the schema.
 */
function referenceProblems(input: unknown): Problem[] {
	const problems: Problem[] = [];
	const ids: Record<string, Set<string>> = {};
	for (const [key, noun] of Object.entries(RECORD_NOUNS)) {
		// One Set per list: a big file's 100,000 evidence ids are hashed once. Where each id was
		// first seen is indexed only when the list has a duplicate, which is rare.
		const list = rows(input, key);
		const seen = new Set<string>();
		let firstSeen: Map<string, number> | undefined;
		for (let index = 0; index < list.length; index++) {
			const rowId = field(list[index], 'id');
			if (rowId === undefined) continue;
			const before = seen.size;
			seen.add(rowId);
			if (seen.size > before) continue;
			firstSeen ??= firstIndexes(list);
			problems.push({
				path: `${key}[${index}].id`,
				message: `duplicate ${noun} id ${JSON.stringify(rowId)} (also ${key}[${firstSeen.get(rowId)}])`
			});
		}
		ids[key] = seen;
	}
	const dangling = (path: string, noun: string, pool: string, value: string | undefined) => {
		if (value !== undefined && !ids[pool]!.has(value))
			problems.push({ path, message: `no ${noun} ${JSON.stringify(value)}` });
	};
	// Evidence and requirements are the bulk of a big file: their paths are written only for the
	// references that dangle.
	const models = ids.models!;
	const capabilities = ids.capabilities!;
	const evidence = rows(input, 'evidence');
	for (let i = 0; i < evidence.length; i++) {
		const modelId = field(evidence[i], 'modelId');
		if (modelId !== undefined && !models.has(modelId))
			dangling(`evidence[${i}].modelId`, 'model', 'models', modelId);
		const capabilityId = field(evidence[i], 'capabilityId');
		if (capabilityId !== undefined && !capabilities.has(capabilityId))
			dangling(`evidence[${i}].capabilityId`, 'capability', 'capabilities', capabilityId);
	}
	const items = rows(input, 'items');
	for (let i = 0; i < items.length; i++) {
		const requirements = rows(items[i], 'requirements');
		for (let j = 0; j < requirements.length; j++) {
			const capabilityId = field(requirements[j], 'capabilityId');
			if (capabilityId !== undefined && !capabilities.has(capabilityId))
				dangling(
					`items[${i}].requirements[${j}].capabilityId`,
					'capability',
					'capabilities',
					capabilityId
				);
		}
	}
	const danglingList = (row: Row, key: string, path: string, noun: string, pool: string) => {
		const list = row?.[key];
		if (!Array.isArray(list)) return;
		list.forEach((value, j) =>
			dangling(
				`${path}.${key}[${j}]`,
				noun,
				pool,
				typeof value === 'string' && value !== '' ? value : undefined
			)
		);
	};
	rows(input, 'decisions').forEach((row, i) => {
		const path = `decisions[${i}]`;
		danglingList(row, 'itemIds', path, 'item', 'items');
		danglingList(row, 'modelIds', path, 'model', 'models');
		danglingList(row, 'findingIds', path, 'finding', 'findings');
		dangling(`${path}.supersedes`, 'decision', 'decisions', field(row, 'supersedes'));
	});
	rows(input, 'findings').forEach((row, i) => {
		const path = `findings[${i}]`;
		dangling(`${path}.modelId`, 'model', 'models', field(row, 'modelId'));
		dangling(`${path}.capabilityId`, 'capability', 'capabilities', field(row, 'capabilityId'));
		danglingList(row, 'itemIds', path, 'item', 'items');
	});
	rows(input, 'evalRuns').forEach((row, i) =>
		dangling(`evalRuns[${i}].modelId`, 'model', 'models', field(row, 'modelId'))
	);
	rows(input, 'briefs').forEach((row, i) =>
		dangling(`briefs[${i}].modelId`, 'model', 'models', field(row, 'modelId'))
	);
	return problems;
}

/**
 * The problems of one evidence record against the file format, with paths inside the record
 * (`sampleSize: must be a whole number`): what an importer checks before it adds a record, so
 * that whatever it writes, `validate` accepts.
 */
export function evidenceProblems(
	record: unknown,
	check: PlainEvidenceCheck = new PlainEvidenceCheck()
): Problem[] {
	if (check.accepts(record)) return [];
	const parsed = Evidence.safeParse(record);
	if (parsed.success) return [];
	return parsed.error.issues.map((issue) => ({
		path: formatPath(issue.path),
		message: issueSentence(issue, record)
	}));
}

/** The evidence list as it is, when every record in it is plain; else undefined. */
function plainEvidence(list: unknown): Evidence[] | undefined {
	if (!isPlainArray(list)) return undefined;
	const check = new PlainEvidenceCheck();
	for (let i = 0; i < list.length; i++) if (!check.accepts(list[i])) return undefined;
	return list as Evidence[];
}

/** The items as the schema returns them, when every one is plain; else undefined. */
function plainItems(list: unknown): Item[] | undefined {
	if (!isPlainArray(list)) return undefined;
	const check = new PlainItemCheck();
	const items = new Array<Item>(list.length);
	for (let i = 0; i < list.length; i++) {
		const item = check.plain(list[i]);
		if (item === undefined) return undefined;
		items[i] = item;
	}
	return items;
}

export function validateWorkspace(input: unknown): ValidationResult {
	if (input === null || typeof input !== 'object' || Array.isArray(input))
		return {
			ok: false,
			problems: [{ path: '(file)', message: `must be a JSON object, not ${describe(input)}` }]
		};
	// Plainly well-formed evidence and items skip zod's copies (plain-evidence.ts,
	// plain-items.ts): each list is zod's to judge whole unless every record in it is plain, so
	// the problems are zod's own either way. zod checks the rest.
	const evidence = plainEvidence((input as Row).evidence);
	const items = plainItems((input as Row).items);
	const parsed = Workspace.safeParse(
		evidence || items
			? { ...input, ...(evidence && { evidence: [] }), ...(items && { items: [] }) }
			: input
	);
	if (parsed.success) {
		if (evidence) parsed.data.evidence = evidence;
		if (items) parsed.data.items = items;
	}
	const problems: Problem[] = parsed.success
		? []
		: parsed.error.issues.map((issue) => ({
				path: formatPath(issue.path),
				message: issueSentence(issue, input)
			}));
	problems.push(...referenceProblems(input));
	if (problems.length > 0 || !parsed.success) return { ok: false, problems };
	const isVersion1 = (input as { version?: unknown }).version === 1;
	return { ok: true, workspace: isVersion1 ? asVersion1(parsed.data) : parsed.data };
}

/**
 * Version 1 had no roles, findings or eval runs: a version 1 file means every role `llm`, whatever
 * extra fields it carries, exactly as a version 1 reader (which ignored unknown fields) saw it.
 */
function asVersion1(ws: Workspace): Workspace {
	return {
		...ws,
		capabilities: ws.capabilities.map(({ role: _role, ...capability }) => capability),
		models: ws.models.map(({ roles: _roles, ...model }) => model),
		findings: [],
		evalRuns: []
	};
}

/**
 * Parses the text of a workspace file; a JSON syntax error is one problem naming where it is.
 * Text from a file comes through decode.ts, which strips a byte-order mark; one left in a string
 * is stripped here too, as it is no part of the JSON.
 */
export function parseWorkspaceText(source: string): ValidationResult {
	const json = parseJsonText(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
	if (!json.ok) return { ok: false, problems: [{ path: '(file)', message: json.problem }] };
	return validateWorkspace(json.value);
}
