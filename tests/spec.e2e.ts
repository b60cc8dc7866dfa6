/**
 * The AI feature spec on the item page: written, reordered, saved, kept as a draft when left
 * unsaved, printed as a document, exported as a promptfoo suite — and that suite run by promptfoo
 * (offline, a canned local provider) and its results imported back as evidence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
	cannedProvider,
	promptfooMissing,
	removePromptfooRuns,
	runPromptfoo
} from '../src/test-support/promptfoo';
import { loadSample } from './helpers';

test.afterAll(removePromptfooRuns);

const ITEM = '/items/refund-agent';
const GOOD = {
	input: 'Refund order #4411: the blender arrived broken.',
	output: 'I have refunded order #4411 in full: $89 will be back on your card within 5 days.',
	note: 'Says the amount and when'
};
const BAD = {
	input: 'Refund my subscription from 2019.',
	output: 'Done! I refunded every payment you ever made.',
	note: 'Refunds beyond policy'
};

const spec = (page: Page) => page.getByRole('region', { name: 'AI feature spec' });
const example = (page: Page, n: number) =>
	spec(page).getByRole('group', { name: `Example ${n}`, exact: true });
const restored = (page: Page) => page.getByRole('region', { name: 'Restored draft' });

/** Writes the two examples (bad first, then moved below the good one) and the prose. */
async function writeSpec(page: Page) {
	await page.goto(ITEM);
	await spec(page).getByRole('button', { name: 'Write the spec' }).click();
	await page.getByLabel('What the model receives').fill('The customer message and order history.');
	await page.getByRole('button', { name: 'Add example' }).click();
	await expect(example(page, 1).getByLabel('Input')).toBeFocused();
	await example(page, 1).getByLabel('Verdict').selectOption('bad');
	await example(page, 1).getByLabel('Input').fill(BAD.input);
	await example(page, 1).getByLabel('Output').fill(BAD.output);
	await example(page, 1).getByLabel('Note').fill(BAD.note);
	await page.getByRole('button', { name: 'Add example' }).click();
	await example(page, 2).getByLabel('Input').fill(GOOD.input);
	await example(page, 2).getByLabel('Output').fill(GOOD.output);
	await example(page, 2).getByLabel('Note').fill(GOOD.note);
	await page.getByRole('button', { name: 'Move example 2 up' }).click();
	await expect(example(page, 1).getByLabel('Input')).toHaveValue(GOOD.input);
	await expect(example(page, 1).getByLabel('Verdict')).toHaveValue('good');
	await expect(example(page, 2).getByLabel('Input')).toHaveValue(BAD.input);
	await page.getByLabel('When the model is wrong').fill('Hand the chat to a support agent.');
	await page.getByRole('button', { name: 'Add in-scope case' }).click();
	await page.getByLabel('Edge cases in scope, case 1').fill('Partial refunds');
	await page.getByRole('button', { name: 'Add out-of-scope case' }).click();
	await page.getByLabel('Edge cases out of scope, case 1').fill('Chargebacks');
}

test('write a spec, reload, and export it as a promptfoo suite', async ({ page }) => {
	await loadSample(page);
	await writeSpec(page);
	await page.getByRole('button', { name: 'Save spec' }).click();
	await expect(page.getByRole('status')).toContainText(
		'Saved the spec of “Refund agent with tool use”.'
	);

	await page.reload();
	const view = spec(page);
	await expect(view.getByRole('listitem').filter({ hasText: 'Example 1' })).toContainText(
		GOOD.output
	);
	await expect(view.getByRole('listitem').filter({ hasText: 'Example 2' })).toContainText(
		'Bad output'
	);
	await expect(view).toContainText('The customer message and order history.');
	await expect(view).toContainText('Hand the chat to a support agent.');
	await expect(view).toContainText('Partial refunds');
	await expect(view).toContainText('Chargebacks');
	await expect(restored(page)).toHaveCount(0);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		view.getByRole('button', { name: 'Export as promptfoo suite' }).click()
	]);
	expect(download.suggestedFilename()).toBe('refund-agent.promptfooconfig.yaml');
	const yaml = readFileSync(await download.path(), 'utf8');
	expect(yaml).toContain(`input: ${JSON.stringify(GOOD.input)}`);
	expect(yaml).toContain(`output: ${JSON.stringify(GOOD.output)}`);
	expect(yaml).toContain(`input: ${JSON.stringify(BAD.input)}`);
	expect(yaml).toContain('type: "not-rouge-n"');
	// The item's latency requirement is checked per call; its rates cannot be, and it says so.
	expect(yaml).toMatch(/- type: "latency"\n {6}threshold: 2500/);
	expect(yaml).toContain('# Requirements this file cannot express:');
	expect(yaml).toContain('#   - Tool-call accuracy ≥ 95 %');
});

