import { expect, test } from '@playwright/test';
import { boardCounts, loadSample } from './helpers';

const PF = 'tests/fixtures/eval/promptfoo/results-v3.json';

test('import a promptfoo file: map it, see the impact, commit, see the board change', async ({
	page
}) => {
	await loadSample(page);
	await page.getByLabel('Status').selectOption('all');
	const before = await boardCounts(page);

	await page.goto('/evidence');
	await page.getByRole('link', { name: 'Import eval results…' }).click();
	await page.getByLabel('Results file').setInputFiles(PF);
	await expect(
		page.getByRole('heading', { name: /Map results-v3\.json \(promptfoo/ })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: /^0 new evidence records/ })).toBeVisible();

	await page.getByLabel('Workspace model for house-weak').selectOption({ label: 'GPT-4o' });
	await page
		.getByLabel('Capability for score:routing')
		.selectOption({ label: 'Intent classification accuracy (%)' });
	await expect(page.getByRole('heading', { name: /^1 new evidence record/ })).toBeVisible();
	// results-v3 is a four-case smoke run: it never overrides the 2,400-case triage eval of the
	// same kind (rule 1), so nothing moves, however bad its 50 % looks.
	await expect(
		page.getByRole('heading', { name: 'Impact: 0 items would change readiness' })
	).toBeVisible();

	await page.getByRole('button', { name: 'Commit 1 records' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
		'Imported 1 evidence records from results-v3.json.'
	);

	await page.goto('/');
	await page.getByLabel('Status').selectOption('all');
	expect(await boardCounts(page)).toEqual(before);
	await expect(
		page.getByRole('article').filter({ hasText: 'Structured ticket triage' })
	).toContainText('Intent classification accuracy 94.2 %');
	await page.goto('/evidence?model=gpt-4o&capability=intent-accuracy');
	await expect(page.getByRole('row', { name: /results-v3\.json/ })).toContainText('small');

	// Tomorrow's import of the same tool needs no clicks, and the same file adds nothing.
	await page.goto('/evidence/import');
	await page.getByLabel('Results file').setInputFiles(PF);
	await expect(
		page.getByText(
			/This exact file was already imported on \d{4}-\d{2}-\d{2} \(as results-v3\.json\)/
		)
	).toBeVisible();
	await expect(page.getByLabel('Workspace model for house-weak')).toHaveValue('gpt-4o');
	await expect(
		page.getByRole('heading', { name: /^0 new evidence records, 1 already present/ })
	).toBeVisible();
	await expect(page.getByRole('row', { name: /score routing/ })).toContainText(
		'already present — skipped'
	);
});

test('a big file shows its progress, can be cancelled, and writes nothing', async ({ page }) => {
	await loadSample(page);
	await page.goto('/evidence/import');
	const rows = ['model,metric,value,date'];
	for (let i = 0; i < 400_000; i++) rows.push(`m-${i % 7},k-${i % 11},${i % 100},2026-11-01`);
	await page.getByLabel('Results file').setInputFiles({
		name: 'big.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(rows.join('\n'))
	});
	const progress = page.getByRole('progressbar', { name: 'Import progress' });
	await expect(progress).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Reading big.csv' })).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('alert')).toHaveText('Import cancelled.');
	await expect(progress).toBeHidden();
	await page.goto('/evidence');
	await expect(page.getByText('66 of 66 records')).toBeVisible();
});

test('a failed Inspect run is refused with the reason, and nothing is written', async ({
	page
}) => {
	await loadSample(page);
	await page.goto('/evidence/import');
	await page
		.getByLabel('Results file')
		.setInputFiles('tests/fixtures/eval/inspect/2026-11-21T10-02-00_ticket-triage_error.json');
	await expect(page.getByRole('alert')).toContainText(
		'status: is "error": only logs of runs that finished ("success") are evidence'
	);
	await page.goto('/evidence');
	await expect(page.getByText('66 of 66 records')).toBeVisible();
});

test('a new model and capability can be created from the mapping screen', async ({ page }) => {
	await loadSample(page);
	await page.goto('/evidence/import');
	await page.getByLabel('Results file').setInputFiles(PF);
	await page
		.getByLabel('Workspace model for house-strong')
		.selectOption({ label: 'New model “house-strong”…' });
	await expect(page.getByLabel('Workspace model for house-strong')).toHaveValue('house-strong');
	await page
		.getByLabel('Capability for latency-p50-ms')
		.selectOption({ label: 'New capability “latency-p50-ms”…' });
	await expect(page.getByLabel('Capability for latency-p50-ms')).toHaveValue('latency-p50-ms');
	await expect(page.getByRole('heading', { name: /^1 new evidence record/ })).toBeVisible();
	await page.goto('/capabilities');
	await expect(page.getByRole('row', { name: /latency-p50-ms/ })).toContainText('lower');
	await expect(page.getByRole('row', { name: /latency-p50-ms/ })).toContainText('ms');
});
