#!/usr/bin/env node
/**
 * Starts the `capmap` command line (`npm run capmap -- …`) with no build step to remember.
 * The TypeScript sources are bundled into node_modules/.cache/capmap/cli.cjs and rebuilt only
 * when a source file is newer than the bundle: a bundle starts about a quarter of a second
 * faster than compiling on every run, which counts when automation runs it nightly on big files.
 *
 * V8's compiled code for the bundle is kept beside it and handed back on the next start, so the
 * megabyte of bundled code (zod is most of it) is not parsed and compiled again on every run.
 * Node 20 has no compile cache for ES modules, hence a CommonJS bundle run through vm.Script,
 * which takes one. The cache's name holds the bundle's size and time, so a rebuilt bundle never
 * meets the code of the old one; a cache V8 refuses (another Node, other flags) is written anew.
 */
import {
	closeSync,
	existsSync,
	fstatSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'node_modules', '.cache', 'capmap');
const bundle = join(folder, 'cli.cjs');

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

const isCodeCache = (name) => /^cli\..*\.v8$/.test(name);

if (sourcesChanged()) {
	const { build } = await import('esbuild');
	mkdirSync(folder, { recursive: true });
	// Written beside the bundle, then renamed, so two runs at once never see half a file.
	const temporary = `${bundle}.${process.pid}.tmp`;
	await build({
		entryPoints: [join(root, 'cli', 'main.ts')],
		outfile: temporary,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		// `import('jsdom')` becomes a require: the bundle runs as a script, and a script has no import().
		supported: { 'dynamic-import': false },
		// Bundling zod too saves loading its many module files at every start; jsdom stays
		// outside (heavy, and loaded only for HTML briefs).
		external: ['jsdom'],
		logLevel: 'error'
	});
	renameSync(temporary, bundle);
	for (const name of readdirSync(folder).filter(isCodeCache))
		rmSync(join(folder, name), { force: true });
}

// Size and time from the file that is read, so the cache's name always describes this source.
const fd = openSync(bundle, 'r');
const { size, mtimeMs } = fstatSync(fd);
const source = readFileSync(fd, 'utf8');
closeSync(fd);
const codeCache = join(folder, `cli.${size}-${Math.round(mtimeMs)}.v8`);
let cachedData;
try {
	cachedData = readFileSync(codeCache);
} catch {
	cachedData = undefined;
}
// The wrapper Node gives every CommonJS file.
const script = new vm.Script(
	`(function (exports, require, module, __filename, __dirname) {${source}\n})`,
	{ filename: bundle, cachedData }
);
if (cachedData === undefined || script.cachedDataRejected)
	// Written at exit, when the functions this run compiled are in it too. A cache that cannot be
	// written (a read-only folder) only means that the next start compiles again.
	process.once('exit', () => {
		const temporary = `${codeCache}.${process.pid}.tmp`;
		try {
			writeFileSync(temporary, script.createCachedData());
			renameSync(temporary, codeCache);
		} catch {
			try {
				rmSync(temporary, { force: true });
			} catch {
				// nothing left to tidy
			}
		}
	});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, folder);
