import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// One copy of Yjs in the bundle: y-dexie and @hocuspocus/provider both import it, and two
	// copies would make `instanceof Y.Doc` fail between them (Yjs warns "Yjs was already imported").
	resolve: { dedupe: ['yjs'] },
	test: {
		include: ['src/**/*.spec.ts', 'cli/**/*.spec.ts', 'server/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 30_000
	}
});
