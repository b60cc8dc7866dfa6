/**
 * The sync server also serves the built app, so that a team opens Capmap from the sync server's
 * own address: the app's Content-Security-Policy then allows exactly one more place to connect
 * to — this server, as `'self'` — and nothing else (no wildcard for WebSockets, no rebuild per
 * team). Without a built app it answers with a line saying how to get one.
 */
import type { Extension, onRequestPayload } from '@hocuspocus/server';
import { isBuiltApp, serveApp } from '../scripts/static-app.js';

export function appExtension(root: string | undefined): Extension {
	const serving = root !== undefined && isBuiltApp(root);
	return {
		extensionName: 'capmap-app',
		onRequest({ request, response }: onRequestPayload) {
			if (serving) serveApp(root, request, response);
			else
				response
					.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
					.end(
						'This Capmap sync server serves no app: run `npm run build`, then start it again.\n'
					);
			// Hocuspocus answers every request itself unless a hook rejects with nothing.
			return Promise.reject();
		}
	};
}
