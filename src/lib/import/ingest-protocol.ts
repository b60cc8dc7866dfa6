/**
 * What the import page and the ingest worker say to each other. Everything that crosses is small:
 * the page never receives the parsed file or the whole evidence list, only what it shows.
 */
import type { Capability, EvidenceKind, Model } from '../domain/schemas';
import type { ReadinessChange } from '../domain/scenario';
import type { Format } from './detect';
import type { IngestRow, ResultsMap } from './ingest';
import type { Tool } from './results';
import type { SharedCommit } from '../sharing/from-worker';

/** Rows of the preview table sent to the page; the counts cover the whole file. */
export const PREVIEW_ROWS = 200;

export interface ImportedFileRecord {
	hash: string;
	name: string;
	at: string;
}

export interface FileSummary {
	fileName: string;
	hash: string;
	tool: Tool;
	observedAt: string;
	observations: number;
	/** The tool's model names (each observation's most specific one), sorted. */
	models: string[];
	metrics: string[];
	/** Metrics whose values are 0–1 fractions (they become % for a `%` capability). */
	fractionMetrics: string[];
	/** The remembered mapping, applied to this file's names. */
	suggested: ResultsMap;
	/** When a file with exactly this content was imported before. */
	seenBefore?: ImportedFileRecord;
}

export interface ImpactChange extends ReadinessChange {
	/** The deciding values that moved, e.g. "JSON adherence (GPT-4o) 99.4 % → 97.8 %". */
	moved: string[];
}

/**
 * A row of the preview table. `small`, for a new value from a small sample (rule 1): whether it
 * decides its model and capability (nothing better is recorded) or an adequate sample outranks it.
 */
export type PreviewRow = IngestRow & { small?: 'decides' | 'outranked' };

/** The eval runs an import would add, and their cases against the run before each. */
export interface RunsPreview {
	added: number;
	/** Runs of this file already stored: not added again. */
	duplicates: number;
	cases: number;
	regressed: number;
	fixed: number;
}

export interface IngestPreview {
	added: number;
	duplicates: number;
	rows: PreviewRow[];
	unmapped: { models: string[]; metrics: string[] };
	changes: ImpactChange[];
	runs: RunsPreview;
}

/**
 * Models and capabilities made with "New model…" / "New capability…" on the mapping screen:
 * previewed as if they existed, written only with the commit, in its transaction.
 */
export interface CreatedOnMapping {
	models: Model[];
	capabilities: Capability[];
}

/** What a commit wrote: the page shows the note (Copy as Markdown, Download). */
export interface CommitResult {
	/** Evidence records added. */
	added: number;
	/** Ids of the eval runs added. */
	runs: string[];
	/** The import's triage note, Markdown (domain/triage.ts `triageNote`). */
	note: string;
}

export interface Progress {
	phase: 'reading' | 'parsing' | 'mapping' | 'committing';
	/** Characters (parsing) done of total, when the phase can tell. */
	done?: number;
	total?: number;
}

export type IngestRequest =
	| {
			id: number;
			type: 'open';
			file: File;
			format: Format;
			/** Files chosen with it: lm-eval's `samples_<task>_<time>.jsonl`. */
			companions?: File[];
	  }
	| {
			id: number;
			type: 'preview';
			map: ResultsMap;
			kind: EvidenceKind;
			asOf: string;
			created: CreatedOnMapping;
	  }
	| {
			id: number;
			type: 'commit';
			map: ResultsMap;
			created: CreatedOnMapping;
			kind: EvidenceKind;
			asOf: string;
			at: string;
			/** The workspace is shared: the commit goes into its shared doc too. */
			shared?: SharedCommit;
	  };

export type IngestResponse =
	| { type: 'progress'; id: number; progress: Progress }
	| { type: 'opened'; id: number; summary: FileSummary }
	| { type: 'preview'; id: number; preview: IngestPreview }
	| ({ type: 'committed'; id: number } & CommitResult)
	| { type: 'failed'; id: number; message: string };
