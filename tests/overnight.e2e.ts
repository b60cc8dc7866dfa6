import { expect, test, type Page } from '@playwright/test';
import { loadSample } from './helpers';

const NIGHTLY = 'tests/fixtures/eval/promptfoo-nightly';

/** Opens a results file, maps it with the fixtures' MAP.json, and commits it. */
async function importNightly(page: Page, file: string): Promise<void> {
	await page.goto('/evidence/import');
	await page.getByLabel('Results file').setInputFiles(`${NIGHTLY}/${file}`);
	await expect(page.getByRole('heading', { name: new RegExp(`^Map ${file}`) })).toBeVisible();
	await page.getByLabel('Mapping file').setInputFiles(`${NIGHTLY}/map.json`);
	await expect(page.getByText('Loaded map.json: 2 names mapped.')).toBeVisible();
	await expect(page.getByLabel('Workspace model for helio-prod')).toHaveValue('gpt-4o');
	const commit = page.getByRole('button', { name: /^Commit \d+ records$/ });
	await expect(commit).toBeEnabled();
	await commit.click();
	await expect(page.getByRole('heading', { name: `Imported ${file}` })).toBeVisible();
}

test('the morning after: two nightly runs, the triage note, the feed and the board mark', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await loadSample(page);

	await importNightly(page, 'results-monday.json');
	await expect(page.getByTestId('triage-note')).toContainText('0 cases regressed');

	await importNightly(page, 'results-tuesday.json');
	const note = page.getByTestId('triage-note');
	await expect(note).toContainText('Hotfix');
	await expect(note).toContainText('#33 billing: Why was I charged twice');
	await expect(note).toContainText('Structured ticket triage');

	await page.getByRole('button', { name: 'Copy as Markdown' }).click();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toContain('🔴 Hotfix');
	expect(copied).toContain('#33 billing: Why was I charged twice: pass → fail');

	// The feed is kept in the workspace: both imports after a reload, newest first.
	await page.goto('/changes');
	await page.reload();
	const rows = page.getByRole('row').filter({ hasText: 'results-' });
	await expect(rows).toHaveCount(2);
	await expect(rows.first()).toContainText('results-tuesday.json');
	await expect(rows.last()).toContainText('results-monday.json');

	// The run's cases: filter to the regressed ones.
	await rows
		.first()
		.getByRole('link', { name: /helio|GPT-4o/ })
		.click();
	await page.getByLabel('Show').selectOption('regressed');
	await expect(page.getByRole('row').filter({ hasText: 'regressed' })).toHaveCount(6);
	await expect(
		page.getByRole('row', { name: /#99 billing: Refund my duplicate charge/ })
	).toContainText('pass');

	// The board marks what got worse until the mark is dismissed.
	await page.goto('/');
	await page.getByLabel('Status').selectOption('all');
	const card = page.getByRole('article').filter({ hasText: 'Structured ticket triage' });
	await expect(card).toContainText('↓ since 2026-11-24 import');
	await page.getByLabel('Show only these').check();
	await expect(page.getByRole('article')).toHaveCount(1);
	await page.getByRole('button', { name: 'Dismiss' }).click();
	await expect(card).not.toContainText('↓ since');
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await expect(page.getByText(/got worse/)).toHaveCount(0);
});

test('a model created on the mapping screen is written only with the commit', async ({ page }) => {
	await loadSample(page);
	await page.goto('/evidence/import');
	await page.getByLabel('Results file').setInputFiles(`${NIGHTLY}/results-monday.json`);
	await page
		.getByLabel('Workspace model for helio-prod')
		.selectOption({ label: 'New model “helio-prod”…' });
	await expect(page.getByLabel('Workspace model for helio-prod')).toHaveValue('helio-prod');
	await page.getByRole('link', { name: 'Models', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Models' })).toBeVisible();
	await expect(page.getByText('helio-prod')).toHaveCount(0);
});

test("a tool's model named as a workspace model maps itself", async ({ page }) => {
	await loadSample(page);
	await page.goto('/evidence/import');
	await page.getByLabel('Results file').setInputFiles({
		name: 'named.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('model,metric,value,date\ngpt-4O,accuracy,0.9,2026-11-20\n')
	});
	await expect(page.getByLabel('Workspace model for gpt-4O')).toHaveValue('gpt-4o');
});
