/**
 * Roles in words and back: the Models and Capabilities editors write roles as text, and show the
 * roles the workspace already uses so that `embedding` is not typed as `embeddings` the next time.
 */
import { DEFAULT_ROLE, roleOf, rolesOf } from './entities';
import type { Capability, Model } from './schemas';

/** Every role a capability asks for or a model fills, `llm` always among them, sorted. */
export function rolesInUse(
	capabilities: readonly Pick<Capability, 'role'>[],
	models: readonly Pick<Model, 'roles'>[]
): string[] {
	const roles = new Set<string>([DEFAULT_ROLE]);
	for (const c of capabilities) roles.add(roleOf(c));
	for (const m of models) for (const r of rolesOf(m)) roles.add(r);
	return [...roles].sort();
}

/** `"llm, embedding"` → `["llm", "embedding"]`: split on commas or spaces, each once, in order. */
export function parseRoles(text: string): string[] {
	return [...new Set(text.split(/[\s,]+/).filter((r) => r !== ''))];
}
