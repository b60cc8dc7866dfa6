/**
 * The command line's files: workspace, map and results files read and decoded as the app decodes
 * them (decode.ts: UTF-8 with or without a BOM, UTF-16 with one), and every output written
 * atomically (atomic-write.ts). Each failure is a FileError: exit 1, one line naming the file,
 * and for a file with validation problems, the problems after it.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { parseJsonText } from '../src/lib/domain/json-text';
import { LIMITS } from '../src/lib/domain/entities';
import { id } from '../src/lib/domain/schemas';
import {
	formatPath,
	formatProblem,
	issueSentence,
	parseWorkspaceText,
	type Workspace
} from '../src/lib/domain/workspace';
import { DecodeError, decodeText, MAX_FILE_BYTES, tooLarge } from '../src/lib/import/decode';
import type { ResultsMap } from '../src/lib/import/ingest';
import { writeFileAtomic } from './atomic-write';

/** A file that cannot be used: exit 1 with its problems. */
export class FileError extends Error {
	constructor(
		message: string,
		readonly details: readonly string[] = []
	) {
		super(message);
	}
}

const REASONS: Record<string, string> = {
	ENOENT: 'no such file',
	EISDIR: 'is a folder',
	ENOTDIR: 'a folder on the way is a file',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	ENOSPC: 'the disk is full',
	EDQUOT: 'the disk quota is used up',
	EROFS: 'the file system is read-only',
	ENAMETOOLONG: 'the name is too long',
	ELOOP: 'too many symbolic links'
};

export function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return (code && REASONS[code]) ?? code ?? 'cannot be read';
}

export function readText(path: string): string {
	let bytes: Uint8Array;
	let size: number;
	try {
		size = statSync(path).size;
		// Checked before reading: a file too large to decode is not read whole first.
		bytes = size > MAX_FILE_BYTES ? new Uint8Array(0) : readFileSync(path);
	} catch (error) {
		throw new FileError(`${path}: ${reason(error)}`);
	}
	if (size > MAX_FILE_BYTES) throw new FileError(`${path}: ${tooLarge(size)}`);
	try {
		return decodeText(bytes);
	} catch (error) {
		if (error instanceof DecodeError) throw new FileError(`${path}: ${error.message}`);
		throw error;
	}
}

export function problemsSummary(path: string, what: string, count: number): string {
	return `${path}: not a valid ${what} (${count} problem${count === 1 ? '' : 's'})`;
}

export function loadWorkspace(path: string): Workspace {
	const result = parseWorkspaceText(readText(path));
	if (!result.ok)
		throw new FileError(
			problemsSummary(path, 'workspace', result.problems.length),
			result.problems.map(formatProblem)
		);
	return result.workspace;
}

const ResultsMapSchema = z.object({
	models: z.record(z.string().max(LIMITS.name), id).default({}),
	metrics: z.record(z.string().max(LIMITS.name), id).default({})
});

export function readMap(path: string | undefined): ResultsMap {
	if (!path) return { models: {}, metrics: {} };
	const json = parseJsonText(readText(path));
	if (!json.ok) throw new FileError(`${path}: ${json.problem}`);
	const parsed = ResultsMapSchema.safeParse(json.value);
	if (!parsed.success)
		throw new FileError(
			problemsSummary(path, 'mapping file', parsed.error.issues.length),
			parsed.error.issues.map((i) => `${formatPath(i.path)}: ${issueSentence(i, json.value)}`)
		);
	return parsed.data;
}

/** Writes an output file atomically; on failure the old file is as it was, and the message says so. */
export function writeOutput(path: string, text: string): void {
	try {
		writeFileAtomic(path, text);
	} catch (error) {
		throw new FileError(`${path}: cannot be written (${reason(error)}); nothing was changed`);
	}
}
