/**
 * How a workspace names an eval tool's models and metrics: `{ "<tool's name>": "<workspace id>" }`.
 * The importers read it (MAP.json on the command line), and the app remembers the one chosen on
 * screen between imports. It lives in the domain so storage need not import from the importers.
 */
export interface ResultsMap {
	models: Record<string, string>;
	metrics: Record<string, string>;
}
