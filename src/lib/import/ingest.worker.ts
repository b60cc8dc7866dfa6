/// <reference lib="webworker" />
/**
 * The eval-results import, off the main thread: reads and parses the file (reporting progress),
 * maps it against the stored workspace — through this worker's own connection to the same
 * database, kept current by a live query — and commits the new evidence in its own transaction.
 * The page receives only summaries and the first rows, so no main-thread task grows with the
 * file. Cancelling is terminating the worker: nothing is written before a commit, and a commit
 * is one transaction.
 */
import { liveQuery } from 'dexie';
import { CapmapDatabase } from '../db/database';
import { DATABASE_NAME } from '../db/status';
import { commitImport, importedBefore, rememberedMap } from '../db/import-repo';
import { loadWorkspace } from '../db/workspace-read';
import { caseChanges } from '../domain/eval-runs';
import { importNoteTitle, triageNote } from '../domain/triage';
import type { Workspace } from '../domain/workspace';
import { parseResults } from './detect';
import { movedValuesInWords } from './impact';
import { hash, ingest, type ResultsMap } from './ingest';
import { suggestMap } from '../domain/results-map';
import { decidingEvidence, indexEvidence, isSmallSample } from '../domain/evidence';
import type { Evidence } from '../domain/schemas';
import {
	PREVIEW_ROWS,
	type IngestPreview,
	type IngestRequest,
	type CreatedOnMapping,
	type IngestResponse,
	type PreviewRow
} from './ingest-protocol';
import { DecodeError, decodeText } from './decode';
import { ResultsError, type ParsedResults } from './results';

// No query cache: it would apply a 100,000-record commit to the cached live results one by one.
const db = new CapmapDatabase(DATABASE_NAME, { cache: 'disabled' });
// A newer Capmap in another tab is upgrading the database: let it. The page asks for a reload.
db.on('versionchange', () => {
	db.close();
	return false;
});

let file: { name: string; hash: string; parsed: ParsedResults } | undefined;
let workspace: Workspace | null | undefined;
let lastPreview: Extract<IngestRequest, { type: 'preview' }> | undefined;
const firstWorkspace = new Promise<void>((resolve) => {
	liveQuery(() => loadWorkspace(db)).subscribe({
		next: (value) => {
			workspace = value;
			resolve();
			// A model or capability created from the mapping screen arrives here: map again.
			if (lastPreview) void answer(lastPreview);
		},
		error: (error) => post({ type: 'failed', id: lastPreview?.id ?? 0, message: String(error) })
	});
});

const post = (message: IngestResponse) => self.postMessage(message);

/** The last mapping computed, reused by a commit of the same choices on the same workspace. */
let computed:
	{ base: Workspace; ws: Workspace; key: string; result: ReturnType<typeof ingest> } | undefined;

/**
 * The workspace as it will be once committed: with the models and capabilities created on the
 * mapping screen, which are written only with the commit (import-repo.ts).
 */
function withCreated(base: Workspace, created: CreatedOnMapping): Workspace {
	if (created.models.length === 0 && created.capabilities.length === 0) return base;
	return {
		...base,
		models: [...base.models, ...created.models],
		capabilities: [...base.capabilities, ...created.capabilities]
	};
}

function preview(
	base: Workspace,
	created: CreatedOnMapping,
	map: ResultsMap,
	kind: Parameters<typeof ingest>[5],
	asOf: string
) {
	const key = JSON.stringify([map, kind, asOf, file!.hash, created]);
	const reuse = computed?.base === base && computed.key === key ? computed : undefined;
	const ws = reuse?.ws ?? withCreated(base, created);
	const result = reuse?.result ?? ingest(ws, file!.parsed, map, file!.name, asOf, kind);
	computed = { base, ws, key, result };
	const moved = movedValuesInWords(
		ws,
		result.workspace,
		result.changes.map((c) => c.itemId),
		asOf
	);
	const out: IngestPreview = {
		added: result.added.length,
		duplicates: result.duplicates,
		rows: withSmallSamples(ws, result, asOf),
		unmapped: result.unmapped,
		changes: result.changes.map((c) => ({
			...c,
			moved: moved.get(c.itemId) ?? []
		})),
		runs: {
			added: result.runs.length,
			duplicates: result.duplicateRuns,
			cases: result.runs.reduce((n, r) => n + r.cases.length, 0),
			...caseChanges(result.workspace.evalRuns, result.runs)
		}
	};
	return { result, preview: out };
}

/**
 * The shown rows, each new small-sample value marked with whether it will decide: the preview
 * says so rather than letting a four-case smoke run look like a regression in waiting.
 */
function withSmallSamples(
	ws: Workspace,
	result: ReturnType<typeof ingest>,
	asOf: string
): PreviewRow[] {
	const rows = result.rows.slice(0, PREVIEW_ROWS);
	const pair = (e: Evidence) => `${e.modelId}\u0000${e.capabilityId}`;
	const small = new Set(
		rows
			.filter((r) => !r.duplicate && isSmallSample(r.evidence, ws.settings.minSampleSize))
			.map((r) => pair(r.evidence))
	);
	if (small.size === 0) return rows;
	const index = indexEvidence(
		result.workspace.evidence.filter((e) => small.has(pair(e))),
		asOf,
		ws.settings
	);
	return rows.map((r) =>
		r.duplicate ||
		!small.has(pair(r.evidence)) ||
		!isSmallSample(r.evidence, ws.settings.minSampleSize)
			? r
			: {
					...r,
					small:
						decidingEvidence(index, r.evidence.modelId, r.evidence.capabilityId)?.evidence.id ===
						r.evidence.id
							? 'decides'
							: 'outranked'
				}
	);
}

