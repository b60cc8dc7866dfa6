/**
 * The entities of DESIGN.md as zod schemas. Every type in the app, the command line and the tests
 * comes from here through z.infer, so a field is spelled once.
 */
import { z } from 'zod';
import { isRealDate } from './strict';

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

/** `1,000,000`: toLocaleString's grouping, without its first call's ICU start-up at every launch. */
const chars = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** Text of at most `max` characters, said the way a person would read it. */
export const text = (max: number) =>
	z.string().max(max, `must be at most ${chars(max)} characters`);
const nonEmptyText = (max: number) => text(max).min(1, 'must not be empty');
const name = nonEmptyText(LIMITS.name);
const body = text(LIMITS.body);

export const id = nonEmptyText(LIMITS.id);
/** A real day written YYYY-MM-DD (2026-02-30 is refused), in the years 1 to 9999: strict.ts. */
export const isoDate = z.string().refine(isRealDate, 'must be a date written YYYY-MM-DD');
export const quarter = z
	.string()
	.regex(/^\d{4}-Q[1-4]$/, 'must be a quarter written YYYY-Qn, e.g. 2026-Q3');
/** A count of cases: a whole number, zero or more. */
const count = z.number().int('must be a whole number').nonnegative('must be zero or more');

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
/** A role is a short id: `llm`, `embedding`, `reranker`, `speech-to-text`. */
export const role = z
	.string()
	.max(40, 'must be a short id of at most 40 characters')
	.regex(
		/^[a-z0-9][a-z0-9-]*$/,
		'must be a short id in lower-case letters, digits and dashes, such as llm or embedding'
	);

export const Capability = z.object({
	id,
	name,
	description: body.optional(),
	category: text(LIMITS.name).optional(),
	unit: text(LIMITS.name),
	direction: z.enum(DIRECTIONS),
	role: role.optional()
});

export const ModelStatus = z.enum(MODEL_STATUSES);
export const Model = z.object({
	id,
	name,
	vendor: text(LIMITS.name).optional(),
	status: ModelStatus,
	expectedAt: isoDate.optional(),
	roles: z.array(role).min(1, 'must name at least one role').optional(),
	notes: body.optional()
});

export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export const Evidence = z.object({
	id,
	modelId: id,
	capabilityId: id,
	value: z.number(),
	kind: EvidenceKind,
	source: z.object({
		title: nonEmptyText(LIMITS.title),
		url: text(LIMITS.url).optional()
	}),
	observedAt: isoDate,
	sampleSize: count.optional(),
	stderr: z.number().nonnegative('must be zero or more').optional(),
	notes: body.optional()
});

export const Requirement = z.object({
	capabilityId: id,
	threshold: z.number(),
	must: z.boolean().default(true),
	note: body.optional()
});

export const ItemStatus = z.enum(ITEM_STATUSES);
export const Priority = z.enum(PRIORITIES);
export const SpecExample = z.object({
	input: body,
	output: body,
	verdict: z.enum(['good', 'bad']),
	note: body.optional()
});
/** The AI feature spec: what the model receives, good and bad outputs, the fallback, the scope. */
export const Spec = z.object({
	modelInput: body.optional(),
	fallback: body.optional(),
	examples: z.array(SpecExample).optional(),
	inScope: z.array(body).optional(),
	outOfScope: z.array(body).optional()
});
export const Item = z.object({
	id,
	title: name,
	description: body.optional(),
	quarter: quarter.optional(),
	status: ItemStatus,
	owner: text(LIMITS.name).optional(),
	priority: Priority.optional(),
	userImpact: body.optional(),
	tags: z.array(text(LIMITS.name)).optional(),
	externalKey: text(LIMITS.id).optional(),
	externalUrl: text(LIMITS.url).optional(),
	spec: Spec.optional(),
	noModelDependency: z.boolean().optional(),
	requirements: z.array(Requirement)
});

