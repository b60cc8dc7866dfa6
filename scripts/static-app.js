/**
 * Serving the built app (build/): a single-page app, so any path that is not a file gets the
 * fallback page, index.html. Used by `npm start` (serve.js) and by the sync server, which serves
 * the app on its own address so the app's Content-Security-Policy (`connect-src 'self'`) lets it
 * reach the server and nothing else.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

/** @type {Record<string, string>} */
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

/**
 * True when `root` holds a built app.
 * @param {string} root
 */
export function isBuiltApp(root) {
	return existsSync(join(resolve(root), 'index.html'));
}

/**
 * Answers one HTTP request with a file of the app in `root`.
 * @param {string} root
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function serveApp(root, request, response) {
	const base = resolve(root);
	const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
	let file = normalize(join(base, path));
	if (!file.startsWith(base)) {
		response.writeHead(403).end();
		return;
	}
	if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, 'index.html');
	const immutable = file.includes(`${join('_app', 'immutable')}`);
	response.writeHead(200, {
		'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
		'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache'
	});
	createReadStream(file).pipe(response);
}
