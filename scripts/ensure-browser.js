#!/usr/bin/env node
/**
 * The browser tests run in Debian's Chromium where it is installed (`apt-get install chromium`,
 * as .ci/run does). On a machine without it, fetch Playwright's own Chromium once, so `npm test`
 * alone works for a newcomer anywhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { SYSTEM_CHROMIUM } from './chromium.js';

if (!existsSync(SYSTEM_CHROMIUM)) {
	console.log("No /usr/bin/chromium: installing Playwright's Chromium for the browser tests…");
	const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
	process.exit(result.status ?? 1);
}
