import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { boardCounts, loadSample, SAMPLE } from './helpers';

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
	// Nothing is written before the commit; the commit writes them with the evidence.
	await page.getByRole('button', { name: 'Commit 1 records' }).click();
	await expect(page.getByRole('heading', { name: 'Imported results-v3.json' })).toBeVisible();
	await page.goto('/capabilities');
	await expect(page.getByRole('row', { name: /latency-p50-ms/ })).toContainText('lower');
	await expect(page.getByRole('row', { name: /latency-p50-ms/ })).toContainText('ms');
	await page.goto('/models');
	await expect(page.getByRole('row', { name: /house-strong/ })).toContainText('available');
});

/** What `capmap ingest` says of a results file: the words the app must use too. */
function cliRefusal(results: Buffer, name: string): string {
	const folder = mkdtempSync(join(tmpdir(), 'capmap-e2e-'));
	const path = join(folder, name);
	writeFileSync(path, results);
	writeFileSync(join(folder, 'ws.json'), readFileSync(SAMPLE));
	const run = spawnSync('node', ['scripts/capmap.js', 'ingest', join(folder, 'ws.json'), path], {
		encoding: 'utf8'
	});
	expect(run.status).toBe(1);
	// "capmap: <path>: <problem>; nothing was written" → the problem.
	return run.stderr
		.trim()
		.slice(`capmap: ${path}: `.length)
		.replace(/; nothing was written$/, '');
}

test('a results file that cannot make valid evidence is refused as the command line refuses it', async ({
	page
}) => {
	await loadSample(page);
	const lmEval = JSON.parse(
		readFileSync('tests/fixtures/eval/lm-eval/results_2026-11-20T02-14-07.json', 'utf8')
	);
	lmEval['n-samples'].hellaswag.effective = 10042.5;
	const fractional = Buffer.from(JSON.stringify(lmEval));
	const csv = Buffer.from('model,metric,value,date\nm,k,0x5d,2026-02-30\n');
	const cases = [
		{ name: 'results_fractional.json', buffer: fractional, mimeType: 'application/json' },
		{ name: 'hex.csv', buffer: csv, mimeType: 'text/csv' },
		{ name: 'latin1.csv', buffer: Buffer.from([0x6d, 0x2c, 0xe9, 0x0a]), mimeType: 'text/csv' }
	];
	const expected = [
		'n-samples.hellaswag.effective: 10042.5 is not a whole number',
		'row 2, value: "0x5d" is not a decimal number',
		'is not UTF-8 text (byte 3 is not part of a character)'
	];
	for (const [i, file] of cases.entries()) {
		const words = cliRefusal(file.buffer, file.name);
		expect(words).toContain(expected[i]);
		await page.goto('/evidence/import');
		await page.getByLabel('Results file').setInputFiles(file);
		await expect(page.getByRole('alert')).toContainText(`${file.name} was not imported:`);
		await expect(page.getByRole('alert')).toContainText(words);
	}
	await page.goto('/evidence');
	await expect(page.getByText('66 of 66 records')).toBeVisible();
});

test('a UTF-16 results file is read, not called binary', async ({ page }) => {
	await loadSample(page);
	await page.goto('/evidence/import');
	const csv = 'model,metric,value,date,samples\nhouse-weak,score:routing,91.5,2026-11-20,400\n';
	await page.getByLabel('Results file').setInputFiles({
		name: 'utf16.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(`\ufeff${csv}`, 'utf16le')
	});
	await expect(page.getByRole('heading', { name: /Map utf16\.csv \(CSV/i })).toBeVisible();
});

test('a workspace file in UTF-16 is imported; one that is not text is refused in words', async ({
	page
}) => {
	await loadSample(page);
	await page.goto('/workspace');
	const renamed = JSON.parse(readFileSync(SAMPLE, 'utf8'));
	renamed.name = 'Helio in UTF-16';
	await page.locator('input[type=file]').setInputFiles({
		name: 'latin1.json',
		mimeType: 'application/json',
		buffer: Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d])
	});
	await expect(page.getByRole('alert')).toContainText(
		'(file): is not UTF-8 text (byte 3 is not part of a character)'
	);
	await page.locator('input[type=file]').setInputFiles({
		name: 'utf16.json',
		mimeType: 'application/json',
		buffer: Buffer.from(Buffer.from(`\ufeff${JSON.stringify(renamed)}`, 'utf16le')).swap16()
	});
	await expect(page.locator('header')).toContainText('Helio in UTF-16');
});
