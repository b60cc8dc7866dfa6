import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { XSS_CORPUS } from '../src/lib/markdown/xss-corpus';
import { loadSample, SAMPLE } from './helpers';

async function newBrief(page: Page, model = 'GPT-5 (announced)') {
	await page.goto('/briefs');
	await page.getByLabel('Model').selectOption({ label: model });
	await page.getByRole('button', { name: 'Generate brief' }).click();
	await expect(page.getByLabel('Markdown')).toBeVisible();
	return page.getByRole('article', { name: 'Preview' });
}

test('a generated brief has every heading, and each citation lands on its reference', async ({
	page
}) => {
	await loadSample(page);
	const preview = await newBrief(page);
	await expect(preview.getByRole('heading', { level: 1 })).toHaveText(
		'Capability brief: GPT-5 — what it means for Helio Support Suite'
	);
	const headings = await preview.getByRole('heading', { level: 2 }).allTextContents();
	expect(headings).toEqual([
		'Bottom line',
		'What GPT-5 can do that our current models cannot',
		'What it unlocks for users',
		'Risks',
		'Roadmap changes',
		'Evidence'
	]);
	await expect(page.getByRole('heading', { name: /Checks/ })).toContainText('0');

	const citations = preview.locator('a.citation');
	const count = await citations.count();
	expect(count).toBeGreaterThan(10);
	const references = await preview.locator('[id^="ref-"]').count();
	for (const n of [1, 7, references]) {
		const link = preview.locator(`a.citation[href="#ref-${n}"]`).first();
		await link.click();
		await expect(page).toHaveURL(new RegExp(`#ref-${n}$`));
		const target = preview.locator(`#ref-${n}`);
		await expect(target).toBeInViewport();
		await expect(target).toContainText(
			/— (vendor-claim|internal-eval|benchmark|user-research|anecdote), /
		);
	}
	await preview.locator('#ref-2').getByRole('link', { name: 'open evidence' }).click();
	await expect(page.getByRole('heading', { name: 'Evidence' })).toBeVisible();
	await expect(page.getByText('1 of 66 records')).toBeVisible();
	await expect(page.getByRole('row', { name: /Triage eval v7/ })).toContainText('94.2 %');
});

test('the checks flag hype and uncited numbers, and take the cursor there', async ({ page }) => {
	await loadSample(page);
	await newBrief(page);
	const source = page.getByLabel('Markdown');
	await source.press('Control+End');
	await source.pressSequentially('\n\nThis is revolutionary. It is 40% faster.');
	const checks = page.getByRole('region', { name: /Checks/ });
	await expect(checks.getByRole('button', { name: /Hype.*revolutionary/ })).toBeVisible();
	const uncited = checks.getByRole('button', { name: /Uncited number.*40% faster/ });
	await expect(uncited).toBeVisible();
	const lines = (await source.inputValue()).split('\n').length;
	await expect(checks.getByRole('button', { name: /Hype/ })).toContainText(`Line ${lines}`);
	await page.getByLabel('Markdown').press('Control+Home');
	await uncited.click();
	await expect(source).toBeFocused();
	const selected = await source.evaluate((el: HTMLTextAreaElement) =>
		el.value.slice(el.selectionStart, el.selectionEnd)
	);
	expect(selected).toContain('40% faster');
});

test('save, edit, compare and restore a version; the list shows the lint count', async ({
	page
}) => {
	await loadSample(page);
	await newBrief(page);
	const source = page.getByLabel('Markdown');
	const original = await source.inputValue();
	await source.press('Control+End');
	await source.pressSequentially('\n\nA game-changing note.');
	await page.getByRole('button', { name: /^Save/ }).click();
	await expect(page.getByRole('status')).toContainText('Brief saved');
	await expect(page.getByRole('button', { name: 'Restore' })).toHaveCount(1);
	await page.getByRole('button', { name: 'Compare with current' }).click();
	await expect(page.getByLabel('Changes from that version to the current text')).toContainText(
		'+ A game-changing note.'
	);

	await page.goto('/briefs');
	await expect(page.getByRole('row', { name: /What GPT-5 means/ })).toContainText('1 problem');

	await page.getByRole('link', { name: /What GPT-5 means/ }).click();
	await page.getByRole('button', { name: 'Restore' }).click();
	await expect(source).toHaveValue(original);
	await expect(page.getByRole('button', { name: 'Restore' })).toHaveCount(2);
	await page.reload();
	await expect(page.getByLabel('Markdown')).toHaveValue(original);
});

