/**
 * The XSS corpus (src/lib/markdown/xss-corpus.ts) in every text field of a workspace, through
 * every view, in Chromium. A payload that runs calls `window.__xss(id)` (or opens a dialog); a
 * payload the sanitiser let through as markup but the Content-Security-Policy stopped raises a
 * `securitypolicyviolation`. Both must stay at zero: the pipeline has to hold on its own, with the
 * policy only as the second wall. And the payloads must be there to read, as text, so the test
 * cannot pass by showing nothing.
 *
 * The corpus is cut into a few batches, one workspace each (the sample's structure, every free
 * text replaced), so the whole run stays around a minute on two cores.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { validateWorkspace } from '../src/lib/domain/workspace';
import { ALLOWED_ATTR, ALLOWED_TAGS } from '../src/lib/markdown/render';
import { XSS_CORPUS } from '../src/lib/markdown/xss-corpus';
import { BRIEF_SENTINEL, batches, hostileWorkspace } from './fixtures/xss/workspace';
import { loadSample } from './helpers';

const BATCHES = 3;
/** The model the generated brief is about: its name, like every name, is a payload. */
const FOCUS = 'gpt-5';

/** Text as a reader sees it: runs of white space are one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A name as the brief writes it (one line, control characters as spaces), then squashed. */
const asName = (text: string) => squash(text.replace(/[\p{Cc}\u2028\u2029]/gu, ' '));

interface Alarms {
	executed: string[];
	violations: string[];
}

/** Listens, in every page and document of the context, for script that ran and for the CSP. */
async function arm(context: BrowserContext): Promise<Alarms> {
	const alarms: Alarms = { executed: [], violations: [] };
	await context.exposeBinding('__xssAlarm', (_source, kind: string, detail: string) => {
		(kind === 'script' ? alarms.executed : alarms.violations).push(detail);
	});
	await context.addInitScript(() => {
		const alarm = (kind: string, detail: string) =>
			(window as unknown as { __xssAlarm(k: string, d: string): void }).__xssAlarm(kind, detail);
		Object.defineProperty(window, '__xss', {
			value: (id: unknown) => alarm('script', `__xss(${String(id)}) ran on ${location.href}`)
		});
		document.addEventListener(
			'securitypolicyviolation',
			(e) =>
				alarm(
					'csp',
					`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${e.documentURI}: ${e.sample}`
				),
			true
		);
	});
	context.on('dialog', (dialog) => {
		if (dialog.type() !== 'beforeunload')
			alarms.executed.push(`${dialog.type()}(${dialog.message()}) on ${dialog.page()?.url()}`);
		void dialog.dismiss();
	});
	context.on('console', (message) => {
		if (/content security policy/i.test(message.text()))
			alarms.violations.push(`console: ${message.text()}`);
	});
	return alarms;
}

/** An in-app navigation, as a click on a link would make it: quicker than loading the page. */
async function visit(page: Page, path: string, ready: Locator): Promise<void> {
	await page.evaluate((href) => {
		const a = document.createElement('a');
		a.href = href;
		(document.querySelector('main') ?? document.body).append(a);
		a.click();
		a.remove();
	}, path);
	await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
	await expect(ready).toBeVisible();
}

/**
 * What must hold in any view: nothing that runs or loads from user text, no handler attribute,
 * links only where the URL allow-list lets them go, and inside the Markdown containers only the
 * pipeline's own elements and attributes, none with a style.
 */
