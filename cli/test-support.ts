/** Helpers for the command line's tests: `capmap` run in-process, and files in a fresh folder. */
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './capmap';

export interface CapmapResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs `capmap` with these arguments in this process: the whole program but the process. */
export async function capmap(...argv: string[]): Promise<CapmapResult> {
	const out: string[] = [];
	const err: string[] = [];
	const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
	return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const folders: string[] = [];

/** A fresh folder, removed by `removeTempFolders` (each spec file calls it after all its tests). */
export function tempFolder(): string {
	const folder = mkdtempSync(join(tmpdir(), 'capmap-'));
	folders.push(folder);
	return folder;
}

export function removeTempFolders(): void {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/**
 * A folder in memory where there is one (/dev/shm): for tests that write thousands of files and
 * test what is written, not the disk. Flushing to a real disk is most of a small write's time.
 */
export function fastTempFolder(): string {
	try {
		accessSync('/dev/shm', constants.W_OK);
		const folder = mkdtempSync(join('/dev/shm', 'capmap-'));
		folders.push(folder);
		return folder;
	} catch {
		return tempFolder();
	}
}

export function tempFile(name: string, content: string | Uint8Array): string {
	const path = join(tempFolder(), name);
	writeFileSync(path, content);
	return path;
}
