/**
 * Data safety in the browser: unsaved edits survive leaving the page (drafts) or are asked about
 * (dialogs), two tabs never overwrite each other, and a failed write says why and keeps the text.
 */
import { expect, test, type Page } from '@playwright/test';
import { loadSample } from './helpers';

/** Every browser dialog (confirm, beforeunload) the page opens, answered as told. */
function answerDialogs(page: Page, accept: () => boolean) {
	const seen: { type: string; message: string }[] = [];
	page.on('dialog', async (dialog) => {
		seen.push({ type: dialog.type(), message: dialog.message() });
		if (accept()) await dialog.accept();
		else await dialog.dismiss();
	});
	return seen;
}

/** Makes every write to the database fail as a full disk would (db/fault-injection.ts). */
async function failWrites(page: Page, name: string | null) {
	await page.evaluate((fault) => {
		(window as unknown as { __capmapFault?: string | null }).__capmapFault = fault;
	}, name);
}

/** Uncaught errors and unhandled rejections: a failed write must never end as one of these. */
function pageErrors(page: Page) {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

const restored = (page: Page) => page.getByRole('region', { name: 'Restored draft' });

test('the item editor keeps a draft through ← Board, a nav link, Back and reload', async ({
	page
}) => {
	const dialogs = answerDialogs(page, () => true);
	await loadSample(page);
	await page.goto('/items/refund-agent');
	await page.getByLabel('Owner').fill('Draft owner');
	await page
		.getByLabel(/Threshold/)
		.first()
		.fill('77');
	await expect(page.getByText('Unsaved changes (kept as a draft)')).toBeVisible();

	await page.getByRole('link', { name: '← Board' }).click();
	await expect(page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await page.getByRole('link', { name: 'Refund agent with tool use' }).click();
	await expect(restored(page)).toContainText('Draft restored');
	await expect(page.getByLabel('Owner')).toHaveValue('Draft owner');
	await expect(page.getByLabel(/Threshold/).first()).toHaveValue('77');

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Models' })
		.click();
	await expect(page.getByRole('heading', { name: 'Models' })).toBeVisible();
	await expect(page).toHaveURL(/\/models$/);
	await page.goBack();
	await expect(page).toHaveURL(/\/items\/refund-agent$/);
	await expect(page.getByLabel('Owner')).toHaveValue('Draft owner');

	// Typed just before a reload: the draft is written as the page goes (pagehide).
	await page.getByLabel('Owner').fill('Typed just before reload');
	await page.reload();
	await expect(restored(page)).toBeVisible();
	await expect(page.getByLabel('Owner')).toHaveValue('Typed just before reload');

	await restored(page).getByRole('button', { name: 'Discard draft' }).click();
	await expect(page.getByLabel('Owner')).toHaveValue('Marcus');
	await expect(page.getByLabel(/Threshold/).first()).toHaveValue('95');
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Refund agent with tool use');
	await expect(restored(page)).toHaveCount(0);

	// Saved, a draft is gone: coming back shows the saved item and no notice.
	await page.getByLabel('Owner').fill('Saved owner');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('Saved “Refund agent with tool use”.');
	await page.reload();
	await expect(page.getByLabel('Owner')).toHaveValue('Saved owner');
	await expect(restored(page)).toHaveCount(0);
	expect(dialogs, 'the item editor keeps a draft instead of asking').toEqual([]);
});

test('the brief editor keeps a draft through ← Briefs, a nav link, Back, reload and a closed tab', async ({
	context,
	page
}) => {
	await loadSample(page);
	await page.goto('/briefs');
	await page.getByRole('button', { name: 'Generate brief' }).click();
	const source = page.getByLabel('Markdown');
	await expect(source).toBeVisible();
	const generated = await source.inputValue();
	const briefUrl = page.url();
	await source.press('Control+End');
	await source.pressSequentially('\n\nA note typed and never saved.');

	await page.getByRole('link', { name: '← Briefs' }).click();
	await expect(page.getByRole('heading', { name: 'Leadership briefs' })).toBeVisible();
	await page.getByRole('link', { name: /What GPT-5 means/ }).click();
	await expect(restored(page)).toContainText('Draft restored');
	await expect(source).toHaveValue(`${generated}\n\nA note typed and never saved.`);

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click();
	await expect(page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await page.goBack();
	await expect(source).toHaveValue(/A note typed and never saved\.$/);

	await source.press('Control+End');
	await source.pressSequentially(' More.');
	await page.reload();
	await expect(source).toHaveValue(/A note typed and never saved\. More\.$/);

	// The tab closes; another one opens the brief and finds the draft.
	await page.close();
	const again = await context.newPage();
	await again.goto(briefUrl);
	await expect(again.getByLabel('Markdown')).toHaveValue(/never saved\. More\.$/);
	await restored(again).getByRole('button', { name: 'Discard draft' }).click();
	await expect(again.getByLabel('Markdown')).toHaveValue(generated);
	await again.reload();
	await expect(again.getByLabel('Markdown')).toHaveValue(generated);
	await expect(restored(again)).toHaveCount(0);
});

test('an entity dialog with changes asks before Back, Esc or a reload loses them', async ({
	page
}) => {
	let accept = false;
	const dialogs = answerDialogs(page, () => accept);
	await loadSample(page);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Models' })
		.click();
	await page.getByRole('button', { name: 'Edit GPT-5' }).click();
	await page.getByLabel('Notes').fill('Unsaved note');

	// The page behind a modal dialog takes no clicks; Back still navigates.
	await page.goBack();
	await expect.poll(() => dialogs.length).toBe(1);
	expect(dialogs[0]).toMatchObject({
		type: 'confirm',
		message: expect.stringContaining('not saved')
	});
	await expect(page).toHaveURL(/\/models$/);
	await expect(page.getByLabel('Notes')).toHaveValue('Unsaved note');

	await page.keyboard.press('Escape');
	await expect.poll(() => dialogs.length).toBe(2);
	expect(dialogs[1]!.message).toBe('Discard your changes to this model?');
	await expect(page.getByRole('dialog')).toBeVisible();
	await expect(page.getByLabel('Notes')).toHaveValue('Unsaved note');

	// A reload: the browser's own "leave site?" prompt (beforeunload), answered "stay".
	await page.evaluate(() => setTimeout(() => location.reload()));
	await expect.poll(() => dialogs.length).toBe(3);
	expect(dialogs[2]!.type).toBe('beforeunload');
	await expect(page.getByLabel('Notes')).toHaveValue('Unsaved note');

	// Saying yes leaves, and the change is gone as the user chose.
	accept = true;
	await page.goBack();
	await expect(page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await page.goto('/models');
	await expect(page.getByRole('row', { name: /GPT-5/ })).not.toContainText('Unsaved note');
	// Opened and closed without a change: no question.
	const asked = dialogs.length;
	await page.getByRole('button', { name: 'Edit GPT-5' }).click();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog')).toBeHidden();
	expect(dialogs.length).toBe(asked);
});

test('two tabs: different fields of one item both survive; the same field asks which to keep', async ({
	context
}) => {
	const a = await context.newPage();
	await loadSample(a);
	const b = await context.newPage();
	await b.goto('/items/refund-agent'); // opened before tab A's save
	await expect(b.getByLabel('Title')).toHaveValue('Refund agent with tool use');
	await a.goto('/items/refund-agent');

	await a.getByLabel('Owner').fill('Ann');
	await a.getByRole('button', { name: 'Save changes' }).click();
	await expect(a.getByRole('status')).toContainText('Saved');
	await b.getByLabel('Title').fill('Refunds (tab B)');
	await b.getByRole('button', { name: 'Save changes' }).click();
	await expect(b.getByRole('status')).toContainText('Saved “Refunds (tab B)”.');
	// B's form now shows A's owner too: the save merged, and nothing was reverted.
	await expect(b.getByLabel('Owner')).toHaveValue('Ann');
	await a.reload();
	await expect(a.getByLabel('Title')).toHaveValue('Refunds (tab B)');
	await expect(a.getByLabel('Owner')).toHaveValue('Ann');

	// The same field in both: B is told, and chooses.
	await a.getByLabel('Owner').fill('Bob');
	await a.getByRole('button', { name: 'Save changes' }).click();
	await expect(a.getByRole('status')).toContainText('Saved');
	await b.getByLabel('Owner').fill('Cleo');
	await b.getByRole('button', { name: 'Save changes' }).click();
	const conflict = b.getByRole('alert').filter({ hasText: 'changed in another tab' });
	await expect(conflict).toContainText('Owner — yours: Cleo; in the other tab: Bob');
	await a.reload();
	await expect(a.getByLabel('Owner')).toHaveValue('Bob'); // nothing overwritten yet
	await conflict.getByRole('button', { name: 'Keep mine (Owner)' }).click();
	await expect(b.getByRole('status')).toContainText('Saved');
	await a.reload();
	await expect(a.getByLabel('Owner')).toHaveValue('Cleo');

	await a.getByLabel('Owner').fill('Dan');
	await a.getByRole('button', { name: 'Save changes' }).click();
	await expect(a.getByRole('status')).toContainText('Saved');
	await b.getByLabel('Owner').fill('Eve');
	await b.getByRole('button', { name: 'Save changes' }).click();
	await b.getByRole('button', { name: 'Take theirs (Owner)' }).click();
	await expect(b.getByLabel('Owner')).toHaveValue('Dan');
	await expect(b.getByRole('alert').filter({ hasText: 'changed in another tab' })).toHaveCount(0);
	await b.reload();
	await expect(b.getByLabel('Owner')).toHaveValue('Dan');
});

test('a write that fails (storage full) says so in words and keeps what was typed', async ({
	page
}) => {
	answerDialogs(page, () => true);
	const errors = pageErrors(page);
	await loadSample(page);
	const full = /Could not save: the browser's storage is full — export the workspace now/;

	await page.goto('/items/refund-agent');
	await page.getByLabel('Owner').fill('Typed before the disk filled');
	await failWrites(page, 'QuotaExceededError');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('alert')).toContainText(full);
	await expect(page.getByRole('alert')).toContainText('What you typed is still here.');
	await expect(page.getByLabel('Owner')).toHaveValue('Typed before the disk filled');
	await failWrites(page, null);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('Saved');
	await expect(page.getByRole('alert')).toHaveCount(0);

	// An entity dialog stays open with its fields.
	await page.goto('/evidence');
	await page.getByRole('button', { name: 'Add evidence' }).click();
	await page.getByLabel('Value').fill('88');
	await page.getByLabel('Source', { exact: true }).fill('Eval typed while full');
	await failWrites(page, 'QuotaExceededError');
	await page.getByRole('button', { name: 'Save evidence' }).click();
	await expect(page.getByRole('dialog').getByRole('alert')).toContainText(full);
	await expect(page.getByLabel('Source', { exact: true })).toHaveValue('Eval typed while full');

	// Generating a brief: the message, and the choices stay.
	await failWrites(page, null);
	await page.goto('/briefs'); // asks first (the dialog has changes); the handler says leave
	await page.getByLabel('Model').selectOption({ label: 'Claude Sonnet 4.5 (available)' });
	await failWrites(page, 'QuotaExceededError');
	await page.getByRole('button', { name: 'Generate brief' }).click();
	await expect(page.getByRole('alert')).toContainText(
		/Could not save the new brief: the browser's storage is full — export the workspace now/
	);
	await expect(page).toHaveURL(/\/briefs$/);
	await expect(page.getByLabel('Model')).toHaveValue('claude-sonnet-4-5');

	// The brief editor: the text stays, and stays as a draft.
	await failWrites(page, null);
	await page.getByRole('button', { name: 'Generate brief' }).click();
	const source = page.getByLabel('Markdown');
	await source.press('Control+End');
	await source.pressSequentially('\n\nWritten while full.');
	await failWrites(page, 'QuotaExceededError');
	await page.getByRole('button', { name: /^Save/ }).click();
	await expect(page.getByRole('alert')).toContainText(full);
	await expect(source).toHaveValue(/Written while full\.$/);

	// Roadmap items from a CSV: nothing added, the table stays to retry. (A page load clears the
	// fault: set it again.)
	await page.goto('/items/import');
	await page.getByLabel('Roadmap CSV file').setInputFiles('tests/fixtures/roadmap/jira-export.csv');
	await failWrites(page, 'QuotaExceededError');
	await page.getByRole('button', { name: 'Add 5 items' }).click();
	await expect(page.getByRole('alert')).toContainText(
		/Nothing was imported: the browser's storage is full/
	);
	await expect(page.getByRole('button', { name: 'Add 5 items' })).toBeVisible();
	expect(errors, 'every failure was shown, none went unhandled').toEqual([]);
});

test('the database deleted in another tab: the true cause, a way to keep the data, the text kept', async ({
	context
}) => {
	const page = await context.newPage();
	const errors = pageErrors(page);
	await loadSample(page);
	await page.goto('/items/refund-agent');
	await page.getByLabel('Owner').fill('Typed before the delete');

	const other = await context.newPage();
	await other.goto('/favicon.svg');
	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.deleteDatabase('capmap');
				request.onsuccess = () => resolve();
				request.onerror = () => reject(request.error);
			})
	);

	const banner = page.getByRole('alert').filter({ hasText: 'can no longer save' });
	await expect(banner).toContainText("Capmap's database was deleted in another tab");
	await expect(page.getByText('A newer version of Capmap')).toHaveCount(0);

	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Could not save' })).toContainText(
		"Could not save: Capmap's database was deleted in another tab (or this site's data was cleared), so this tab cannot save any more — export the workspace now"
	);
	await expect(page.getByLabel('Owner')).toHaveValue('Typed before the delete');

	// What this tab still shows can be exported, whole.
	const download = page.waitForEvent('download');
	await banner.getByRole('button', { name: 'Export what this tab shows' }).click();
	const file = await (await download).path();
	const { readFileSync } = await import('node:fs');
	const exported = JSON.parse(readFileSync(file, 'utf8'));
	expect(exported.items).toHaveLength(25);
	expect(errors).toEqual([]);
});
