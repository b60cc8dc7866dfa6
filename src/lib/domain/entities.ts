/**
 * What the entities of DESIGN.md and the workspace file are, without zod: the file's format and
 * version, the fixed lists of statuses and kinds, the defaults, the length limits, and the small
 * rules on roles and open items. The board, the charts and the rules import these from here, so
 * a page that only reads a workspace never loads the validator; schemas.ts and workspace.ts build
 * the zod schemas from the same values.
 */
import type { Capability, Item, Model } from './schemas';
import type { Workspace } from './workspace';

export const WORKSPACE_FORMAT = 'capmap.workspace';
/** The version this Capmap writes. It reads version 1 too: every role `llm`, no findings or runs. */
export const WORKSPACE_VERSION = 2;

/** A workspace as its file is written: indented JSON, one trailing newline. */
export function serializeWorkspace(workspace: Workspace): string {
	return JSON.stringify(workspace, null, 2) + '\n';
}

/**
 * The longest text each kind of field may hold. Not a storage limit but a guard: a runaway value
 * (a 10-million-character model name from a broken export) is a problem with a path when the
 * file is read, not a crash far downstream when a brief or a table is built from it. Generous
 * for real data: a name fits on a line, a Markdown body is a long document.
 */
export const LIMITS = {
	id: 200,
	name: 300,
	/** Generated source titles name a tool, a file and a task. */
	title: 1000,
	url: 2048,
	/** Timestamps and other machine-written short strings. */
	stamp: 100,
	/** A grader's reason for one test case, as an eval tool writes it; longer ones are cut. */
	reason: 2000,
	body: 1_000_000
} as const;

export const DIRECTIONS = ['higher', 'lower'] as const;
export const MODEL_STATUSES = ['production', 'available', 'announced', 'retired'] as const;
/** Evidence kinds in order of trust: the first is trusted most. */
export const EVIDENCE_KINDS = [
	'internal-eval',
	'benchmark',
	'user-research',
	'vendor-claim',
	'anecdote'
] as const;
export const ITEM_STATUSES = ['idea', 'planned', 'in-progress', 'shipped', 'cut'] as const;
export const OPEN_ITEM_STATUSES = ['idea', 'planned', 'in-progress'] as const;
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const DECISION_KINDS = ['roadmap', 'safety', 'eval', 'vendor'] as const;
export const DECISION_STATUSES = ['proposed', 'decided', 'superseded'] as const;
export const CLASSIFICATIONS = ['prompt-failure', 'capability-gap', 'policy-gap'] as const;
export const FINDING_KINDS = ['flagged-output', 'user-research', 'eval-case', 'other'] as const;

/** The role a model fills and a capability asks for when none is written. */
export const DEFAULT_ROLE = 'llm';

export const DEFAULT_SETTINGS = { staleAfterDays: 180, minSampleSize: 100 } as const;

export function isOpen(item: Pick<Item, 'status'>): boolean {
	return (OPEN_ITEM_STATUSES as readonly string[]).includes(item.status);
}

/** The role a capability asks for (absent: `llm`). */
export function roleOf(capability: Pick<Capability, 'role'>): string {
	return capability.role ?? DEFAULT_ROLE;
}

/** The roles a model can fill (absent: `["llm"]`). */
export function rolesOf(model: Pick<Model, 'roles'>): readonly string[] {
	return model.roles ?? [DEFAULT_ROLE];
}

/** A model is a candidate for a capability whose role is among its roles, and judged on no other. */
export function isCandidate(
	model: Pick<Model, 'roles'>,
	capability: Pick<Capability, 'role'>
): boolean {
	return rolesOf(model).includes(roleOf(capability));
}

/** The workspace file's lists of records, in the file's order. */
export const RECORD_KINDS = [
	'capabilities',
	'models',
	'evidence',
	'items',
	'decisions',
	'findings',
	'evalRuns',
	'briefs'
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What one record of each kind is called in a sentence. */
export const RECORD_NOUNS: Record<RecordKind, string> = {
	capabilities: 'capability',
	models: 'model',
	evidence: 'evidence',
	items: 'item',
	decisions: 'decision',
	findings: 'finding',
	evalRuns: 'eval run',
	briefs: 'brief'
};