export const DecisionKind = z.enum(DECISION_KINDS);
export const DecisionStatus = z.enum(DECISION_STATUSES);
export const Classification = z.enum(CLASSIFICATIONS);
export const Decision = z.object({
	id,
	date: isoDate,
	title: name,
	rationale: body,
	kind: DecisionKind,
	/** Absent means `decided`. */
	status: DecisionStatus.optional(),
	owner: text(LIMITS.name).optional(),
	classification: Classification.optional(),
	supersedes: id.optional(),
	itemIds: z.array(id).optional(),
	modelIds: z.array(id).optional(),
	findingIds: z.array(id).optional()
});

const Source = z.object({
	title: nonEmptyText(LIMITS.title),
	url: text(LIMITS.url).optional()
});
/** A qualitative observation: a flagged output, a user-research note, an eval case worth keeping. */
export const Finding = z.object({
	id,
	date: isoDate,
	kind: z.enum(FINDING_KINDS),
	summary: nonEmptyText(LIMITS.body),
	input: body.optional(),
	output: body.optional(),
	classification: Classification.optional(),
	modelId: id.optional(),
	capabilityId: id.optional(),
	itemIds: z.array(id).optional(),
	source: Source.optional()
});

/** One test case of an eval run: its key across runs, pass or fail, and what the file says. */
export const EvalCase = z.object({
	key: nonEmptyText(LIMITS.title),
	/** What a person reads when the key is not itself readable (a hash of the vars, an id). */
	description: body.optional(),
	pass: z.boolean(),
	score: z.number().optional(),
	/** The grader's reason, when the file gives one (kept for failing cases). */
	reason: text(LIMITS.reason).optional()
});

/** One run of one eval suite for one model, case by case. */
export const EvalRun = z.object({
	id,
	tool: name,
	suite: text(LIMITS.name),
	modelId: id,
	ranAt: nonEmptyText(LIMITS.stamp),
	/** The results file's name, as evidence source titles write it. */
	file: text(LIMITS.title).optional(),
	cases: z.array(EvalCase),
	/** The file held only summary scores for this run: `cases` is empty because none were given. */
	summaryOnly: z.literal(true).optional()
});

export const Brief = z.object({
	id,
	title: text(LIMITS.title),
	modelId: id,
	asOf: isoDate,
	markdown: body,
	createdAt: text(LIMITS.stamp),
	updatedAt: text(LIMITS.stamp)
});

export const DEFAULT_SETTINGS = { staleAfterDays: 180, minSampleSize: 100 } as const;
export const Settings = z.object({
	staleAfterDays: z
		.number()
		.int('must be a whole number')
		.nonnegative('must be zero or more')
		.default(DEFAULT_SETTINGS.staleAfterDays),
	minSampleSize: z
		.number()
		.int('must be a whole number')
		.min(1, 'must be at least 1')
		.default(DEFAULT_SETTINGS.minSampleSize)
});

export type Capability = z.infer<typeof Capability>;
export type Model = z.infer<typeof Model>;
export type ModelStatus = z.infer<typeof ModelStatus>;
export type Evidence = z.infer<typeof Evidence>;
export type EvidenceKind = z.infer<typeof EvidenceKind>;
export type Requirement = z.infer<typeof Requirement>;
export type Item = z.infer<typeof Item>;
export type ItemStatus = z.infer<typeof ItemStatus>;
export type Priority = z.infer<typeof Priority>;
export type Decision = z.infer<typeof Decision>;
export type DecisionStatus = z.infer<typeof DecisionStatus>;
export type Finding = z.infer<typeof Finding>;
export type EvalRun = z.infer<typeof EvalRun>;
export type Spec = z.infer<typeof Spec>;
export type DecisionKind = z.infer<typeof DecisionKind>;
export type Brief = z.infer<typeof Brief>;
export type Settings = z.infer<typeof Settings>;
export type Direction = (typeof DIRECTIONS)[number];

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
