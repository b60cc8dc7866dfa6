import { expect, test } from '@playwright/test';
import { loadSample } from './helpers';

test('board filters live in the URL: reload, Back and a shared link keep them', async ({
	page
}) => {
	await loadSample(page);
	await page.getByLabel('Status').selectOption('all');
	await page.getByLabel(/^Search/).fill('triage');
	await expect(page).toHaveURL(/\?q=triage&status=all$/);
	await expect(page.getByRole('article')).toHaveCount(1);

	await page.reload();
	await expect(page.getByLabel('Status')).toHaveValue('all');
	await expect(page.getByRole('article')).toHaveCount(1);

	await page.getByRole('article').getByRole('link').click();
	await expect(page.getByRole('link', { name: '← Board' })).toBeVisible();
	await page.goBack();
	await expect(page.getByLabel(/^Search/)).toHaveValue('triage');

	// The Board link in the header is the unfiltered board.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByLabel(/^Search/)).toHaveValue('');
	await expect(page.getByLabel('Status')).toHaveValue('open');
});

test('presenting: no chrome, chart labels at least 16 px, Esc leaves', async ({ page }) => {
	await loadSample(page);
	await page.goto('/charts/timeline');
	const nav = page.getByRole('navigation', { name: 'Main' });
	await page.getByRole('button', { name: 'Present' }).click();
	await expect(nav).toBeHidden();
	// The label as drawn on screen: its font size times the chart's scale.
	const sizes = await page.locator('svg[role] text').evaluateAll((texts) =>
		texts.map((t) => {
			const svg = (t as SVGTextElement).ownerSVGElement!;
			const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
			return parseFloat(getComputedStyle(t).fontSize) * scale;
		})
	);
	expect(sizes.length).toBeGreaterThan(10);
	expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
	await page.keyboard.press('Escape');
	await expect(nav).toBeVisible();
});

test('small things: As of cleared or Today is today, n focuses the title, a skip link, evidence notes', async ({
	page
}) => {
	await loadSample(page);
	const asOf = page.getByLabel('As of');
	const today = await asOf.inputValue();
	await asOf.fill('2026-06-01');
	await asOf.dispatchEvent('change');
	await page.getByRole('button', { name: 'Today' }).click();
	await expect(asOf).toHaveValue(today);
	await expect(page.getByRole('button', { name: 'Today' })).toHaveCount(0);
	await asOf.fill('2026-06-01');
	await asOf.dispatchEvent('change');
	await asOf.fill('');
	await asOf.dispatchEvent('change');
	await expect(asOf).toHaveValue(today);

	await page.getByRole('heading', { name: 'Roadmap board' }).click();
	await page.keyboard.press('n');
	await expect(page.getByLabel('Title')).toBeFocused();

	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	await skip.press('Enter');
	await expect(page.locator('main')).toBeFocused();

	await page.goto('/evidence');
	await page
		.getByRole('button', { name: /^Edit evidence/ })
		.first()
		.click();
	await page.getByLabel('Notes').fill('Run on the March snapshot.\nExcludes Japanese.');
	await page.getByRole('button', { name: 'Save evidence' }).click();
	await expect(page.locator('.notes').first()).toHaveText(
		'Run on the March snapshot.\nExcludes Japanese.'
	);
});
