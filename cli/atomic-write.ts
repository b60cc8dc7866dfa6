/**
 * Every file the command line writes (`ingest`'s workspace, `brief --out`) is written so that a
 * crash, a full disk or `kill -9` at any moment leaves either the old file, byte for byte, or the
 * complete new one — never an empty or half-written file. The text goes to a temporary file in
 * the same folder (a rename is atomic only within one file system), is flushed to the disk, and
 * is renamed over the target; the folder is flushed too, so the rename survives a power cut.
 *
 * A killed run cannot clean up after itself, so temporary files are named to be recognised,
 * `.<name>.capmap-<pid>-<random>.tmp` beside `<name>`, and the next write to the same target
 * removes those whose process is gone.
 */
import { randomBytes } from 'node:crypto';
import {
	closeSync,
	fchmodSync,
	fsyncSync,
	openSync,
	readdirSync,
	realpathSync,
	renameSync,
	statSync,
	unlinkSync,
	writeFileSync
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMPORARY = /^\.(.+)\.capmap-(\d+)-[0-9a-f]{8}\.tmp$/;

/** The temporary file for `target`, beside it. */
export function temporaryPath(target: string): string {
	const name = `.${basename(target)}.capmap-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
	return join(dirname(target), name);
}

/** The temporary files left beside `target` by runs that were killed: their process is gone. */
export function staleTemporaries(target: string): string[] {
	let names: string[];
	try {
		names = readdirSync(dirname(target));
	} catch {
		return [];
	}
	return names
		.filter((name) => {
			const match = TEMPORARY.exec(name);
			return match?.[1] === basename(target) && !isAlive(Number(match[2]));
		})
		.map((name) => join(dirname(target), name));
}

function isAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but is someone else's.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Writing through a symbolic link replaces the file it points to and keeps the link. */
function resolveTarget(path: string): string {
	try {
		return realpathSync(path);
	} catch {
		return path;
	}
}

/** The folder's own entry for the rename, flushed where the system allows it. */
function flushFolder(folder: string): void {
	let fd: number | undefined;
	try {
		fd = openSync(folder, 'r');
		fsyncSync(fd);
	} catch {
		// Some systems cannot open or flush a folder; the rename is still atomic there.
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/**
 * Writes `text` to `path` atomically: afterwards the file is the new text, or, if anything failed
 * (the error is thrown), exactly what it was before.
 */
export function writeFileAtomic(path: string, text: string): void {
	const target = resolveTarget(path);
	for (const stale of staleTemporaries(target)) {
		try {
			unlinkSync(stale);
		} catch {
			// Gone already, or not ours to remove: either way not in the way.
		}
	}
	let mode: number | undefined;
	try {
		mode = statSync(target).mode & 0o7777;
	} catch {
		// A new file: the usual permissions.
	}
	const temporary = temporaryPath(target);
	let fd: number | undefined;
	try {
		// `wx`: never opens a file that is already there. A new target gets the usual permissions;
		// a replaced one keeps its own (a shared workspace stays as readable as it was).
		fd = openSync(temporary, 'wx', 0o666);
		if (mode !== undefined) fchmodSync(fd, mode);
		writeFileSync(fd, text);
		fsyncSync(fd);
		closeSync(fd);
		fd = undefined;
		renameSync(temporary, target);
	} catch (error) {
		if (fd !== undefined) closeSync(fd);
		try {
			unlinkSync(temporary);
		} catch {
			// Never created.
		}
		throw error;
	}
	flushFolder(dirname(target));
}
