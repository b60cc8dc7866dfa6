import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadSample } from './helpers';

const PAGES = [
	'/',
	'/quarters',
	'/items/refund-agent',
	'/capabilities',
	'/models',
	'/evidence',
	'/decisions',
	'/scenario',
	'/workspace',
	'/charts/map',
	'/charts/matrix',
	'/charts/timeline',
	'/charts/gaps'
];

test('the welcome page has no serious accessibility violation', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Welcome to Capmap' })).toBeVisible();
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(
		violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.help}`)
	).toEqual([]);
});

for (const dark of [false, true])
	test(`every main page has no serious accessibility violation${dark ? ' (dark)' : ''}`, async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
		await loadSample(page);
		for (const path of PAGES) {
			await page.goto(path);
			await expect(page.locator('main h1')).toBeVisible();
			const { violations } = await new AxeBuilder({ page }).analyze();
			const serious = violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map(
					(v) =>
						`${path} ${v.id}: ${v.help} (${v.nodes
							.map((n) => n.target.join(' '))
							.slice(0, 3)
							.join(', ')})`
				);
			expect(serious).toEqual([]);
		}
	});

test('charts with a node selected and their tables open have no serious accessibility violation', async ({
	page
}) => {
	await loadSample(page);
	for (const path of ['/charts/map', '/charts/matrix', '/charts/timeline', '/charts/gaps']) {
		await page.goto(path);
		await expect(page.locator('main h1')).toBeVisible();
		if (path === '/charts/map') {
			await page.locator('.node[tabindex="0"]').focus();
			await page.keyboard.press('ArrowRight');
		}
		await page.locator('details.alternative summary').click();
		await expect(page.locator('details.alternative table').first()).toBeVisible();
		const { violations } = await new AxeBuilder({ page }).analyze();
		expect(
			violations
				.filter((v) => v.impact === 'serious' || v.impact === 'critical')
				.map(
					(v) =>
						`${path} ${v.id}: ${v.help} (${v.nodes
							.map((n) => n.target.join(' '))
							.slice(0, 3)
							.join(', ')})`
				)
		).toEqual([]);
	}
});
