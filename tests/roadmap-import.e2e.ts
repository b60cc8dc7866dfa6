import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSample } from './helpers';

test('import roadmap items from a Jira CSV: columns, values, preview, commit', async ({ page }) => {
	await loadSample(page);
	await page.getByRole('link', { name: 'Import items from CSV…' }).click();
	await page.getByLabel('Roadmap CSV file').setInputFiles('tests/fixtures/roadmap/jira-export.csv');
	await expect(
		page.getByRole('heading', { name: 'Columns of jira-export.csv (5 rows)' })
	).toBeVisible();
	await expect(page.getByLabel('Title')).toHaveValue('0');
	await expect(page.getByLabel('“In Progress” is')).toHaveValue('in-progress');
	await page.getByLabel('“Backlog” is').selectOption('planned');
	await expect(page.getByText('Row 6: due date "someday" is not a date; no quarter')).toBeVisible();
	const voice = page.getByRole('row', { name: /Voice channel/ });
	await expect(voice).toContainText('planned');
	await expect(voice).toContainText('P0');
	await expect(page.getByRole('row', { name: /Smart reply suggestions/ })).toContainText('2027-Q1');
	await expect(page.getByRole('row', { name: /Smart reply suggestions/ })).toContainText('HEL-101');
	await page.getByRole('button', { name: 'Add 5 items' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Imported 5 roadmap items from jira-export.csv'
	);

	await page.goto('/');
	await page.getByRole('searchbox').fill('smart reply');
	const card = page.getByRole('article').filter({ hasText: 'Smart reply suggestions' });
	await expect(card).toContainText('not mapped yet');
	await expect(page.getByTestId('column-unmapped')).toContainText('Smart reply suggestions');
	await expect(card).toContainText('2027-Q1');
	await expect(card).toContainText('HEL-101');

	// Export for the tracker, and the export read back: the keyed rows are already here.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export items as CSV' }).click()
	]);
	const exported = readFileSync(await download.path(), 'utf8');
	expect(exported.split('\r\n')[0]).toBe(
		'Title,Description,Quarter,Status,Owner,Priority,Labels,Key,URL'
	);
	expect(exported).toContain(
		`Smart reply suggestions,"Suggest replies, in the agent's tone, ""from the KB""",2027-Q1,in-progress,Priya Shah,P1,"agent-tools, ai",HEL-101,`
	);
	await page.goto('/items/import');
	await page.getByLabel('Roadmap CSV file').setInputFiles({
		name: 'capmap-items.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(exported)
	});
	await expect(
		page.getByText('HEL-101 is already here as “Smart reply suggestions”; skipped')
	).toBeVisible();
});

test('a CSV with an unclosed quote is refused with its row, and nothing is added', async ({
	page
}) => {
	await loadSample(page);
	await page.goto('/items/import');
	await page.getByLabel('Roadmap CSV file').setInputFiles({
		name: 'broken.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Summary,Status\n"Unclosed,Done\n')
	});
	await expect(page.getByRole('alert')).toContainText(
		'broken.csv was not imported: row 2: has a quote that is never closed'
	);
	await page.goto('/workspace');
	await expect(page.getByText('25 items,')).toBeVisible();
});
