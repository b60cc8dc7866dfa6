/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline: precaches the built app — its scripts, styles, static files and the SPA fallback
 * page — when installed, and answers every same-origin GET from that cache first. After one
 * visit, the app opens, navigates and edits with the network off. It caches nothing else and
 * talks to no other origin. A new build gets a new cache; the old one is deleted on activation.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `capmap-${version}`;
const FALLBACK = '/index.html';
const PRECACHE = [...new Set([...build, ...files, FALLBACK, '/'])];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			const cached = await cache.match(url.pathname);
			if (cached) return cached;
			// Any app route (/items/x, /evidence?…) is the single-page app's fallback page.
			if (request.mode === 'navigate') {
				const page = await cache.match(FALLBACK);
				if (page) return page;
			}
			return fetch(request);
		})()
	);
});
