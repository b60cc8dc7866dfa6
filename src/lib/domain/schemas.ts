/**
 * The entities of DESIGN.md as zod schemas. Every type in the app, the command line and the tests
 * comes from here through z.infer, so a field is spelled once. The lists, defaults and limits the
 * schemas are built from are in entities.ts, which does not load zod.
 */
import { z } from 'zod';
import {
	CLASSIFICATIONS,
	DECISION_KINDS,
	DECISION_STATUSES,
	DEFAULT_SETTINGS,
	DIRECTIONS,
	EVIDENCE_KINDS,
	FINDING_KINDS,
	ITEM_STATUSES,
	LIMITS,
	MODEL_STATUSES,
	PRIORITIES
} from './entities';
import { isRealDate } from './strict';

// zod compiles object parsers with `new Function` unless told not to. The app's
// Content-Security-Policy forbids eval (the browser would report zod's probe for it as a policy
// violation), and for our files the interpreter is as fast: 10,000 items and 100,000 evidence
// records validate in the same time either way. Set here, before the first schema is built, so the
// app, its worker, the command line and the tests all validate the same way.
z.config({ jitless: true });

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
