#!/usr/bin/env node
/**
 * Starts the `capmap` command line (`npm run capmap -- …`) with no build step to remember.
 * The TypeScript sources are bundled into node_modules/.cache/capmap/cli.mjs and rebuilt only
 * when a source file is newer than the bundle: a bundle starts about a quarter of a second
 * faster than compiling on every run, which counts when automation runs it nightly on big files.
 */
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'node_modules', '.cache', 'capmap', 'cli.mjs');

function newestSource(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
		else if (/\.ts$/.test(entry.name) && !/\.(spec|test)\.ts$/.test(entry.name))
			newest = Math.max(newest, statSync(path).mtimeMs);
	}
	return newest;
}

const sourcesChanged = () =>
	!existsSync(bundle) ||
	statSync(bundle).mtimeMs <
		Math.max(newestSource(join(root, 'cli')), newestSource(join(root, 'src', 'lib')));

if (sourcesChanged()) {
	const { build } = await import('esbuild');
	// Written beside the bundle, then renamed, so two runs at once never see half a file.
	const temporary = `${bundle}.${process.pid}.tmp`;
	await build({
		entryPoints: [join(root, 'cli', 'main.ts')],
		outfile: temporary,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		// Bundling zod too saves loading its many module files at every start; jsdom stays
		// outside (heavy, and loaded only for HTML briefs).
		external: ['jsdom'],
		logLevel: 'error'
	});
	renameSync(temporary, bundle);
}
await import(pathToFileURL(bundle).href);
