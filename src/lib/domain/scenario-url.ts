/**
 * A scenario in the address bar, so Back, reload and a link sent to a colleague keep it:
 * `?model=<id>~<status>[~<expected date>]`, once per changed model. `~` never appears in a model
 * id's usual spelling and needs no escaping in a URL. Reading is forgiving of what a person may
 * have edited by hand: an unknown model, status or date is dropped and named, never guessed.
 */
import { isIsoDate } from './dates';
import type { ModelOverride } from './scenario';
import { type ModelStatus } from './schemas';
import { MODEL_STATUSES } from './entities';

const PARAM = 'model';
const SEP = '~';

/**
 * The scenario's query string (without `?`), in the order of the list (which follows the models).
 * `~` is left readable: it is unreserved in a URL, though form encoding escapes it.
 */
export function scenarioQuery(overrides: readonly ModelOverride[]): string {
	const params = new URLSearchParams();
	for (const o of overrides)
		params.append(PARAM, [o.modelId, o.status, ...(o.expectedAt ? [o.expectedAt] : [])].join(SEP));
	return params.toString().replaceAll('%7E', '~');
}

export interface ScenarioRead {
	overrides: ModelOverride[];
	/** What could not be read, one phrase each ("no model "x""). */
	ignored: string[];
}

export function readScenarioParams(
	params: URLSearchParams,
	modelIds: ReadonlySet<string>
): ScenarioRead {
	const overrides: ModelOverride[] = [];
	const ignored: string[] = [];
	const seen = new Set<string>();
	for (const value of params.getAll(PARAM)) {
		const parts = value.split(SEP);
		// An id may itself hold a "~": the status and date are the last parts.
		const date = parts.length >= 3 && isIsoDate(parts.at(-1)!) ? parts.pop()! : undefined;
		const status = parts.pop() ?? '';
		const modelId = parts.join(SEP);
		if (!modelIds.has(modelId)) ignored.push(`no model “${modelId}”`);
		else if (!(MODEL_STATUSES as readonly string[]).includes(status))
			ignored.push(`“${status}” is not a model status (for ${modelId})`);
		else if (seen.has(modelId)) ignored.push(`${modelId} named twice (the first kept)`);
		else {
			seen.add(modelId);
			overrides.push({
				modelId,
				status: status as ModelStatus,
				...(date ? { expectedAt: date } : {})
			});
		}
	}
	return { overrides, ignored };
}
