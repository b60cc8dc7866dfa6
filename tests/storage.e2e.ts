import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSample, SAMPLE } from './helpers';

test('two tabs see each other’s edits', async ({ context }) => {
	const first = await context.newPage();
	await loadSample(first);
	const second = await context.newPage();
	await second.goto('/models');
	await expect(second.getByRole('row', { name: /GPT-5/ })).toContainText('announced');

	await first.goto('/models');
	await first.getByRole('button', { name: 'Edit GPT-5' }).click();
	await first.getByLabel('Status').selectOption('available');
	await first.getByRole('button', { name: 'Save model' }).click();

	await expect(second.getByRole('row', { name: /GPT-5/ })).toContainText('available');
});

test('after one visit the app opens and edits with the network off', async ({ context, page }) => {
	await loadSample(page);
	// Wait until the service worker controls the page, i.e. the app is precached.
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

	await context.setOffline(true);
	await page.goto('/items/refund-agent');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Refund agent with tool use' })
	).toBeVisible();
	await page.getByLabel('Title').fill('Refund agent (offline edit)');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('Saved “Refund agent (offline edit)”.');
	await page.reload();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Refund agent (offline edit)' })
	).toBeVisible();
	await page.getByRole('link', { name: 'Quarters' }).click();
	await expect(page.getByRole('heading', { name: 'Quarter view' })).toBeVisible();
});

test('export, then import into an empty app, gives back the same workspace', async ({
	browser,
	page
}) => {
	await loadSample(page);
	await page.goto('/workspace');
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export workspace file' }).click();
	const path = await (await download).path();
	const exported = JSON.parse(readFileSync(path, 'utf8'));
	expect(exported).toEqual(JSON.parse(readFileSync(SAMPLE, 'utf8')));

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('/');
	await other.locator('input[type=file]').setInputFiles(path);
	await expect(other.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await other.goto('/workspace');
	const again = other.waitForEvent('download');
	await other.getByRole('button', { name: 'Export workspace file' }).click();
	expect(JSON.parse(readFileSync(await (await again).path(), 'utf8'))).toEqual(exported);
	await fresh.close();
});

test('a broken import lists its problems and changes nothing', async ({ page }) => {
	await loadSample(page);
	await page.goto('/workspace');
	const broken = JSON.parse(readFileSync(SAMPLE, 'utf8'));
	broken.name = 'Broken';
	broken.items[3].requirements[0].capabilityId = 'ctx-128k';
	broken.evidence[0].value = 'high';
	await page.locator('input[type=file]').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(broken))
	});
	const alert = page.getByRole('alert');
	await expect(alert).toContainText(
		'broken.json was not imported: 2 problems. Nothing was changed.'
	);
	await expect(alert).toContainText(
		'items[3].requirements[0].capabilityId: no capability "ctx-128k"'
	);
	await expect(alert).toContainText('evidence[0].value: must be a number, not text');
	await page.reload();
	await expect(page.locator('header')).toContainText('Helio Support Suite');
	await expect(
		page.getByText('25 items, 14 capabilities, 9 models, 66 evidence records')
	).toBeVisible();
});

test('an older tab stops and asks to reload when a newer version upgrades the database', async ({
	context
}) => {
	const old = await context.newPage();
	await loadSample(old);
	const newer = await context.newPage();
	await newer.goto('/favicon.svg');
	// What a newer Capmap does on open: the same database at a higher schema version.
	await newer.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('capmap', 1000);
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			})
	);
	await expect(old.getByRole('alert')).toContainText(
		'A newer version of Capmap was opened in another tab'
	);
	await expect(old.getByRole('button', { name: 'Reload' })).toBeVisible();
});

test.describe('the first screen, before storage has loaded', () => {
	// Requests from the page itself, so the test can hold back the storage code.
	test.use({ serviceWorkers: 'block' });

	test('a workspace the first-screen note does not know of is found, never replaced', async ({
		page
	}) => {
		await loadSample(page);
		const remembered = () => page.evaluate(() => localStorage.getItem('capmap:workspace-here'));
		expect(await remembered()).not.toBeNull();

		// As a Capmap from before the note left it (or localStorage cleared apart from the
		// database): the welcome page shows at once, and storage, loaded after it is painted,
		// finds the workspace. The storage code is held back, so there is time to click.
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes('storagemutated')) await new Promise((r) => setTimeout(r, 1500));
			await route.fulfill({ response, body });
		});
		const other = JSON.stringify({ ...JSON.parse(readFileSync(SAMPLE, 'utf8')), name: 'Other' });
		for (const choose of [
			() => page.getByRole('button', { name: 'Start empty' }).click(),
			() =>
				page.getByLabel('Open a workspace file').setInputFiles({
					name: 'other.json',
					mimeType: 'application/json',
					buffer: Buffer.from(other)
				})
		]) {
			await page.evaluate(() => localStorage.removeItem('capmap:workspace-here'));
			await page.reload();
			await choose();
			await expect(page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
			await expect(page.locator('header .workspace-name')).toHaveText('Helio Support Suite');
			expect(await remembered()).not.toBeNull();
			// The choice was refused, not written after the board was drawn: once everything it
			// needed has loaded, the stored workspace is still the one.
			await page.waitForLoadState('networkidle');
			await page.reload();
			await expect(page.locator('header .workspace-name')).toHaveText('Helio Support Suite');
			await expect(page.getByRole('article').first()).toBeVisible();
		}
	});
});
