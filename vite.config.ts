import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// One copy of Yjs in the bundle: y-dexie and @hocuspocus/provider both import it, and two
	// copies would make `instanceof Y.Doc` fail between them (Yjs warns "Yjs was already imported").
	resolve: { dedupe: ['yjs'] },
	build: {
		rollupOptions: {
			output: {
				// What the first screen loads (ARCHITECTURE.md) in few files rather than a dozen small
				// ones: each is a request before anything is drawn. The framework in one; the app's
				// own code the layout needs in another (these modules and what they import). A module
				// the layout imports and this list does not name only costs one more request.
				codeSplitting: {
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|clsx|esm-env|devalue)[\\/]/,
							priority: 2
						},
						{
							name: 'first-screen',
							test: /src[\\/]lib[\\/](state[\\/]((app|toasts|access)\.svelte|edit-control)\.ts|db[\\/]status\.ts)$/,
							priority: 1
						}
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.spec.ts', 'cli/**/*.spec.ts', 'server/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 30_000
	}
});