async function answer(request: IngestRequest): Promise<void> {
	const { id } = request;
	try {
		if (request.type === 'open') {
			post({ type: 'progress', id, progress: { phase: 'reading' } });
			// Decoded as the command line decodes (BOM, UTF-16), not as File.text() would guess.
			const text = decodeFile(new Uint8Array(await request.file.arrayBuffer()));
			const fileHash = hash(text);
			const companions = await Promise.all(
				(request.companions ?? []).map(async (f) => ({
					name: f.name,
					text: decodeFile(new Uint8Array(await f.arrayBuffer()), f.name)
				}))
			);
			post({ type: 'progress', id, progress: { phase: 'parsing', done: 0, total: text.length } });
			const parsed = parseResults(text, request.format, {
				fileName: request.file.name,
				companions,
				onProgress: (done, total) =>
					post({ type: 'progress', id, progress: { phase: 'parsing', done, total } })
			});
			file = { name: request.file.name, hash: fileHash, parsed };
			lastPreview = undefined;
			post({ type: 'opened', id, summary: await summarise(parsed, request.file.name, fileHash) });
		} else if (request.type === 'preview') {
			if (!file) throw new Error('no file is open');
			await firstWorkspace;
			if (!workspace) throw new Error('there is no workspace yet');
			post({ type: 'progress', id, progress: { phase: 'mapping' } });
			post({
				type: 'preview',
				id,
				preview: preview(workspace, request.created, request.map, request.kind, request.asOf)
					.preview
			});
		} else {
			if (!file) throw new Error('no file is open');
			post({ type: 'progress', id, progress: { phase: 'committing' } });
			// The live workspace is the database as it is now (the live query follows every change,
			// here and in other tabs), so the last preview's mapping is reused when nothing moved.
			// Should a change race the commit, evidence ids are derived from content and unique:
			// the transaction fails whole rather than add a record twice.
			await firstWorkspace;
			if (!workspace) throw new Error('there is no workspace yet');
			// Held here: the live query replaces `workspace` once the commit lands.
			const stored = workspace;
			const { result } = preview(stored, request.created, request.map, request.kind, request.asOf);
			const before = withCreated(stored, request.created);
			lastPreview = undefined;
			computed = undefined;
			// Loaded only for a shared workspace: Yjs stays out of an unshared import.
			const shared = request.shared
				? await import('../sharing/from-worker').then((m) =>
						m.sendCommitsToSharedDoc(db, request.shared!)
					)
				: undefined;
			try {
				await commitImport(
					db,
					result.added,
					request.map,
					{ hash: file.hash, name: file.name, at: request.at },
					result.runs,
					request.created
				);
			} finally {
				await shared?.finish();
			}
			const ranAt = result.runs[0]?.ranAt ?? file.parsed.runs[0]?.ranAt ?? file.parsed.observedAt;
			const note = triageNote(
				{ before, after: result.workspace, runs: result.runs, asOf: request.asOf },
				importNoteTitle(ranAt, file.name)
			);
			post({
				type: 'committed',
				id,
				added: result.added.length,
				runs: result.runs.map((r) => r.id),
				note
			});
		}
	} catch (error) {
		post({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
	}
}

/** A file that is not text is a problem of the file, worded as the command line words it. */
function decodeFile(bytes: Uint8Array, name?: string): string {
	try {
		return decodeText(bytes);
	} catch (error) {
		if (error instanceof DecodeError) throw new ResultsError(name ?? '(file)', error.message);
		throw error;
	}
}

async function summarise(parsed: ParsedResults, fileName: string, fileHash: string) {
	const remembered = await rememberedMap(db);
	const [workspaceModels, workspaceCapabilities] = await Promise.all([
		db.models.toArray(),
		db.capabilities.toArray()
	]);
	const suggested = suggestMap(parsed.observations, remembered, {
		models: workspaceModels,
		capabilities: workspaceCapabilities
	});
	const models = new Set<string>();
	const metrics = new Set<string>();
	const fractionMetrics = new Set<string>();
	for (const o of parsed.observations) {
		models.add(o.models[0]!);
		metrics.add(o.metric);
		if (o.fraction) fractionMetrics.add(o.metric);
	}
	return {
		fileName,
		hash: fileHash,
		tool: parsed.tool,
		observedAt: parsed.observedAt,
		observations: parsed.observations.length,
		models: [...models].sort(),
		metrics: [...metrics].sort(),
		fractionMetrics: [...fractionMetrics].sort(),
		suggested,
		seenBefore: await importedBefore(db, fileHash)
	};
}

/**
 * Previews are coalesced: each choice on the mapping screen asks for one, and with a big file
 * each takes a while, so only the newest waiting request is answered (the page drops older ones).
 */
let previewScheduled = false;
self.onmessage = (event: MessageEvent<IngestRequest>) => {
	const request = event.data;
	if (request.type !== 'preview') return void answer(request);
	lastPreview = request;
	if (previewScheduled) return;
	previewScheduled = true;
	setTimeout(() => {
		previewScheduled = false;
		if (lastPreview) void answer(lastPreview);
	});
};
