/**
 * The entities of DESIGN.md as zod schemas. Every type in the app, the command line and the tests
 * comes from here through z.infer, so a field is spelled once.
 */
import { z } from 'zod';

export const id = z.string().min(1, 'must not be empty');
export const isoDate = z.iso.date('must be a date written YYYY-MM-DD');
export const quarter = z
	.string()
	.regex(/^\d{4}-Q[1-4]$/, 'must be a quarter written YYYY-Qn, e.g. 2026-Q3');

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

export const Capability = z.object({
	id,
	name: z.string().min(1, 'must not be empty'),
	description: z.string().optional(),
	category: z.string().optional(),
	unit: z.string(),
	direction: z.enum(DIRECTIONS)
});

export const ModelStatus = z.enum(MODEL_STATUSES);
export const Model = z.object({
	id,
	name: z.string().min(1, 'must not be empty'),
	vendor: z.string().optional(),
	status: ModelStatus,
	expectedAt: isoDate.optional(),
	notes: z.string().optional()
});

export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export const Evidence = z.object({
	id,
	modelId: id,
	capabilityId: id,
	value: z.number(),
	kind: EvidenceKind,
	source: z.object({
		title: z.string().min(1, 'must not be empty'),
		url: z.string().optional()
	}),
	observedAt: isoDate,
	sampleSize: z.number().int('must be a whole number').nonnegative().optional(),
	notes: z.string().optional()
});

export const Requirement = z.object({
	capabilityId: id,
	threshold: z.number(),
	must: z.boolean().default(true),
	note: z.string().optional()
});

export const ItemStatus = z.enum(ITEM_STATUSES);
export const Priority = z.enum(PRIORITIES);
export const Item = z.object({
	id,
	title: z.string().min(1, 'must not be empty'),
	description: z.string().optional(),
	quarter: quarter.optional(),
	status: ItemStatus,
	owner: z.string().optional(),
	priority: Priority.optional(),
	userImpact: z.string().optional(),
	tags: z.array(z.string()).optional(),
	requirements: z.array(Requirement)
});

export const DecisionKind = z.enum(DECISION_KINDS);
export const Decision = z.object({
	id,
	date: isoDate,
	title: z.string().min(1, 'must not be empty'),
	rationale: z.string(),
	kind: DecisionKind,
	itemIds: z.array(id).optional()
});

export const Brief = z.object({
	id,
	title: z.string(),
	modelId: id,
	asOf: isoDate,
	markdown: z.string(),
	createdAt: z.string(),
	updatedAt: z.string()
});

export const Settings = z.object({
	staleAfterDays: z.number().int('must be a whole number').nonnegative().default(180)
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
export type DecisionKind = z.infer<typeof DecisionKind>;
export type Brief = z.infer<typeof Brief>;
export type Settings = z.infer<typeof Settings>;
export type Direction = (typeof DIRECTIONS)[number];

export function isOpen(item: Pick<Item, 'status'>): boolean {
	return (OPEN_ITEM_STATUSES as readonly string[]).includes(item.status);
}