async function expectCleanDom(page: Page, where: string): Promise<void> {
	const found = await page.evaluate(
		({ tags, attrs }) => {
			const out: string[] = [];
			const main = document.querySelector('main') ?? document.body;
			for (const e of main.querySelectorAll(
				'script, iframe, frame, object, embed, base, meta, link, style, form[action], math'
			))
				out.push(`element ${e.outerHTML.slice(0, 80)}`);
			for (const e of main.querySelectorAll('*')) {
				for (const a of e.attributes) {
					if (/^on/i.test(a.name)) out.push(`handler ${e.localName} ${a.name}`);
					if (
						['href', 'xlink:href', 'src', 'action', 'formaction', 'data'].includes(a.name) &&
						!/^(?:https?:|mailto:|#|\?|\/(?![/\\]))/i.test(a.value)
					)
						out.push(`url ${e.localName} ${a.name}="${a.value}"`);
				}
				if (['img', 'image', 'video', 'audio', 'source', 'picture'].includes(e.localName))
					out.push(`media ${e.outerHTML.slice(0, 80)}`);
			}
			for (const e of main.querySelectorAll('.description *, .preview *')) {
				if (e.closest('.open-evidence')) continue;
				if (!tags.includes(e.localName)) out.push(`user markup <${e.localName}>`);
				for (const a of e.attributes)
					if (!attrs.includes(a.name)) out.push(`user attribute ${e.localName} ${a.name}`);
			}
			return out;
		},
		{ tags: [...ALLOWED_TAGS] as string[], attrs: [...ALLOWED_ATTR] as string[] }
	);
	expect(found, where).toEqual([]);
}

/** Moves the mouse over an element, where any surviving mouse handler would fire. */
async function sweep(page: Page, target: Locator): Promise<void> {
	const box = await target.boundingBox();
	if (!box) return;
	for (let y = box.y; y < box.y + Math.min(box.height, 900); y += 60)
		await page.mouse.move(box.x + box.width / 2, y);
}

/** Opens a downloaded file as a document of its own, in the same (watched) context. */
async function openDownload(
	context: BrowserContext,
	page: Page,
	button: Locator,
	dir: string
): Promise<{ doc: Page; text: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	const file = join(dir, download.suggestedFilename());
	await download.saveAs(file);
	const doc = await context.newPage();
	await doc.goto(pathToFileURL(file).href);
	return { doc, text: readFileSync(file, 'utf8') };
}

/** Characters XML 1.0 forbids: a saved SVG holding one would not open. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

test('the alarms hear a payload that runs, a dialog, and markup the policy stops', async ({
	context,
	page
}) => {
	const alarms = await arm(context);
	await loadSample(page);
	// In the app, the policy stops an inline handler: a violation, nothing runs.
	await page.evaluate(() =>
		document
			.querySelector('main')!
			.insertAdjacentHTML('beforeend', '<img alt="" src="data:," onerror="__xss(0)">')
	);
	await expect.poll(() => alarms.violations.length).toBeGreaterThan(0);
	expect(alarms.executed).toEqual([]);
	// In a file with no policy, the same markup runs, and so does a dialog.
	const file = join(mkdtempSync(join(tmpdir(), 'capmap-xss-')), 'canary.html');
	writeFileSync(
		file,
		'<!doctype html><img alt="" src="data:," onerror="__xss(0)"><img alt="" src="data:," onerror="alert(0)">'
	);
	const doc = await context.newPage();
	await doc.goto(pathToFileURL(file).href);
	await expect.poll(() => alarms.executed.length).toBe(2);
	expect(alarms.executed[0]).toMatch(/^__xss\(0\) ran on file:/);
});

for (const [index, batch] of batches(XSS_CORPUS, BATCHES).entries()) {
	const payloads = batch.map((p) => p.text);
	test(`payloads ${batch[0]!.id}–${batch.at(-1)!.id} in every field and view run nothing and break no policy`, async ({
		context,
		page
	}) => {
		test.setTimeout(150_000);
		const alarms = await arm(context);
		const file = hostileWorkspace(payloads, { briefModelId: FOCUS });
		const check = validateWorkspace(file);
		if (!check.ok) throw new Error(`fixture invalid: ${JSON.stringify(check.problems[0])}`);
		const ws = check.workspace;
		const dir = mkdtempSync(join(tmpdir(), `capmap-xss-${index}-`));

		// Import through the Workspace page.
		await loadSample(page);
		await visit(page, '/workspace', page.getByRole('heading', { name: 'Workspace', level: 1 }));
		await page.locator('input[type=file]').setInputFiles({
			name: 'hostile.capmap.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(file))
		});
		await expect(page.getByRole('status')).toContainText('Imported');
		await expect(page.locator('.workspace-name')).toHaveText(ws.name);
		await expectCleanDom(page, '/workspace');

		// The board shows the open items' titles, as text.
		await visit(page, '/', page.getByRole('heading', { name: 'Roadmap board' }));
		const board = squash((await page.locator('main').textContent()) ?? '');
		const open = ws.items.filter((i) => ['idea', 'planned', 'in-progress'].includes(i.status));
		expect(open.filter((i) => board.includes(squash(i.title))).length).toBe(open.length);
		await expectCleanDom(page, '/');

		// Every item page: its title as the heading, its description through the pipeline.
		for (const item of ws.items) {
			const heading = page.getByRole('heading', { level: 1 }).first();
			await visit(page, `/items/${encodeURIComponent(item.id)}`, heading);
			await expect(heading).toHaveText(item.title);
			const description = page.locator('.description');
			if (item.description) {
				await expect(description).not.toBeEmpty();
				await sweep(page, description);
			}
			await expectCleanDom(page, `/items/${item.id}`);
		}

		const views: [string, Locator][] = [
			['/capabilities', page.getByRole('heading', { name: 'Capabilities', level: 1 })],
			['/models', page.getByRole('heading', { name: 'Models', level: 1 })],
			['/evidence', page.getByRole('heading', { name: 'Evidence', level: 1 })],
			['/decisions', page.getByRole('heading', { name: 'Decisions', level: 1 })],
			['/scenario', page.getByRole('heading', { name: 'Scenario', level: 1 })],
			['/quarters', page.getByRole('heading', { name: 'Quarter view', level: 1 })],
			['/briefs', page.getByRole('heading', { name: 'Leadership briefs', level: 1 })]
		];
		for (const [path, ready] of views) {
			await visit(page, path, ready);
			await expectCleanDom(page, path);
		}
		await expect(page.locator('main')).toContainText(ws.briefs[0]!.title);

		// The four charts, their tables opened, each saved as SVG and opened as a document.
		for (const [path, title] of [
			['/charts/map', 'Dependency map'],
			['/charts/matrix', 'Capability matrix'],
			['/charts/timeline', 'Readiness timeline'],
			['/charts/gaps', 'Gap chart: what would it take']
		]) {
			await visit(page, path!, page.getByRole('heading', { name: title, level: 1 }));
			await page.locator('details.alternative > summary').click();
			await expectCleanDom(page, path!);
			const svg = await openDownload(
				context,
				page,
				page.getByRole('button', { name: 'Save SVG' }),
				dir
			);
			expect(
				await svg.doc.evaluate(() =>
					[...document.querySelectorAll('*')].flatMap((e) => [
						...(['script', 'foreignObject', 'iframe', 'a'].includes(e.localName)
							? [`element ${e.localName}`]
							: []),
						...[...e.attributes]
							.filter((a) => /^on|href$/i.test(a.name))
							.map((a) => `${e.localName} ${a.name}`)
					])
				),
				`${path} as SVG`
			).toEqual([]);
			expect(NOT_XML.test(svg.text), `${path} as SVG holds only characters XML allows`).toBe(false);
			expect(
				await svg.doc.evaluate(() => ({
					root: document.documentElement.localName,
					error: document.querySelector('parsererror') !== null,
					title: document.querySelector('title')?.textContent
				})),
				`${path} as SVG`
			).toEqual({ root: 'svg', error: false, title });
			await svg.doc.close();
		}

		// The imported brief: every payload of the batch in its Markdown, shown as text.
		await visit(page, '/briefs/hostile-brief', page.getByLabel('Markdown'));
		const preview = page.getByRole('article', { name: 'Preview' });
		await expect(preview).toContainText(BRIEF_SENTINEL);
		await sweep(page, preview);
		const shown = squash((await preview.textContent()) ?? '');
		const plain = payloads.filter(
			(p) => p.startsWith('<') && !/[\p{Cc}\\`*[\]&~|]|https?:\/\/| {2}/u.test(p)
		);
		expect(plain.length).toBeGreaterThan(20);
		expect(plain.filter((p) => !shown.includes(squash(p)))).toEqual([]);
		await expectCleanDom(page, '/briefs/hostile-brief');

		// A brief generated for a model whose name is a payload: the generated structure, its own
		// lint clean, and the HTML export opened as a document.
		await visit(page, '/briefs', page.getByRole('heading', { name: 'Leadership briefs' }));
		await page.getByLabel('Model').selectOption(FOCUS);
		await page.getByRole('button', { name: 'Generate brief' }).click();
		await expect(page.getByLabel('Markdown')).toBeVisible();
		const model = ws.models.find((m) => m.id === FOCUS)!;
		const title = `Capability brief: ${asName(model.name)} — what it means for ${asName(ws.name)}`;
		const generated = page.getByRole('article', { name: 'Preview' });
		await expect(generated.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(generated.getByRole('heading', { level: 2 })).toHaveCount(6);
		await expect(page.getByRole('heading', { name: /Checks/ })).toContainText('0');
		await sweep(page, generated);
		await expectCleanDom(page, 'generated brief');
		const { doc: html } = await openDownload(
			context,
			page,
			page.getByRole('button', { name: 'Export HTML' }),
			dir
		);
		await expect(html.getByRole('heading', { level: 1 })).toHaveText(title);
		expect(await html.title()).toBe(title);
		expect(await html.locator('img, script, iframe, object, embed, [style]').count()).toBe(0);
		await sweep(html, html.locator('main'));
		await html.close();

		await page.waitForTimeout(300);
		expect(alarms.executed).toEqual([]);
		expect(alarms.violations).toEqual([]);
	});
}
