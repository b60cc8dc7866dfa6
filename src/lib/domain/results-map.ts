/**
 * How a workspace names an eval tool's models and metrics: `{ "<tool's name>": "<workspace id>" }`.
 * The importers read it (MAP.json on the command line), and the app remembers the one chosen on
 * screen between imports. It lives in the domain so storage need not import from the importers.
 */
export interface ResultsMap {
	models: Record<string, string>;
	metrics: Record<string, string>;
}

/** What the mapping screen needs of one observation: the tool's names for its model and metric. */
export interface NamedObservation {
	/** The tool's names for the model, the one shown first (a label, then an id). */
	models: readonly string[];
	metric: string;
}

const folded = (name: string) => name.trim().toLowerCase();

/**
 * The mapping the screen starts from. A name mapped in an earlier import keeps its mapping (if the
 * model or capability still exists); a model the tool names exactly as a workspace model's id or
 * name, in any case, maps to it. Nothing else is guessed: the user chooses.
 */
export function suggestMap(
	observations: Iterable<NamedObservation>,
	remembered: ResultsMap,
	workspace: {
		models: readonly { id: string; name: string }[];
		capabilities: readonly { id: string }[];
	}
): ResultsMap {
	const modelIds = new Set(workspace.models.map((m) => m.id));
	const capabilityIds = new Set(workspace.capabilities.map((c) => c.id));
	const byName = new Map<string, string>();
	// Ids first, so a model whose name is another model's id does not take that name.
	for (const m of workspace.models) byName.set(folded(m.name), m.id);
	for (const m of workspace.models) byName.set(folded(m.id), m.id);
	const suggested: ResultsMap = { models: {}, metrics: {} };
	for (const o of observations) {
		const shown = o.models[0];
		if (shown !== undefined && suggested.models[shown] === undefined) {
			const known =
				o.models.map((n) => remembered.models[n]).find((id) => id && modelIds.has(id)) ??
				o.models.map((n) => byName.get(folded(n))).find(Boolean);
			if (known) suggested.models[shown] = known;
		}
		const metric = remembered.metrics[o.metric];
		if (metric && capabilityIds.has(metric)) suggested.metrics[o.metric] = metric;
	}
	return suggested;
}
