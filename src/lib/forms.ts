/** Form validation with the domain's zod schemas: errors keyed by field path, shown beside fields. */
import type { z } from 'zod';
import { issueSentence } from './domain/problems';

export type FieldErrors = Record<string, string>;

export function validate<T>(
	schema: z.ZodType<T>,
	value: unknown
): { data?: T; errors: FieldErrors } {
	const result = schema.safeParse(value);
	if (result.success) return { data: result.data, errors: {} };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = issue.path.join('.');
		errors[key] ??=
			issue.code === 'invalid_type' && issue.input === undefined
				? 'Required.'
				: sentence(issueSentence(issue, value));
	}
	return { errors };
}

function sentence(message: string): string {
	const text = message.charAt(0).toUpperCase() + message.slice(1);
	return text.endsWith('.') ? text : `${text}.`;
}

/** Empty form inputs mean "not given" for optional fields. */
export function optional(value: string): string | undefined {
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** A chosen value, or absent when the choice is empty (a select's "none", an untouched field). */
export function optionalChoice<V>(value: V | '' | undefined): V | undefined {
	return value === '' || value === undefined ? undefined : value;
}

export function optionalNumber(value: string | number | null | undefined): number | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	return Number(value);
}
