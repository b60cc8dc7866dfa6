/**
 * The one edit → validate → save flow of every entity form (capabilities, models, evidence,
 * decisions in their dialogs; roadmap items on their page). The form edits `fields`, plain
 * strings and lists for inputs; `submit` turns them into a record over the one the form opened
 * with (so fields the form does not show are kept), validates it with the domain schema (errors
 * keyed by field, shown beside it), and saves it as a field-level edit through a typed command.
 * A failed save keeps every field as typed and shows the failure in words; a conflict with
 * another tab waits for the user's choice, field by field, then saves.
 */
import type { z } from 'zod';
import { validate, type FieldErrors } from '$lib/forms';
import type { Edit } from '$lib/db/entity-repo';
import type { WriteFailure, WriteResult } from './write-result';

export interface EntityFormOptions<T extends { id: string }, F extends object> {
	/** What the form is about, for "Discard your changes to this capability?". */
	noun: string;
	/** The form's fields for a record (null: a new one). */
	toFields(record: T | null): F;
	/** A candidate record from the fields, over `base` so that fields the form hides are kept. */
	fromFields(fields: F, base: T | null): unknown;
	schema: z.ZodType<T>;
	save(edit: Edit<T>): Promise<WriteResult<T>>;
	/** Record field → its label, for the conflict choice. */
	labels?: Readonly<Record<string, string>>;
	/** Asks a yes/no question (the browser's confirm unless told otherwise). */
	ask?: (question: string) => boolean;
}

/** A conflict as the form shows it. */
export interface ShownConflict {
	field: string;
	label: string;
	mine: string;
	theirs: string;
}

/** A stored value as a person reads it in the conflict choice. */
export function shown(value: unknown): string {
	if (value === undefined || value === null || value === '') return '(empty)';
	if (Array.isArray(value))
		return value.every((v) => typeof v !== 'object')
			? value.join(', ') || '(none)'
			: `${value.length} entr${value.length === 1 ? 'y' : 'ies'}`;
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** Fields as text: a number input gives 90 where the form began with "90", and null for "". */
const asText = (value: unknown) =>
	JSON.stringify(value, (_key, x: unknown) =>
		typeof x === 'number' ? String(x) : x === null ? '' : x
	);
/** Whether two sets of form fields say the same, whatever type an input gave back. */
export const sameFields = (a: unknown, b: unknown): boolean => asText(a) === asText(b);
const same = sameFields;

export class EntityForm<T extends { id: string }, F extends object> {
	#options: EntityFormOptions<T, F>;
	#base = $state.raw<T | null>(null);
	#fields = $state<F>({} as F);
	/** The fields as they were when the form opened (or last saved), to tell if it is dirty. */
	#opened = $state.raw<F>({} as F);
	#isOpen = $state(false);
	#errors = $state.raw<FieldErrors>({});
	#failure = $state.raw<WriteFailure | null>(null);
	#saving = $state(false);

	constructor(options: EntityFormOptions<T, F>) {
		this.#options = options;
	}

	/** What the form edits ("capability"). */
	get noun(): string {
		return this.#options.noun;
	}
	/** The form's fields, to bind inputs to. */
	get fields(): F {
		return this.#fields;
	}
	/** The record as the form opened it, or as last saved; null for a new one. */
	get base(): T | null {
		return this.#base;
	}
	get isOpen(): boolean {
		return this.#isOpen;
	}
	get errors(): FieldErrors {
		return this.#errors;
	}
	get failure(): WriteFailure | null {
		return this.#failure;
	}
	get saving(): boolean {
		return this.#saving;
	}
	/** Whether the fields differ from what the form opened with. */
	get dirty(): boolean {
		return this.#isOpen && !same(this.#fields, this.#opened);
	}
	/** Fields changed both here and in another tab, waiting for the user's choice. */
	get conflicts(): ShownConflict[] {
		const labels = this.#options.labels ?? {};
		return (this.#failure?.conflicts ?? []).map((c) => ({
			field: c.field,
			label: labels[c.field] ?? c.field,
			mine: shown(c.mine),
			theirs: shown(c.theirs)
		}));
	}

	/** Opens the form on a record (null: a new one), some fields given in advance. */
	open(record: T | null, given: Partial<F> = {}): void {
		const fields = { ...this.#options.toFields(record), ...given };
		this.#base = record;
		this.#fields = fields;
		this.#opened = structuredClone(fields);
		this.#errors = {};
		this.#failure = null;
		this.#isOpen = true;
	}

	/** Opens the form as a kept draft left it: on the record it began from, with its fields. */
	resume(base: T | null, fields: F): void {
		this.open(base);
		this.#fields = fields;
	}

	/** Closes the form; asks first when that would lose changes. False when the user says no. */
	close(): boolean {
		if (this.dirty && !this.#ask(`Discard your changes to this ${this.#options.noun}?`))
			return false;
		this.#isOpen = false;
		this.#failure = null;
		return true;
	}

	/** Back to the record as stored: the changes are dropped. */
	discard(record: T | null = this.#base): void {
		this.open(record);
	}

	#ask(question: string): boolean {
		const ask = this.#options.ask ?? ((q: string) => globalThis.confirm?.(q) ?? true);
		return ask(question);
	}

	/** Validates and saves. Answers the saved record, or null (errors or failure are shown). */
	async submit(): Promise<T | null> {
		if (this.#saving) return null;
		const snapshot = $state.snapshot(this.#fields) as F;
		const { data, errors } = validate(
			this.#options.schema,
			this.#options.fromFields(snapshot, this.#base)
		);
		this.#errors = errors;
		if (!data) return null;
		this.#saving = true;
		this.#failure = null;
		const result = await this.#options.save({ base: this.#base, next: data });
		this.#saving = false;
		if (!result.ok) {
			this.#failure = result.failure;
			return null;
		}
		const saved = result.value;
		this.#base = saved;
		// The form now shows the record as stored, other tabs' changes to other fields included —
		// unless something was typed while it saved, which stays (and is unsaved).
		if (same(this.#fields, snapshot)) this.#fields = this.#options.toFields(saved);
		this.#opened = this.#options.toFields(saved);
		return saved;
	}

	/**
	 * Settles one conflicting field: keep mine (write it over theirs) or take theirs (the field
	 * shows their value). Both rebase the field on the stored value. After the last one, saves.
	 */
	async resolve(field: string, choice: 'mine' | 'theirs'): Promise<T | null> {
		const failure = this.#failure;
		const conflict = failure?.conflicts?.find((c) => c.field === field);
		if (!failure || !conflict) return null;
		const theirs = conflict.theirs;
		if (this.#base) this.#base = { ...this.#base, [field]: theirs } as T;
		if (choice === 'theirs') {
			const current = $state.snapshot(this.#fields) as F;
			const candidate = this.#options.fromFields(current, this.#base) as Record<string, unknown>;
			const taken = this.#options.toFields({ ...candidate, [field]: theirs } as T);
			this.#fields = taken;
		}
		const left = failure.conflicts!.filter((c) => c.field !== field);
		this.#failure = left.length > 0 ? { ...failure, conflicts: left } : null;
		return left.length === 0 ? this.submit() : null;
	}
}