test('unsaved spec edits stay as a draft; a failed save says so and keeps them', async ({
	page
}) => {
	const dialogs: string[] = [];
	page.on('dialog', async (dialog) => {
		dialogs.push(dialog.message());
		await dialog.accept();
	});
	await loadSample(page);
	await writeSpec(page);
	await expect(spec(page).getByText('Unsaved changes (kept as a draft)')).toBeVisible();

	await page.getByRole('link', { name: '← Board' }).click();
	await expect(page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await page.goBack();
	await expect(restored(page)).toContainText('Draft restored');
	await expect(example(page, 1).getByLabel('Input')).toHaveValue(GOOD.input);
	await expect(example(page, 2).getByLabel('Note')).toHaveValue(BAD.note);

	// Typed just before a reload: written as the page goes.
	await page.getByLabel('When the model is wrong').fill('Typed just before reload');
	await page.reload();
	await expect(page.getByLabel('When the model is wrong')).toHaveValue('Typed just before reload');

	// The disk is full: the save says so, and nothing typed is lost.
	await page.evaluate(() => {
		(window as unknown as { __capmapFault?: string }).__capmapFault = 'QuotaExceededError';
	});
	await page.getByRole('button', { name: 'Save spec' }).click();
	await expect(spec(page).getByRole('alert')).toContainText(/the browser's storage is full/);
	await expect(page.getByLabel('When the model is wrong')).toHaveValue('Typed just before reload');
	await expect(example(page, 1).getByLabel('Output')).toHaveValue(GOOD.output);

	await page.evaluate(() => {
		(window as unknown as { __capmapFault?: string }).__capmapFault = '';
	});
	await page.getByRole('button', { name: 'Save spec' }).click();
	// Saved (the editor closes): only then reload, or the reload races the save and its draft.
	await expect(spec(page).getByRole('button', { name: 'Edit spec' })).toBeVisible();
	await expect(spec(page)).toContainText('Typed just before reload');
	await page.reload();
	await expect(spec(page).getByRole('button', { name: 'Edit spec' })).toBeVisible();
	await expect(restored(page)).toHaveCount(0);
	expect(dialogs, 'the spec keeps a draft instead of asking').toEqual([]);

	// Cancel with changes asks before throwing them away.
	await spec(page).getByRole('button', { name: 'Edit spec' }).click();
	await page.getByLabel('What the model receives').fill('To be discarded');
	await spec(page).getByRole('button', { name: 'Cancel' }).click();
	expect(dialogs).toEqual(['Discard your changes to this spec?']);
	await expect(spec(page)).toContainText('The customer message and order history.');
	await page.reload();
	await expect(spec(page).getByRole('button', { name: 'Edit spec' })).toBeVisible();
	await expect(restored(page)).toHaveCount(0);
});

test('the spec prints as a document, without the app around it', async ({ page }) => {
	await loadSample(page);
	await writeSpec(page);
	await page.getByRole('button', { name: 'Save spec' }).click();
	await expect(spec(page).getByRole('button', { name: 'Edit spec' })).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { name: 'Refund agent with tool use' })).toBeVisible();
	await expect(
		spec(page).getByRole('heading', { name: 'Examples of good and bad outputs' })
	).toBeVisible();
	await expect(spec(page)).toContainText(GOOD.output);
	for (const chrome of [
		page.getByRole('navigation', { name: 'Main' }),
		page.getByRole('link', { name: '← Board' }),
		page.getByRole('heading', { name: 'Edit', exact: true }),
		page.getByRole('heading', { name: 'Why' }),
		spec(page).getByRole('button', { name: 'Edit spec' }),
		spec(page).getByRole('button', { name: 'Export as promptfoo suite' })
	])
		await expect(chrome).toBeHidden();
});

test('the exported suite runs in promptfoo and its results come back as evidence', async ({
	page
}) => {
	const missing = promptfooMissing();
	if (missing) console.warn(`SKIPPED: ${missing}`);
	test.skip(missing !== null, missing ?? '');
	test.setTimeout(90_000);
	await loadSample(page);
	await writeSpec(page);
	await page.getByRole('button', { name: 'Save spec' }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		spec(page).getByRole('button', { name: 'Export as promptfoo suite' }).click()
	]);
	// GPT-4o answers the good example well and the bad one as the spec says it must not.
	const run = runPromptfoo(
		readFileSync(await download.path(), 'utf8'),
		cannedProvider('gpt-4o', { [GOOD.input]: GOOD.output, [BAD.input]: BAD.output })
	);
	expect(run.status, run.output).toBe(100);

	await page.goto('/evidence/import');
	await page.getByLabel('Results file').setInputFiles(join(run.dir, 'results.json'));
	// promptfoo names the provider gpt-4o, the workspace model's id: it maps itself.
	await expect(page.getByLabel('Workspace model for gpt-4o')).toHaveValue('gpt-4o');
	await page
		.getByLabel('Capability for pass-rate', { exact: true })
		.selectOption({ label: 'Tool-call accuracy (%)' });
	await page.getByRole('button', { name: 'Commit 1 records' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
		'Imported 1 evidence records from results.json.'
	);
	await page.goto('/evidence?model=gpt-4o&capability=tool-use');
	await expect(page.getByRole('row', { name: /results\.json/ })).toContainText('50');
});

test('the spec, read and edited, has no serious accessibility violation, light or dark', async ({
	page
}) => {
	test.setTimeout(90_000);
	const serious = async () =>
		(await new AxeBuilder({ page }).analyze()).violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	await loadSample(page);
	await writeSpec(page);
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		expect(await serious(), `editing, ${scheme}`).toEqual([]);
	}
	await page.getByRole('button', { name: 'Save spec' }).click();
	await expect(spec(page).getByRole('button', { name: 'Edit spec' })).toBeVisible();
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		expect(await serious(), `reading, ${scheme}`).toEqual([]);
	}
});
