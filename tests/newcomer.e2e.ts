import { expect, test } from '@playwright/test';
import { boardCounts, capmapJson, loadSample, SAMPLE } from './helpers';

test('welcome → sample → board → item → explanation', async ({ page, baseURL }) => {
	const elsewhere: string[] = [];
	page.on('request', (request) => {
		if (!request.url().startsWith(baseURL!)) elsewhere.push(request.url());
	});
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Welcome to Capmap' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Start empty' })).toBeVisible();
	await expect(page.getByRole('button', { name: /Open a workspace file/ })).toBeVisible();
	await page.getByRole('button', { name: 'Load the sample workspace' }).press('Enter');
	// The board replaced the welcome page: focus went with it, as after a navigation.
	await expect(page.locator('main#main')).toBeFocused();

	const card = page
		.getByRole('article')
		.filter({ hasText: 'Full conversation history in context' });
	await expect(card).toContainText('Over-promised');
	await expect(card).toContainText('GPT-5 expected 2027-Q1 (vendor claim)');
	await card.getByRole('link').click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Full conversation history in context' })
	).toBeVisible();
	const explanation = page.getByRole('table').filter({ hasText: 'Long-context recall (128k)' });
	await expect(explanation.getByRole('row', { name: /GPT-5/ })).toContainText('95 %');
	await expect(explanation.getByRole('row', { name: /Gemini 2.5 Pro/ })).toContainText('88 %');
	await expect(explanation.getByRole('row', { name: /Gemini 2.5 Pro/ })).toContainText('✗ unmet');
	expect(elsewhere, 'the app requests nothing from any other origin').toEqual([]);
});

test("the board's counts equal what capmap readiness says for the same file", async ({ page }) => {
	await loadSample(page);
	await page.getByLabel('Status').selectOption('all');
	const report = capmapJson('readiness', SAMPLE) as { items: { readiness: string }[] };
	const expected: Record<string, number> = { ready: 0, upgrade: 0, unverified: 0, waiting: 0 };
	for (const item of report.items) expected[item.readiness]!++;
	expect(await boardCounts(page)).toEqual(expected);
});

test('board filters by quarter, owner, tag and text, and / focuses search', async ({ page }) => {
	await loadSample(page);
	await page.getByLabel('Owner').selectOption('Noah');
	await expect(page.getByRole('article')).toHaveCount(4);
	await page.getByLabel('Quarter').selectOption('2027-Q1');
	await expect(page.getByRole('article')).toHaveCount(1);
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await page.getByLabel('Tag').selectOption('international');
	await expect(page.getByRole('article')).toHaveCount(3);
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await page.locator('body').press('/');
	await expect(page.getByRole('searchbox')).toBeFocused();
	await page.keyboard.type('refund');
	await expect(page.getByRole('article')).toHaveCount(1);
});

test('keyboard: n opens a new item, Esc closes a dialog', async ({ page }) => {
	await loadSample(page);
	await page.locator('body').press('n');
	await expect(page.getByRole('heading', { name: 'New roadmap item' })).toBeVisible();
	await page.goto('/models');
	await page.getByRole('button', { name: 'Add model' }).click();
	await expect(page.getByRole('dialog')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog')).toBeHidden();
});
