import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadSample } from './helpers';

const PAGES = [
	'/',
	'/quarters',
	'/items/refund-agent',
	'/capabilities',
	'/models',
	'/evidence',
	'/decisions',
	'/findings',
	'/changes',
	'/scenario?model=gpt-5~production',
	'/workspace',
	'/charts/map',
	'/charts/matrix',
	'/charts/timeline',
	'/charts/gaps'
];

/** Serious and critical violations on the page as it is now, each with where it was found. */
async function seriousViolations(page: Page, path: string): Promise<string[]> {
	// axe's colour-contrast rule takes seconds on a long table (5 s for the sample's evidence
	// list here); give each analysis room of its own so a slow machine is not a failure.
	test.setTimeout(test.info().timeout + 20_000);
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${path} ${v.id}: ${v.help} (${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')})`
		);
}

test('the welcome page has no serious accessibility violation', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Welcome to Capmap' })).toBeVisible();
	expect(await seriousViolations(page, '/')).toEqual([]);
});

// One test per page (light, then dark): each is short, runs in parallel and names its page.
for (const path of PAGES)
	test(`${path} has no serious accessibility violation, light or dark`, async ({ page }) => {
		await loadSample(page);
		await page.goto(path);
		await expect(page.locator('main h1')).toBeVisible();
		expect(await seriousViolations(page, path)).toEqual([]);
		await page.emulateMedia({ colorScheme: 'dark' });
		expect(await seriousViolations(page, `${path} (dark)`)).toEqual([]);
	});

for (const path of ['/charts/map', '/charts/matrix', '/charts/timeline', '/charts/gaps'])
	test(`${path} with a node selected and its table open has no serious accessibility violation`, async ({
		page
	}) => {
		await loadSample(page);
		await page.goto(path);
		await expect(page.locator('main h1')).toBeVisible();
		if (path === '/charts/map') {
			await page.locator('.node[tabindex="0"]').focus();
			await page.keyboard.press('ArrowRight');
			await expect(page.locator('.node.selected')).toHaveCount(1);
		}
		await page.locator('details.alternative summary').click();
		await expect(page.locator('details.alternative table').first()).toBeVisible();
		expect(await seriousViolations(page, path)).toEqual([]);
	});
