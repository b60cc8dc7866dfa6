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
							priority: 3
						},
						{
							// Storage, as a returning visit reads the workspace with it (and a first visit
							// after the welcome page has painted): one file instead of eight small ones.
							name: 'storage',
							test: /(node_modules[\\/]dexie[\\/]|src[\\/]lib[\\/]db[\\/](index|fault-injection|database|workspace-(read|reader|follow)|storage-changes|live\.svelte)\.ts$)/,
							priority: 1
						},
						{
							// The rules the board is drawn with, loaded beside storage.
							name: 'rules',
							test: /src[\\/]lib[\\/]domain[\\/](entities|readiness|evidence|board|explain|format)\.ts$/,
							priority: 1
						},
						{
							name: 'first-screen',
							test: /src[\\/]lib[\\/](state[\\/]((app|toasts|access)\.svelte|edit-control)\.ts|db[\\/]status\.ts)$/,
							// Before the groups below: a group takes the modules its own import, and what
							// the first screen imports must stay in its chunk.
							priority: 2
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
