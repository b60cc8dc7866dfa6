import { spawnSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

export const SAMPLE = 'samples/sample-workspace.json';

export async function loadSample(page: Page): Promise<void> {
	await page.goto('/');
	await page.getByRole('button', { name: 'Load the sample workspace' }).click();
	await expect(page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
}

/** What `capmap` says for a file: the command line is the reference the app must agree with. */
export function capmapJson(...args: string[]): unknown {
	const result = spawnSync('node', ['scripts/capmap.js', ...args, '--json'], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(result.stderr);
	return JSON.parse(result.stdout);
}

/**
 * The board's counts as the rules count them: items not mapped yet sit in a column of their own
 * on the board but are `ready` for the rules and the command line, so they count as ready here.
 */
export async function boardCounts(page: Page): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const state of ['ready', 'upgrade', 'unverified', 'waiting'])
		counts[state] = Number(await page.getByTestId(`count-${state}`).textContent());
	const unmapped = page.getByTestId('count-unmapped');
	if ((await unmapped.count()) > 0) counts.ready! += Number(await unmapped.textContent());
	return counts;
}
