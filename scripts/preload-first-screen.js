#!/usr/bin/env node
/**
 * After the build: the fallback page (build/index.html) asks at once for the rest of the first
 * screen's code — the `/` page (the welcome page's and the board's route) and the root error
 * page, which SvelteKit requests only once its own code has started — so those requests run
 * beside the entry's instead of after them (`npm run bench`, bench/welcome.bench.ts). A page
 * opened at another address fetches a file of under a kilobyte it does not need. Which built
 * files they are comes from Vite's manifest and SvelteKit's generated route nodes.
 */
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PAGE = 'build/index.html';
const NODES = '.svelte-kit/generated/client-optimized/nodes';
const manifest = JSON.parse(readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8'));

/** The generated node that renders `source`. */
function nodeOf(source) {
	const file = readdirSync(NODES).find((name) =>
		readFileSync(join(NODES, name), 'utf8').includes(`/${source}"`)
	);
	if (!file) throw new Error(`preload-first-screen: no route node renders ${source}`);
	return `${NODES}/${file}`;
}

/** A manifest entry's file and every file it imports, in order. */
function filesOf(key, seen = new Set()) {
	const entry = manifest[key];
	if (!entry) throw new Error(`preload-first-screen: ${key} is not in Vite's manifest`);
	if (seen.has(entry.file)) return [];
	seen.add(entry.file);
	return [entry.file, ...(entry.imports ?? []).flatMap((imported) => filesOf(imported, seen))];
}

const firstScreen = [nodeOf('src/routes/+page.svelte'), `${NODES}/1.js`];
let page = readFileSync(PAGE, 'utf8');
const links = [...new Set(firstScreen.flatMap((key) => filesOf(key)))]
	.map((file) => `/${file}`)
	.filter((href) => !page.includes(`href="${href}"`))
	.map((href) => `<link href="${href}" rel="modulepreload">`);
const last = page.lastIndexOf('rel="modulepreload">');
if (last < 0) throw new Error(`preload-first-screen: ${PAGE} has no modulepreload to follow`);
const at = last + 'rel="modulepreload">'.length;
page = page.slice(0, at) + links.map((link) => `\n\t\t${link}`).join('') + page.slice(at);
// Written whole, then renamed: a build stopped half-way leaves the page as it was.
writeFileSync(`${PAGE}.tmp`, page);
renameSync(`${PAGE}.tmp`, PAGE);
console.log(`First screen preloaded: ${links.length} more file(s).`);
