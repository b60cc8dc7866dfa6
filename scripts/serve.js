#!/usr/bin/env node
/**
 * Serves the built app (build/) on 127.0.0.1 — what `npm start` and the browser tests use.
 */
import { createServer } from 'node:http';
import { isBuiltApp, serveApp } from './static-app.js';

const root = process.env.CAPMAP_BUILD ?? 'build';
const port = Number(process.env.PORT ?? 4173);
const host = '127.0.0.1';

if (!isBuiltApp(root)) {
	console.error(`No built app in ${root}: run \`npm run build\` first.`);
	process.exit(1);
}

createServer((request, response) => serveApp(root, request, response)).listen(port, host, () => {
	console.log(`Capmap is running at http://${host}:${port}/ (Ctrl+C to stop)`);
});
