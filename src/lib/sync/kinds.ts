/**
 * What a shared workspace's Y.Doc holds, kind by kind: the record kinds of the workspace file,
 * their fields in the file's order, and which fields are long texts (Y.Text, merged character by
 * character) rather than plain values (one value wins, the other goes to history).
 */
import {
	Brief,
	Capability,
	Decision,
	EvalRun,
	Evidence,
	Finding,
	Item,
	Model
} from '../domain/schemas';
import { RECORD_KINDS, type RecordKind, type Workspace } from '../domain/workspace';

export { RECORD_KINDS, type RecordKind };

export type RecordOf<K extends RecordKind> = Workspace[K][number];

const SCHEMAS = {
	capabilities: Capability,
	models: Model,
	evidence: Evidence,
	items: Item,
	decisions: Decision,
	findings: Finding,
	evalRuns: EvalRun,
	briefs: Brief
} as const;

/** A record's fields in the order of its schema (and of the workspace file), `id` first. */
export function fieldsOf(kind: RecordKind): readonly string[] {
	return Object.keys(SCHEMAS[kind].shape);
}

/**
 * The long texts: Markdown bodies people write and rewrite, so two people typing in one both
 * keep their words. `spec.modelInput` and `spec.fallback` are the item's spec's two texts, kept
 * beside the rest of the spec (examples and scope lists stay one plain value). Evidence notes
 * and eval runs' case descriptions come from tools, not typing: they stay plain.
 */
export const TEXT_FIELDS: Record<RecordKind, readonly string[]> = {
	capabilities: ['description'],
	models: ['notes'],
	evidence: [],
	items: ['description', 'userImpact', 'spec.modelInput', 'spec.fallback'],
	decisions: ['rationale'],
	findings: ['summary'],
	evalRuns: [],
	briefs: ['markdown']
};

/** The spec's texts, by their name inside the spec. */
export const SPEC_TEXTS = ['modelInput', 'fallback'] as const;

export function isTextField(kind: RecordKind, field: string): boolean {
	return TEXT_FIELDS[kind].includes(field);
}
