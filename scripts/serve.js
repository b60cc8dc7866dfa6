#!/usr/bin/env node
/**
 * Serves the built app (build/) on 127.0.0.1 — what `npm start` and the browser tests use.
 * A single-page app: any path that is not a file gets the fallback page, index.html.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.env.CAPMAP_BUILD ?? 'build');
const port = Number(process.env.PORT ?? 4173);
const host = '127.0.0.1';
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8'
};

if (!existsSync(join(root, 'index.html'))) {
	console.error(`No built app in ${root}: run \`npm run build\` first.`);
	process.exit(1);
}

createServer((request, response) => {
	const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
	let file = normalize(join(root, path));
	if (!file.startsWith(root)) {
		response.writeHead(403).end();
		return;
	}
	if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
	const immutable = file.includes(`${join('_app', 'immutable')}`);
	response.writeHead(200, {
		'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
		'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
	});
	createReadStream(file).pipe(response);
}).listen(port, host, () => {
	console.log(`Capmap is running at http://${host}:${port}/ (Ctrl+C to stop)`);
});
