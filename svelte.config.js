import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route is rendered in the browser from the fallback page.
		adapter: adapter({ fallback: 'index.html' }),
		// Registered by the app once its first screen is painted (src/lib/offline.ts), not at load.
		serviceWorker: { register: false },
		// The app's own stylesheet (7 KB) is written into the page: a linked one delays the start
		// script until it has loaded, about 20 ms of every first paint (bench/welcome.bench.ts).
		inlineStyleThreshold: 16384,
		// Workspace files come from other people: even if some text slipped past the sanitiser,
		// no inline script (but SvelteKit's own, by hash), plugin or other origin could run or load.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'frame-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
