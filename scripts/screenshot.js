#!/usr/bin/env node
/**
 * Looks at the app as a person would: loads the sample workspace into a fresh profile, visits the
 * given paths and saves full-page screenshots in screenshots/. For developers; not part of the tests.
 *   node scripts/screenshot.js / /items/refund-agent
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from './chromium.js';

const base = process.env.CAPMAP_URL ?? 'http://127.0.0.1:4173';
const paths = process.argv.slice(2);
const dark = process.env.DARK === '1';
mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const page = await browser.newPage({
	viewport: { width: 1400, height: 900 },
	colorScheme: dark ? 'dark' : 'light'
});
await page.goto(base);
await page.getByRole('button', { name: 'Load the sample workspace' }).click();
await page.getByRole('heading', { name: 'Roadmap board' }).waitFor();
for (const path of paths) {
	await page.goto(base + path);
	await page.waitForTimeout(600);
	const name = path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'board';
	await page.screenshot({ path: `screenshots/${name}${dark ? '-dark' : ''}.png`, fullPage: true });
	console.log(`screenshots/${name}${dark ? '-dark' : ''}.png`);
}
await browser.close();
