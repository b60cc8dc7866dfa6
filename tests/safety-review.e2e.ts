import { expect, test } from '@playwright/test';
import { loadSample } from './helpers';

test('the safety review: record a finding, decide it, and the decision links back', async ({
	page
}) => {
	await loadSample(page);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Findings' })
		.click();
	await expect(page.getByRole('heading', { name: 'Findings & safety review' })).toBeVisible();

	await page.getByRole('button', { name: 'Record a finding' }).click();
	const dialog = page.getByRole('dialog', { name: 'Record a finding' });
	await dialog.getByLabel('Classification').selectOption('policy-gap');
	await dialog.getByLabel(/What was observed/).fill('Summary leaked a **customer phone number**.');
	await dialog.getByLabel(/^Input/).fill('Summarise ticket 4411');
	await dialog.getByLabel(/^Output/).fill('Customer (+1 555 0100) wants a refund.');
	await dialog.getByLabel('Model', { exact: true }).selectOption({ label: 'GPT-4o' });
	await dialog
		.getByLabel('Items', { exact: true })
		.selectOption({ label: 'Ticket thread summaries' });
	await dialog.getByRole('button', { name: 'Save finding' }).click();

	const awaiting = page.getByRole('region', { name: /Awaiting a decision/ });
	await expect(awaiting.getByRole('heading', { name: 'Policy gaps (1)' })).toBeVisible();
	const card = page.getByRole('article').filter({ hasText: 'customer phone number' });
	await expect(card.locator('strong', { hasText: 'customer phone number' })).toBeVisible();
	await expect(card).toContainText('Customer (+1 555 0100) wants a refund.');

	await card.getByRole('button', { name: 'Decide…' }).click();
	const decide = page.getByRole('dialog', { name: 'Record a decision' });
	await expect(decide.getByLabel('Decision')).toHaveValue(
		'Decide: Summary leaked a customer phone number.'
	);
	await expect(decide.getByLabel('Kind')).toHaveValue('safety');
	await expect(decide.getByLabel('Classification')).toHaveValue('policy-gap');
	await decide
		.getByLabel(/^Why/)
		.fill('Mask phone numbers before summarising; block until shipped.');
	await decide.getByRole('button', { name: 'Save decision' }).click();
	const logged = page.getByRole('listitem').filter({ hasText: 'Decide: Summary leaked' });
	await expect(logged.getByRole('link', { name: /customer phone number/ })).toBeVisible();

	await page.goto('/findings');
	const decided = page.getByRole('region', { name: /^Decided/ });
	await expect(
		decided.getByRole('article').filter({ hasText: 'customer phone number' })
	).toContainText('Decided: Decide: Summary leaked a customer phone number.');
	await expect(awaiting.getByRole('heading', { name: /Policy gaps/ })).toHaveCount(0);

	await page.goto('/items/thread-summaries');
	await expect(page.getByRole('region', { name: /Findings/ })).toContainText(
		'customer phone number'
	);
});

test('a capability-gap finding tightens the requirement it reveals', async ({ page }) => {
	await loadSample(page);
	await page.goto('/findings');
	const gap = page.getByRole('article').filter({ hasText: 'mix kana and romaji' });
	await gap.getByLabel(/^Tighten\s+Cross-lingual retrieval recall@10/).fill('90');
	await gap.getByRole('button', { name: 'Tighten', exact: true }).click();
	await expect(page.getByText('Tightened the requirement on “Cross-lingual search”')).toBeVisible();
	await page.goto('/items/cross-lingual-search');
	await expect(page.locator('#req-cap-0')).toHaveValue('cross-lingual-recall');
	await expect(page.locator('#req-threshold-0')).toHaveValue('90');
});
