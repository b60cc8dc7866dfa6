/**
 * The performance marks and measures the app records for `npm run bench`, by name: the code that
 * records one and the benchmark that reads it both import the name from here.
 */
export const PERF_MARKS = {
	/** Mark: the workspace's live query delivered a result (state/app.svelte.ts). */
	workspaceRead: 'capmap:live:workspace',
	/** Mark: the board finished drawing its columns (components/Board.svelte). */
	boardRendered: 'capmap:board-rendered',
	/** Measure: writing an imported workspace file (components/WorkspaceImport.svelte). */
	importWrite: 'capmap:import-write',
	/** Measure: generating a brief (routes/briefs). */
	briefGenerate: 'capmap:brief-generate',
	/** Measure: a brief's preview and checks after an edit (components/BriefWorkbench.svelte). */
	preview: 'capmap:preview',
	/** Measure: the dependency map's layout (components/charts/DependencyMap.svelte). */
	mapLayout: 'capmap:map-layout',
	/** Measure: the timeline's data (components/charts/TimelineChart.svelte). */
	timelineData: 'capmap:timeline-data',
	/** Measure: the capability matrix's data (routes/charts/matrix). */
	matrixData: 'capmap:matrix-data',
	/** Measure: reading and parsing an eval-results file, in the worker (routes/evidence/import). */
	resultsParse: 'capmap:results-parse',
	/** Measure: mapping the parsed results and computing their impact (routes/evidence/import). */
	resultsMap: 'capmap:results-map',
	/** Measure: committing the mapped evidence (routes/evidence/import). */
	resultsCommit: 'capmap:results-commit',
	/** Mark: the changes feed's first frame is painted (routes/changes). */
	changesFeed: 'capmap:changes-feed',
	/** Mark: a shared workspace's doc is in step with the sync server (sharing/session.ts). */
	sharingSynced: 'capmap:sharing-synced',
	/** Measure: reading and checking the whole shared doc as a workspace (sharing/doc-to-local.ts). */
	readModelRead: 'capmap:read-model-read',
	/** Measure: writing that workspace into the local tables (sharing/doc-to-local.ts). */
	readModelWrite: 'capmap:read-model-write',
	/** Measure: writing others' field edits into the local tables, record by record (same). */
	readModelRecords: 'capmap:read-model-records'
} as const;
