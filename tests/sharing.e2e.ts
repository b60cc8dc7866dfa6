/**
 * Shared workspaces against a real sync server (`npm run sync` on loopback, SQLite in a temporary
 * folder, serving the built app): two browser contexts are two people on one workspace.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { newRecordMap } from '../src/lib/sync/record-map';
import { SAMPLE } from './helpers';
import { TestSyncServer } from './sync-server';

// Real servers, several browsers and reconnections: each flow takes longer than a page test.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

let server: TestSyncServer;
test.beforeAll(async () => {
	server = new TestSyncServer();
	await server.start();
});
test.afterAll(async () => {
	await server.dispose();
});

/** A person's own browser (profile), on the app the sync server serves. */
async function person(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL: server.url });
	const page = await context.newPage();
	return { context, page };
}

async function fillShareForm(page: Page, name: string, workspace: string, token: string) {
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('Workspace id').fill(workspace);
	await page.getByLabel('Access token').fill(token);
}

/** Loads the sample and shares it under `workspace`. */
async function shareSample(page: Page, workspace: string, token: string) {
	await page.goto('/');
	const load = page.getByRole('button', { name: 'Load the sample workspace' });
	const board = page.getByRole('heading', { name: 'Roadmap board' });
	await expect(load.or(board)).toBeVisible();
	if (await load.isVisible()) await load.click();
	await expect(board).toBeVisible();
	await page.getByRole('link', { name: 'Workspace', exact: true }).click();
	await fillShareForm(page, 'Ana', workspace, token);
	await page.getByRole('button', { name: 'Share', exact: true }).click();
	await expect(page.getByText(`Shared: anyone with a token for “${workspace}”`)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Synced' })).toBeVisible();
}

/** Joins through the welcome page's form; `beforeJoin` runs once it is filled in. */
async function join(
	page: Page,
	name: string,
	workspace: string,
	token: string,
	beforeJoin?: () => Promise<void>
) {
	await page.goto('/');
	await page.getByRole('button', { name: 'Join…' }).click();
	await fillShareForm(page, name, workspace, token);
	await beforeJoin?.();
	await page.getByRole('button', { name: 'Join', exact: true }).click();
}

test('a workspace shared by one person opens for another, and an edit in one shows in the other', async ({
	browser
}) => {
	const editor = server.token('team-live', 'editor');
	const ana = await person(browser);
	const ben = await person(browser);
	await shareSample(ana.page, 'team-live', editor);

	await join(ben.page, 'Ben', 'team-live', editor);
	await expect(ben.page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await expect(
		ben.page.getByRole('link', { name: 'Structured ticket triage', exact: true })
	).toBeVisible();
	// Each sees the other.
	await expect(ana.page.getByTitle('Also looking at this workspace')).toContainText('Ben');
	await expect(ben.page.getByTitle('Also looking at this workspace')).toContainText('Ana');
	// The header's status and the shared Sharing panel, as keyboard and screen-reader users get them.
	await ben.page.getByRole('link', { name: 'Synced' }).click();
	await expect(ben.page.getByRole('heading', { name: 'Sharing' })).toBeVisible();
	const { violations } = await new AxeBuilder({ page: ben.page }).analyze();
	expect(
		violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
	).toEqual([]);
	await ben.page.getByRole('link', { name: 'Board', exact: true }).click();

	await ana.page.goto('/items/ticket-triage');
	await ana.page.getByLabel('Title').fill('Structured ticket triage (shared)');
	await ana.page.getByRole('button', { name: 'Save changes' }).click();
	await expect(
		ben.page.getByRole('link', { name: 'Structured ticket triage (shared)', exact: true })
	).toBeVisible();
	await ana.context.close();
	await ben.context.close();
});

/**
 * A slow disk for the page's Capmap database: the first batch of items written into it is
 * answered only once `__releaseWrite()` is called, its transaction kept open meanwhile (each
 * request's answer asks another). So a test sees a join while its write is under way, untimed.
 */
async function holdFirstItemsWrite(page: Page) {
	await page.addInitScript(() => {
		let released = false;
		let held = false;
		(globalThis as unknown as { __releaseWrite(): void }).__releaseWrite = () => (released = true);
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (
			this: IDBObjectStore,
			value: unknown,
			key?: IDBValidKey
		) {
			const request = put.call(this, value, key);
			if (held || this.name !== 'items' || this.transaction.db.name !== 'capmap') return request;
			// Dexie answers a batch from its last request's onsuccess: that answer waits.
			let answer: ((event: Event) => void) | null = null;
			Object.defineProperty(request, 'onsuccess', {
				get: () => answer,
				set: (handler: (event: Event) => void) => {
					answer = handler;
					held = true;
				}
			});
			request.addEventListener('success', (event) => {
				const wait = () => {
					if (released) answer?.call(request, event);
					else this.count().onsuccess = wait;
				};
				if (answer) wait();
			});
			return request;
		};
	});
}

/** Records each screen the page shows (welcome, board, other), in order, from now on. */
async function recordScreens(page: Page) {
	await page.evaluate(() => {
		const screens: string[] = [];
		(globalThis as unknown as { __screens: string[] }).__screens = screens;
		const note = () => {
			const headings = [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim());
			const screen = headings.includes('Welcome to Capmap')
				? 'welcome'
				: headings.includes('Roadmap board')
					? 'board'
					: 'other';
			if (screens.at(-1) !== screen) screens.push(screen);
		};
		note();
		new MutationObserver(note).observe(document.body, { childList: true, subtree: true });
	});
}

test('a joiner sees the board while the workspace is still being written here, can change nothing until it is, never the welcome page in between, and a reload meanwhile opens it again', async ({
	browser
}) => {
	const editor = server.token('team-join', 'editor');
	const ana = await person(browser);
	const ben = await person(browser);
	await shareSample(ana.page, 'team-join', editor);
	await holdFirstItemsWrite(ben.page);

	await join(ben.page, 'Ben', 'team-join', editor, () => recordScreens(ben.page));
	// The write is held: the board shows what the doc holds, and nothing can be changed.
	await expect(ben.page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await expect(
		ben.page.getByRole('link', { name: 'Structured ticket triage', exact: true })
	).toBeVisible();
	await expect(
		ben.page.getByRole('status').filter({ hasText: 'Opening the shared workspace' })
	).toBeVisible();
	await expect(ben.page.getByRole('button', { name: /Add item/ })).toBeDisabled();
	const screens = await ben.page.evaluate(
		() => (globalThis as unknown as { __screens: string[] }).__screens
	);
	expect(screens[0]).toBe('welcome');
	expect(screens.slice(1)).not.toContain('welcome');
	expect(screens.at(-1)).toBe('board');

	// Reloaded before the write is done: the shared workspace opens again and is written again
	// (held again, this being a new page), not the welcome page.
	await ben.page.reload();
	await expect(
		ben.page.getByRole('link', { name: 'Structured ticket triage', exact: true })
	).toBeVisible();
	await expect(ben.page.getByRole('button', { name: /Add item/ })).toBeDisabled();
	await ben.page.evaluate(() =>
		(globalThis as unknown as { __releaseWrite(): void }).__releaseWrite()
	);
	await expect(ben.page.getByRole('link', { name: /Add item/ })).toBeVisible();
	await expect(ben.page.getByText('Opening the shared workspace')).toHaveCount(0);
	// Written for real: it opens from this device's tables.
	await ben.page.reload();
	await expect(
		ben.page.getByRole('link', { name: 'Structured ticket triage', exact: true })
	).toBeVisible();
	await ana.context.close();
	await ben.context.close();
});

/**
 * The connection to the sync server, which the test can cut: `setOffline` does not close
 * WebSockets, so every socket to the server goes through a route that can drop it.
 */
async function cuttable(context: BrowserContext) {
	let online = true;
	const open: { close(): Promise<void> }[] = [];
	await context.routeWebSocket(/\/sync$/, (socket) => {
		if (!online) return void socket.close();
		socket.connectToServer();
		open.push(socket);
	});
	return {
		async cut() {
			online = false;
			for (const socket of open.splice(0)) await socket.close();
		},
		restore() {
			online = true;
		}
	};
}

async function editItem(page: Page, id: string, fields: Record<string, string>) {
	await page.goto(`/items/${id}`);
	for (const [label, value] of Object.entries(fields)) {
		const field = page.getByLabel(label, { exact: true });
		if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
		else await field.fill(value);
	}
	// Saved once the form holds nothing unsaved (the command's transaction has committed).
	const unsaved = page.getByText('Unsaved changes (kept as a draft)');
	await expect(unsaved).toBeVisible();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(unsaved).toHaveCount(0);
}

test('edits made offline survive a reload and merge on reconnect with edits made meanwhile, field by field and word by word', async ({
	browser
}) => {
	const editor = server.token('team-offline', 'editor');
	const ana = await person(browser);
	const network = await cuttable(ana.context);
	const ben = await person(browser);
	await shareSample(ana.page, 'team-offline', editor);
	await join(ben.page, 'Ben', 'team-offline', editor);
	await expect(ben.page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();

	await ana.page.goto('/items/ticket-triage');
	const description = await ana.page.getByLabel('Description', { exact: true }).inputValue();
	await network.cut();
	await expect(ana.page.getByRole('link', { name: /Offline/ })).toBeVisible();
	await editItem(ana.page, 'ticket-triage', {
		Owner: 'Ana Offline',
		Quarter: '2027-Q3',
		Description: `Ana: ${description}`
	});
	await expect(ana.page.getByRole('link', { name: /Offline — \d+ changes? kept/ })).toBeVisible();
	// Leaving with changes the server has not got: the browser asks first (and Ana leaves).
	const asked = new Promise<string>((resolve) =>
		ana.page.once('dialog', (dialog) => {
			resolve(dialog.type());
			void dialog.accept();
		})
	);
	await ana.page.close({ runBeforeUnload: true });
	expect(await asked).toBe('beforeunload');
	ana.page = await ana.context.newPage();
	await ana.page.goto('/items/ticket-triage');
	await expect(ana.page.getByLabel('Owner', { exact: true })).toHaveValue('Ana Offline');
	// Still counted after the reload: the provider's own count started again at nothing.
	await expect(ana.page.getByRole('link', { name: /Offline — \d+ changes? kept/ })).toBeVisible();
	// Stopping sharing now would forget them: the app asks, naming how many; Cancel keeps sharing.
	await ana.page.getByRole('link', { name: 'Workspace', exact: true }).click();
	const question = new Promise<string>((resolve) =>
		ana.page.once('dialog', (dialog) => {
			resolve(dialog.message());
			void dialog.dismiss();
		})
	);
	await ana.page.getByRole('button', { name: 'Stop sharing on this device' }).click();
	expect(await question).toMatch(/^\d+ changes? made here ha(s|ve) not reached the sync server/);
	await expect(ana.page.getByRole('button', { name: 'Stop sharing on this device' })).toBeVisible();
	await expect(ana.page.getByRole('link', { name: /Offline — \d+ changes? kept/ })).toBeVisible();

	await editItem(ben.page, 'ticket-triage', {
		Priority: 'P3',
		Quarter: '2027-Q4',
		Description: `${description} (Ben)`
	});
	network.restore();
	const merged = `Ana: ${description} (Ben)`;
	for (const { page } of [ana, ben]) {
		await expect(page.getByRole('link', { name: 'Synced' })).toBeVisible({ timeout: 15_000 });
		await page.goto('/items/ticket-triage');
		await expect(page.getByLabel('Description', { exact: true })).toHaveValue(merged);
		await expect(page.getByLabel('Owner', { exact: true })).toHaveValue('Ana Offline');
		await expect(page.getByLabel('Priority', { exact: true })).toHaveValue('P3');
	}
	// The same field set by both: one value everywhere, the other kept in the item's history.
	const quarter = await ana.page.getByLabel('Quarter', { exact: true }).inputValue();
	await expect(ben.page.getByLabel('Quarter', { exact: true })).toHaveValue(quarter);
	const loser = quarter === '2027-Q3' ? 'Ben' : 'Ana';
	const history = ana.page.getByRole('region', { name: 'History' });
	await expect(history).toContainText(`quarter: ${loser}`);
	await expect(history).toContainText(quarter === '2027-Q3' ? '2027-Q4' : '2027-Q3');
	await ana.context.close();
	await ben.context.close();
});

test('a reader sees the board and can change nothing; the server drops what a reader sends', async ({
	browser
}) => {
	const editor = server.token('team-readers', 'editor');
	const reader = server.token('team-readers', 'reader');
	const ana = await person(browser);
	const lead = await person(browser);
	await shareSample(ana.page, 'team-readers', editor);

	await join(lead.page, 'Lee', 'team-readers', reader);
	await expect(lead.page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await expect(lead.page.getByText('Read-only', { exact: true })).toBeVisible();
	await expect(
		lead.page.getByRole('status').filter({ hasText: 'read-only' }).first()
	).toBeVisible();
	await expect(lead.page.getByRole('button', { name: /Add item/ })).toBeDisabled();

	// Forced from the console: a change put straight into the reader's stored copy of the shared
	// doc, which the app loads, shows and sends on the next start. The server drops it.
	const forced = new Y.Doc();
	const item = { ...JSON.parse(readFileSync(SAMPLE, 'utf8')).items[0] };
	item.id = 'forced-by-reader';
	item.title = 'Forced by a reader';
	forced.getMap('items').set(item.id, newRecordMap('items', item, 999));
	const update = [...Y.encodeStateAsUpdateV2(forced)];
	await lead.page.evaluate(
		({ update, workspace }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('capmap-shared');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const store = [...db.objectStoreNames].find((name) => name.includes('updates'))!;
					const tx = db.transaction(store, 'readwrite');
					tx.objectStore(store).add({ k: workspace, u: new Uint8Array(update), f: 1 });
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				};
			}),
		{ update, workspace: 'team-readers' }
	);
	await lead.page.reload();
	await expect(lead.page.getByRole('link', { name: 'Forced by a reader' })).toBeVisible();
	await expect(lead.page.getByRole('link', { name: 'Synced' })).toBeVisible();
	// Ana, and anyone joining later, never get it.
	await ana.page.reload();
	await expect(ana.page.getByRole('link', { name: 'Synced' })).toBeVisible();
	const late = await person(browser);
	await join(late.page, 'Kim', 'team-readers', editor);
	await expect(late.page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	for (const page of [ana.page, late.page])
		await expect(page.getByRole('link', { name: 'Forced by a reader' })).toHaveCount(0);
	await late.context.close();
	await ana.context.close();
	await lead.context.close();
});

test('a wrong token, or one for another workspace, gets the server’s reason and no data', async ({
	browser
}) => {
	const other = server.token('team-other', 'editor');
	const ben = await person(browser);
	await join(ben.page, 'Ben', 'team-wrong', 'not-a-real-token');
	await expect(ben.page.getByRole('alert')).toContainText(
		'This access token is not known to the sync server'
	);
	await ben.page.getByLabel('Access token').fill(other);
	await ben.page.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(ben.page.getByRole('alert')).toContainText(
		'This access token is for another workspace'
	);
	await expect(ben.page.getByRole('heading', { name: 'Welcome to Capmap' })).toBeVisible();
	await ben.context.close();
});

test('a server restart keeps everything, and edits made while it was down reach it after', async ({
	browser
}) => {
	const own = new TestSyncServer();
	try {
		await own.start();
		const editor = own.token('team-restart', 'editor');
		const context = await browser.newContext({ baseURL: own.url });
		const page = await context.newPage();
		await shareSample(page, 'team-restart', editor);
		await editItem(page, 'ticket-triage', { Owner: 'Before the restart' });
		await expect(page.getByRole('link', { name: 'Synced' })).toBeVisible();

		await own.stop();
		await expect(page.getByRole('link', { name: /Offline/ })).toBeVisible({ timeout: 15_000 });
		await editItem(page, 'ticket-triage', { Priority: 'P3' });
		await own.start();
		await expect(page.getByRole('link', { name: 'Synced' })).toBeVisible({ timeout: 15_000 });

		// A new person gets both edits from the restarted server.
		const fresh = await browser.newContext({ baseURL: own.url });
		const ben = await fresh.newPage();
		await join(ben, 'Ben', 'team-restart', editor);
		await expect(ben.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
		await ben.goto('/items/ticket-triage');
		await expect(ben.getByLabel('Owner', { exact: true })).toHaveValue('Before the restart');
		await expect(ben.getByLabel('Priority', { exact: true })).toHaveValue('P3');
		await context.close();
		await fresh.close();
	} finally {
		await own.dispose();
	}
});

test('a delete shows in recently deleted for the others and can be restored; an import replaces the workspace for everyone after saying who is connected', async ({
	browser
}) => {
	const editor = server.token('team-restore', 'editor');
	const ana = await person(browser);
	const ben = await person(browser);
	await shareSample(ana.page, 'team-restore', editor);
	await join(ben.page, 'Ben', 'team-restore', editor);
	await expect(ben.page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();

	await ben.page.goto('/items/ticket-triage');
	await ben.page.getByRole('button', { name: 'Delete item' }).click();
	await expect(ben.page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();

	await ana.page.goto('/workspace');
	const deleted = ana.page.getByRole('region', { name: 'Sharing' });
	await expect(deleted).toContainText('Item “Structured ticket triage” — deleted by Ben');
	await ana.page.getByRole('button', { name: 'Restore item Structured ticket triage' }).click();
	await ben.page.goto('/');
	await expect(
		ben.page.getByRole('link', { name: 'Structured ticket triage', exact: true })
	).toBeVisible();

	await expect(ana.page.getByTitle('Also looking at this workspace')).toContainText('Ben');
	const file = JSON.parse(readFileSync(SAMPLE, 'utf8'));
	file.name = 'Imported for everyone';
	let question = '';
	ana.page.once('dialog', (dialog) => {
		question = dialog.message();
		void dialog.accept();
	});
	await ana.page.getByLabel('Import a workspace file').setInputFiles({
		name: 'everyone.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	await expect(ben.page.getByText('Imported for everyone')).toBeVisible();
	expect(question).toContain('2 people are connected now (you, Ben)');
	await ana.context.close();
	await ben.context.close();
});

test('an eval-results import in a shared workspace reaches the others, and stays after a reload', async ({
	browser
}) => {
	const NIGHTLY = 'tests/fixtures/eval/promptfoo-nightly';
	const editor = server.token('team-evals', 'editor');
	const ana = await person(browser);
	const ben = await person(browser);
	await shareSample(ana.page, 'team-evals', editor);
	await join(ben.page, 'Ben', 'team-evals', editor);
	await expect(ben.page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();

	// The import commits from a worker: it sends its commit into the shared doc itself.
	await ana.page.goto('/evidence/import');
	await ana.page.getByLabel('Results file').setInputFiles(`${NIGHTLY}/results-monday.json`);
	await ana.page.getByLabel('Mapping file').setInputFiles(`${NIGHTLY}/map.json`);
	await expect(ana.page.getByLabel('Workspace model for helio-prod')).toHaveValue('gpt-4o');
	await ana.page.getByRole('button', { name: /^Commit \d+ records$/ }).click();
	await expect(
		ana.page.getByRole('heading', { name: 'Imported results-monday.json' })
	).toBeVisible();

	for (const { page } of [ben, ana]) {
		await page.goto('/changes');
		await expect(page.getByRole('row').filter({ hasText: 'results-monday.json' })).toHaveCount(1);
	}
	await ana.page.reload();
	await expect(ana.page.getByRole('link', { name: 'Synced' })).toBeVisible();
	await expect(ana.page.getByRole('row').filter({ hasText: 'results-monday.json' })).toHaveCount(1);
	await ana.context.close();
	await ben.context.close();
});

test('a second tab, open before the workspace was shared, follows: its edits reach the others', async ({
	browser
}) => {
	const editor = server.token('team-tabs', 'editor');
	const ana = await person(browser);
	await ana.page.goto('/');
	await ana.page.getByRole('button', { name: 'Load the sample workspace' }).click();
	const secondTab = await ana.context.newPage();
	await secondTab.goto('/items/ticket-triage');
	await shareSample(ana.page, 'team-tabs', editor);
	await expect(secondTab.getByRole('link', { name: 'Synced' })).toBeVisible();
	await editItem(secondTab, 'ticket-triage', { Owner: 'From the second tab' });

	const ben = await person(browser);
	await join(ben.page, 'Ben', 'team-tabs', editor);
	await expect(ben.page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();
	await ben.page.goto('/items/ticket-triage');
	await expect(ben.page.getByLabel('Owner', { exact: true })).toHaveValue('From the second tab');
	await ana.context.close();
	await ben.context.close();
});
