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
