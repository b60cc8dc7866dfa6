import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { capmapJson, loadSample, SAMPLE } from './helpers';

interface SampleFile {
	models: { id: string; name: string; status: string }[];
	capabilities: { id: string; name: string; unit: string; direction: 'higher' | 'lower' }[];
	items: {
		id: string;
		title: string;
		status: string;
		quarter?: string;
		requirements: { capabilityId: string; threshold: number; must?: boolean }[];
	}[];
}
const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as SampleFile;
const open = sample.items.filter((i) => ['idea', 'planned', 'in-progress'].includes(i.status));

async function download(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	const path = await file.path();
	return { name: file.suggestedFilename(), body: readFileSync(path) };
}

test('dependency map: a node per open item and capability; keyboard selection lights up the neighbourhood', async ({
	page
}) => {
	await loadSample(page);
	await page.getByRole('link', { name: 'Charts' }).click();
	await expect(page.getByRole('heading', { name: 'Dependency map', level: 1 })).toBeVisible();
	await expect(page.locator('.node.item')).toHaveCount(open.length);
	await expect(page.locator('.node.capability')).toHaveCount(sample.capabilities.length);
	await expect(page.locator('path.edge')).toHaveCount(
		open.reduce((n, i) => n + i.requirements.length, 0)
	);

	// Tab reaches the map's one tab stop; arrow right goes to the capability column.
	await page.locator('.node[tabindex="0"]').focus();
	await page.keyboard.press('ArrowRight');
	const selected = page.locator('.node.capability.selected');
	await expect(selected).toBeFocused();
	const capabilityId = (await selected.getAttribute('data-key'))!.replace('capability:', '');
	const needing = open.filter((i) => i.requirements.some((r) => r.capabilityId === capabilityId));
	await expect(page.locator('.node.item.neighbour')).toHaveCount(needing.length);
	await expect(page.locator('path.edge.lit')).toHaveCount(needing.length);
	const name = sample.capabilities.find((c) => c.id === capabilityId)!.name;
	await expect(page.getByRole('complementary').getByRole('heading', { name })).toBeVisible();

	// Down within the column moves to the next capability; Enter opens it.
	await page.keyboard.press('ArrowDown');
	await expect(page.locator('.node.capability.selected')).not.toHaveAttribute(
		'data-key',
		`capability:${capabilityId}`
	);
	await page.keyboard.press('ArrowLeft');
	const item = page.locator('.node.item.selected');
	await expect(item).toBeFocused();
	const itemId = (await item.getAttribute('data-key'))!.replace('item:', '');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/items/${itemId}$`));

	// Filters narrow the map to the quarter's open items and what they need.
	await page.goto('/charts/map');
	const quarter = open.find((i) => i.quarter)!.quarter!;
	await page.getByLabel('Quarter').selectOption(quarter);
	const inQuarter = open.filter((i) => i.quarter === quarter);
	await expect(page.locator('.node.item')).toHaveCount(inQuarter.length);
	await expect(page.locator('.node.capability')).toHaveCount(
		new Set(inQuarter.flatMap((i) => i.requirements.map((r) => r.capabilityId))).size
	);
});

test('capability matrix: a cell per model and capability, showing the value the command line computes', async ({
	page
}) => {
	await loadSample(page);
	await page.goto('/charts/matrix');
	const usable = sample.models.filter((m) => m.status !== 'retired');
	await expect(page.getByRole('gridcell')).toHaveCount(usable.length * sample.capabilities.length);

	// capmap's gaps carry the best usable value and the model holding it: the matrix must agree.
	const report = capmapJson('readiness', SAMPLE) as {
		items: { gaps: { capabilityId: string; best: number | null; bestModelId: string | null }[] }[];
	};
	const gap = report.items.flatMap((i) => i.gaps).find((g) => g.best !== null)!;
	const capability = sample.capabilities.find((c) => c.id === gap.capabilityId)!;
	const model = sample.models.find((m) => m.id === gap.bestModelId)!;
	const cell = page.getByRole('gridcell', { name: `${model.name} on ${capability.name}:` });
	await expect(cell).toHaveAttribute(
		'aria-label',
		new RegExp(`^${model.name} on ${capability.name.replace(/[()]/g, '\\$&')}: ${gap.best} `)
	);
	await expect(cell).toContainText(String(gap.best));

	// Hover shows the deciding evidence; the keyboard moves the active cell; Enter opens the evidence.
	await cell.hover();
	await expect(page.getByRole('complementary')).toContainText(`${model.name} · ${capability.name}`);
	await page.getByRole('grid').focus();
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('grid')).toHaveAttribute('aria-activedescendant', 'cell-0-1');
	// The second production model is the reranker: not judged on the top (LLM) capability at all,
	// so there is no evidence to open.
	await expect(page.locator('#cell-0-1')).toHaveAttribute('aria-label', /not this model's role$/);
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('grid')).toHaveAttribute('aria-activedescendant', 'cell-0-2');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/evidence\?id=/);

	// Saved SVG is a well-formed document with every cell in it; the PNG is a PNG.
	await page.goto('/charts/matrix');
	const svg = await download(page, 'Save SVG');
	expect(svg.name).toBe('capability-matrix.svg');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			root: doc.documentElement.nodeName,
			cells: doc.querySelectorAll('[data-col]').length,
			title: doc.querySelector('title')?.textContent
		};
	}, svg.body.toString('utf8'));
	expect(parsed).toEqual({
		error: null,
		root: 'svg',
		cells: usable.length * sample.capabilities.length,
		title: 'Capability matrix'
	});
	const png = await download(page, 'Save PNG');
	expect(png.name).toBe('capability-matrix.png');
	expect(png.body.subarray(1, 4).toString('latin1')).toBe('PNG');
});

test('readiness timeline: a row per planned open item; a scenario redraws it with the changed items highlighted', async ({
	page
}) => {
	await loadSample(page);
	await page.goto('/charts/timeline');
	const planned = open.filter((i) => i.quarter);
	await expect(page.locator('g.row')).toHaveCount(planned.length);
	const report = capmapJson('readiness', SAMPLE) as {
		items: { id: string; overPromised: boolean }[];
	};
	await expect(page.locator('g.row.over')).toHaveCount(
		report.items.filter((i) => i.overPromised).length
	);

	await page.goto('/scenario');
	await expect(page.locator('g.row.changed')).toHaveCount(0);
	const gpt5 = sample.models.find((m) => m.status === 'announced')!;
	await page.getByLabel(`Hypothetical status of ${gpt5.name}`).selectOption('production');
	const changes = page.locator('.change-list li');
	await expect(changes.first()).toBeVisible();
	const moved = await changes.count();
	await expect(
		page.getByRole('heading', { name: 'Readiness timeline under this scenario' })
	).toBeVisible();
	// Every item whose readiness changes is highlighted (an earliest quarter can move too).
	expect(await page.locator('g.row.changed').count()).toBeGreaterThanOrEqual(moved);
	const first = (await changes.first().getByRole('link').textContent())!;
	const id = sample.items.find((i) => i.title === first)!.id;
	if (sample.items.find((i) => i.id === id)!.quarter)
		await expect(page.locator(`g.row[data-item="${id}"]`)).toHaveClass(/changed/);
	await page.getByRole('button', { name: 'Reset' }).click();
	await expect(page.locator('g.row.changed')).toHaveCount(0);
});

test('gap chart: one row per capability that blocks an open item, as capmap finds them', async ({
	page
}) => {
	await loadSample(page);
	await page.goto('/charts/gaps');
	const report = capmapJson('readiness', SAMPLE) as {
		items: {
			id: string;
			gaps: { capabilityId: string; threshold: number; best: number | null }[];
		}[];
	};
	const openIds = new Set(open.map((i) => i.id));
	const direction = new Map(sample.capabilities.map((c) => [c.id, c.direction]));
	// A gap blocks when no usable model meets it: no best value, or the best misses the threshold.
	const blocking = new Set(
		report.items
			.filter((i) => openIds.has(i.id))
			.flatMap((i) => i.gaps)
			.filter(
				(g) =>
					g.best === null ||
					(direction.get(g.capabilityId) === 'lower' ? g.best > g.threshold : g.best < g.threshold)
			)
			.map((g) => g.capabilityId)
	);
	await expect(page.locator('g.gap-row')).toHaveCount(blocking.size);
	for (const id of blocking)
		await expect(page.locator(`g.gap-row[data-capability="${id}"]`)).toHaveCount(1);
	await page.getByText('Gap chart: what would it take as a table').click();
	await expect(page.getByRole('table')).toBeVisible();
});
