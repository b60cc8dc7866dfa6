/**
 * Readiness version 2 as a PM meets it: roles keep an embedding model out of LLM verdicts, a
 * pipeline shows its parts on the board, the item page and the matrix, and the as-of date is a
 * time machine. Every expectation comes from the command line on the same file.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { boardCounts, capmapJson, loadSample, SAMPLE } from './helpers';

interface ReportItem {
	id: string;
	title: string;
	readiness: string;
}

const sampleFile = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
	capabilities: { id: string; role?: string }[];
	items: { id: string; title: string; requirements: { capabilityId: string }[] }[];
};
const statuses = (
	JSON.parse(readFileSync(SAMPLE, 'utf8')) as { items: { id: string; status: string }[] }
).items;
const llmCapabilities = new Set(
	sampleFile.capabilities.filter((c) => (c.role ?? 'llm') === 'llm').map((c) => c.id)
);
const llmOnlyItems = sampleFile.items.filter((i) =>
	i.requirements.every((r) => llmCapabilities.has(r.capabilityId))
);

/** The board column each item card sits in, by title. */
async function columnsByTitle(page: Page): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	for (const state of ['ready', 'upgrade', 'unverified', 'waiting']) {
		const titles = await page
			.getByTestId(`column-${state}`)
			.getByRole('article')
			.getByRole('heading')
			.allTextContents();
		for (const title of titles) out.set(title.trim(), state);
	}
	return out;
}

async function setAsOf(page: Page, date: string): Promise<void> {
	const input = page.getByLabel('As of');
	await input.fill(date);
	await input.dispatchEvent('change');
}

test('a vendor embedding model added with no evidence changes no LLM-only item', async ({
	page
}) => {
	await loadSample(page);
	await setAsOf(page, '2026-11-27');
	await page.getByLabel('Status').selectOption('all');
	const before = await columnsByTitle(page);
	const countsBefore = await boardCounts(page);
	expect(llmOnlyItems.length).toBeGreaterThan(10);

	await page.getByRole('link', { name: 'Models', exact: true }).click();
	await page.getByRole('button', { name: 'Add model' }).click();
	await page.getByLabel('Name').fill('Vendor Embed 4');
	await page.getByLabel('Status').selectOption('available');
	await page.getByLabel('Roles it can fill').fill('embedding');
	await page.getByRole('button', { name: 'Save model' }).click();
	await expect(page.getByRole('row', { name: /Vendor Embed 4/ })).toContainText('embedding');

	await page.getByRole('link', { name: 'Board', exact: true }).click();
	await page.getByLabel('Status').selectOption('all');
	await expect.poll(() => boardCounts(page)).toEqual(countsBefore);
	const after = await columnsByTitle(page);
	for (const item of llmOnlyItems)
		expect(after.get(item.title), item.title).toBe(before.get(item.title));
	// And no LLM-only card asks for evidence about the embedding model.
	await expect(page.getByRole('article').filter({ hasText: 'Vendor Embed 4' })).toHaveCount(0);
});

test('the board, the item page and the matrix speak parts', async ({ page }) => {
	await loadSample(page);
	await setAsOf(page, '2026-11-27');
	const report = capmapJson('readiness', SAMPLE, '--as-of', '2026-11-27') as {
		items: (ReportItem & { parts: { role: string; readiness: string }[] })[];
	};
	const pipeline = report.items.find((i) => i.id === 'cross-lingual-search')!;
	expect(pipeline.parts.map((p) => `${p.role} ${p.readiness}`)).toEqual([
		'embedding upgrade',
		'llm ready'
	]);

	const card = page.getByRole('article').filter({ hasText: pipeline.title });
	await expect(card).toContainText('embedding: needs Acme Embed 3');
	await expect(card).toContainText('llm: ready on GPT-4o');
	await expect(card).toContainText('borderline');
	await expect(page.getByTestId(`column-${pipeline.readiness}`)).toContainText(pipeline.title);

	await card.getByRole('link').click();
	const embedding = page.getByRole('region', { name: 'embedding part' });
	const llm = page.getByRole('region', { name: 'llm part' });
	await expect(embedding).toContainText('Upgrade');
	await expect(llm).toContainText('Ready');
	// Each part lists only the candidates of its role.
	await expect(embedding.getByRole('row', { name: /Acme Embed 3/ })).toContainText('82 %');
	await expect(embedding.getByRole('row', { name: /Acme Embed 3/ })).toContainText('borderline');
	await expect(embedding.getByRole('row', { name: /GPT-4o/ })).toHaveCount(0);
	await expect(llm.getByRole('row', { name: /Acme Embed 3/ })).toHaveCount(0);
	await expect(llm.getByRole('row', { name: /GPT-4o/ })).toContainText(
		"n = 40, below the workspace's minimum of 100"
	);

	await page.goto('/charts/matrix');
	const grid = page.getByRole('grid');
	await expect(
		grid.getByRole('gridcell', {
			name: "Acme Embed 3 on Tool-call accuracy: not this model's role"
		})
	).toHaveCount(1);
	await expect(
		grid.getByRole('gridcell', {
			name: /^GPT-4o on Help-center retrieval recall@10: not this model's role/
		})
	).toHaveCount(1);
});

test('the as-of date is a time machine: an earlier date shows what was known then', async ({
	page
}) => {
	await loadSample(page);
	for (const date of ['2026-11-27', '2026-10-01']) {
		await setAsOf(page, date);
		const report = capmapJson('readiness', SAMPLE, '--as-of', date) as { items: ReportItem[] };
		const open = new Set(
			statuses.filter((i) => ['idea', 'planned', 'in-progress'].includes(i.status)).map((i) => i.id)
		);
		const expected: Record<string, number> = { ready: 0, upgrade: 0, unverified: 0, waiting: 0 };
		for (const item of report.items) if (open.has(item.id)) expected[item.readiness]!++;
		await expect.poll(() => boardCounts(page), { message: `board on ${date}` }).toEqual(expected);
	}
	// On 2026-10-01 our own November eval of Acme Embed 3 (82 %) had not run: the vendor's claim
	// (89 %) was all the team knew, and the board says so.
	const card = page.getByRole('article').filter({ hasText: 'Cross-lingual search' });
	await expect(card).toContainText(
		'embedding: needs Acme Embed 3: Cross-lingual retrieval recall@10 89 %'
	);
	await setAsOf(page, '2026-11-27');
	await expect(card).toContainText(
		'embedding: needs Acme Embed 3: Cross-lingual retrieval recall@10 82 %'
	);
});
