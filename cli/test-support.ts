/** Helpers for the command line's tests: `capmap` run in-process, and files in a fresh folder. */
import { accessSync, constants, mkdtempSync, writeFileSync } from 'node:fs';
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

export function tempFolder(): string {
	return mkdtempSync(join(tmpdir(), 'capmap-'));
}

/**
 * A folder in memory where there is one (/dev/shm): for tests that write thousands of files and
 * test what is written, not the disk. Flushing to a real disk is most of a small write's time.
 */
export function fastTempFolder(): string {
	try {
		accessSync('/dev/shm', constants.W_OK);
		return mkdtempSync(join('/dev/shm', 'capmap-'));
	} catch {
		return tempFolder();
	}
}

export function tempFile(name: string, content: string | Uint8Array): string {
	const path = join(tempFolder(), name);
	writeFileSync(path, content);
	return path;
}
