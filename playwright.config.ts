import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, executablePath } from './scripts/chromium.js';

/** The port the built app is served on; PORT lets two checkouts test side by side. */
const port = Number(process.env.PORT ?? 4173);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 30_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'off',
		screenshot: 'only-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath,
					args: chromiumArgs
				}
			}
		}
	],
	webServer: {
		command: 'node scripts/serve.js',
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
