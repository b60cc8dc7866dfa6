/** Helpers for the command line's tests: `capmap` run in-process, and files in a fresh folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
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

export function tempFile(name: string, content: string | Uint8Array): string {
	const path = join(tempFolder(), name);
	writeFileSync(path, content);
	return path;
}