test('changing evidence marks the brief out of date and names the number that moved', async ({
	page
}) => {
	await loadSample(page);
	await newBrief(page);
	const url = page.url();
	await page.goto('/evidence?model=gpt-5&capability=tool-use');
	await page.getByRole('button', { name: /^Edit evidence/ }).click();
	await page.getByLabel('Value').fill('91');
	await page.getByRole('button', { name: 'Save evidence' }).click();
	await expect(page.getByRole('dialog')).toBeHidden();
	await page.goto(url);
	const banner = page.getByRole('status').filter({ hasText: 'Out of date' });
	await expect(banner).toContainText('GPT-5 on Tool-call accuracy: 98 % → 91 %');
	await banner.getByRole('button', { name: 'Regenerate' }).click();
	await expect(page.getByText('Out of date')).toHaveCount(0);
	await expect(page.getByLabel('Markdown')).toHaveValue(
		/Tool-call accuracy\*\*: GPT-5 91 %|Tool-call accuracy ≥ 95 %/
	);
});

test('Markdown and HTML exports: the Markdown equals capmap brief for the same workspace', async ({
	page
}) => {
	await loadSample(page);
	await newBrief(page);
	const asOf = (await page.getByText(/· as of \d{4}-\d{2}-\d{2}/).textContent())!.match(
		/\d{4}-\d{2}-\d{2}/
	)![0];

	const md = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export Markdown' }).click();
	const exported = readFileSync(await (await md).path(), 'utf8');
	const out = join(mkdtempSync(join(tmpdir(), 'capmap-')), 'brief.md');
	const cli = spawnSync(
		'node',
		['scripts/capmap.js', 'brief', SAMPLE, '--model', 'gpt-5', '--as-of', asOf, '--out', out],
		{ encoding: 'utf8' }
	);
	expect(cli.status).toBe(0);
	expect(exported).toBe(readFileSync(out, 'utf8'));

	const html = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export HTML' }).click();
	const doc = readFileSync(await (await html).path(), 'utf8');
	expect(doc).toMatch(/^<!doctype html>/);
	expect(doc).toContain('<h2>Risks</h2>');
	expect(doc).toContain('<a class="citation" href="#ref-1">[1]</a>');
	expect(doc).not.toMatch(/<script|<link |src="http/i);
	const htmlOut = join(mkdtempSync(join(tmpdir(), 'capmap-')), 'brief.html');
	const cliHtml = spawnSync(
		'node',
		[
			'scripts/capmap.js',
			'brief',
			SAMPLE,
			'--model',
			'gpt-5',
			'--as-of',
			asOf,
			'--format',
			'html',
			'--out',
			htmlOut
		],
		{ encoding: 'utf8' }
	);
	expect(cliHtml.status).toBe(0);
	expect(doc).toBe(readFileSync(htmlOut, 'utf8'));
});

test('printing shows the brief alone, references kept, on few pages with title and page numbers', async ({
	page
}) => {
	await loadSample(page);
	const preview = await newBrief(page);
	const title = await preview.getByRole('heading', { level: 1 }).textContent();
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.app-header')).toBeHidden();
	await expect(page.getByLabel('Markdown')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Export Markdown' })).toBeHidden();
	await expect(preview.getByRole('heading', { name: 'Evidence' })).toBeVisible();
	await expect(preview.locator('#ref-1')).toBeVisible();
	expect(
		await preview
			.getByRole('heading', { name: 'Risks' })
			.evaluate((h) => getComputedStyle(h).breakBefore)
	).not.toBe('page');
	// The printed pages carry the brief's title at the top of each page.
	const printStyle = await page.evaluate(() =>
		[...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n')
	);
	expect(printStyle).toContain('@top-center');
	expect(printStyle).toContain(`content: "${title!.trim()}"`);
	expect(printStyle).toContain('counter(pages)');

	const pdf = await page.pdf({ format: 'A4' });
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	const sections = await preview.getByRole('heading', { level: 2 }).count();
	expect(pages).toBeGreaterThan(0);
	expect(pages).toBeLessThan(sections + 2);
});

test('regenerating keeps the author’s edit and moves the number that changed', async ({ page }) => {
	await loadSample(page);
	await newBrief(page);
	const url = page.url();
	const source = page.getByLabel('Markdown');
	const edited = (await source.inputValue()).replace(
		/^## Risks$/m,
		'## Risks\n\nOur own tool-use eval runs in January; until then, treat GPT-5 as unproven.'
	);
	await source.fill(edited);
	await page.getByRole('button', { name: /^Save/ }).click();
	await expect(page.getByRole('status')).toContainText('Brief saved');

	await page.goto('/evidence?model=gpt-5&capability=tool-use');
	await page.getByRole('button', { name: /^Edit evidence/ }).click();
	await page.getByLabel('Value').fill('91');
	await page.getByRole('button', { name: 'Save evidence' }).click();
	await expect(page.getByRole('dialog')).toBeHidden();
	await page.goto(url);
	await page
		.getByRole('status')
		.filter({ hasText: 'Out of date' })
		.getByRole('button', { name: 'Regenerate' })
		.click();
	await expect(page.getByText('Out of date')).toHaveCount(0);
	const merged = await source.inputValue();
	expect(merged).toContain('Our own tool-use eval runs in January');
	expect(merged).toContain('91 %');
	expect(merged).not.toContain('<<<<<<<');
});

test('hostile Markdown in a brief and an item description runs nothing', async ({ page }) => {
	const fired: string[] = [];
	page.on('dialog', async (dialog) => {
		fired.push(`dialog: ${dialog.message()}`);
		await dialog.dismiss();
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window as unknown as { violations: string[] }).violations ??= [];
			(window as unknown as { violations: string[] }).violations.push(
				`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`
			);
		});
	});
	await loadSample(page);
	// A slice of the corpus, typed into the editors (tests/xss.e2e.ts imports all of it): the
	// families aimed at the preview in full, three of each other family.
	const whole = new Set(['css', 'marked-raw-mode', 'markdown']);
	const slice = XSS_CORPUS.filter(
		(p, i, all) => whole.has(p.family) || all.findIndex((q) => q.family === p.family) > i - 3
	).map((p) => p.text);
	const payload = ['Sentinel paragraph.', ...slice].join('\n\n');

	await page.goto('/items/refund-agent');
	await page.getByLabel('Description').fill(payload);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('Saved');
	await page.reload();
	await expect(page.locator('.description')).toContainText('Sentinel paragraph.');

	await newBrief(page);
	await page.getByLabel('Markdown').fill(payload);
	await expect(page.getByRole('article', { name: 'Preview' })).toContainText('Sentinel paragraph.');
	// Hover over the preview, where any surviving mouse handler would fire.
	const box = (await page.getByRole('article', { name: 'Preview' }).boundingBox())!;
	for (let y = box.y; y < box.y + Math.min(box.height, 800); y += 40)
		await page.mouse.move(box.x + box.width / 2, y);
	await page.waitForTimeout(500);

	// Raw HTML is text: the phishing overlay is there to read, and draws nothing.
	const preview = page.getByRole('article', { name: 'Preview' });
	await expect(preview).toContainText('<div/ style="position:fixed;inset:0;z-index:99999');
	await expect(preview).toContainText('![pixel](//evil.example/pixel.png)');
	await expect(preview.getByRole('link', { name: 'Image: pixel' }).first()).toHaveAttribute(
		'href',
		'https://evil.example/pixel.png'
	);

	// The exported copy carries no markup of the author's either.
	const html = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export HTML' }).click();
	const doc = readFileSync(await (await html).path(), 'utf8');
	const parsed = await page.evaluate((text) => {
		const main = new DOMParser().parseFromString(text, 'text/html').querySelector('main')!;
		return {
			text: main.textContent,
			markup: [
				...main.querySelectorAll(
					'img, script, iframe, object, embed, svg, math, details, video, audio, form, input, style, link, base, meta, [style], [src]'
				)
			].map((e) => e.outerHTML),
			handlers: [...main.querySelectorAll('*')].flatMap((e) =>
				[...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)
			)
		};
	}, doc);
	expect(parsed.text).toContain('Sentinel paragraph.');
	expect(parsed.text).toContain('<div/ style="position:fixed;inset:0;z-index:99999');
	expect(parsed.markup).toEqual([]);
	expect(parsed.handlers).toEqual([]);

	expect(fired).toEqual([]);
	expect(
		await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? [])
	).toEqual([]);
	expect(
		await page
			.locator(
				'main script, main iframe, main object, main embed, main img, .preview [style], .description [style]'
			)
			.count()
	).toBe(0);
});
