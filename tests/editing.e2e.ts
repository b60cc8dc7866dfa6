import { expect, test, type Page } from '@playwright/test';
import { capmapJson, loadSample, SAMPLE } from './helpers';

async function readinessOf(page: Page, title: string) {
	await page.goto('/');
	await page.getByLabel('Status').selectOption('all');
	const card = page
		.getByRole('article')
		.filter({ has: page.getByRole('link', { name: title, exact: true }) });
	return card
		.locator('xpath=ancestor::section[1]')
		.getByRole('heading', { level: 2 })
		.textContent();
}

test('create a capability, a model, an item and evidence, and watch readiness follow', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Start empty' }).click();
	await expect(page.getByRole('heading', { name: 'Roadmap board' })).toBeVisible();

	await page.getByRole('link', { name: 'Capabilities' }).click();
	await page.getByRole('button', { name: 'Add capability' }).click();
	await page.getByRole('button', { name: 'Save capability' }).click();
	await expect(page.getByRole('dialog').getByText('Must not be empty.')).toBeVisible();
	await page.getByLabel('Name').fill('Answer accuracy');
	await page.getByRole('button', { name: 'Save capability' }).click();
	await expect(page.getByRole('button', { name: 'Answer accuracy', exact: true })).toBeVisible();

	await page.getByRole('link', { name: 'Models' }).click();
	await page.getByRole('button', { name: 'Add model' }).click();
	await page.getByLabel('Name').fill('House model');
	await page.getByLabel('Status').selectOption('production');
	await page.getByRole('button', { name: 'Save model' }).click();
	await expect(page.getByRole('row', { name: /House model/ })).toContainText('production');

	await page.goto('/items/new');
	await page.getByLabel('Title').fill('Instant answers');
	await page.getByLabel('Quarter').fill('2026-Q4');
	await page.getByLabel('Status').selectOption('planned');
	await page.getByRole('button', { name: 'Add requirement' }).click();
	await page.getByLabel(/Threshold/).fill('90');
	await page.getByRole('button', { name: 'Create item' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Instant answers' })).toBeVisible();
	await expect(
		page.getByText('unverified: no evidence for House model on Answer accuracy')
	).toBeVisible();

	// The explanation links straight to the missing evidence, with the pair filled in.
	await page.getByRole('link', { name: 'Add evidence' }).first().click();
	await expect(page.getByRole('dialog')).toBeVisible();
	await page.getByLabel('Value').fill('85');
	await page.getByLabel('Source', { exact: true }).fill('First eval');
	await page.getByRole('button', { name: 'Save evidence' }).click();
	await expect(page.getByRole('row', { name: /First eval/ })).toContainText('85 %');

	expect(await readinessOf(page, 'Instant answers')).toContain('Waiting');

	// Lowering the threshold below the evidence makes it ready.
	await page.getByRole('link', { name: 'Instant answers' }).click();
	await page.getByLabel(/Threshold/).fill('80');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('ready on House model: Answer accuracy 85 % ≥ 80 %')).toBeVisible();

	// A reload keeps everything: it lives in IndexedDB.
	await page.reload();
	await expect(page.getByText('ready on House model: Answer accuracy 85 % ≥ 80 %')).toBeVisible();
});

test('form errors appear beside the fields', async ({ page }) => {
	await loadSample(page);
	await page.goto('/items/new');
	await page.getByLabel('Quarter').fill('Q3');
	await page.getByRole('button', { name: 'Create item' }).click();
	await expect(page.locator('#err-title')).toHaveText('Must not be empty.');
	await expect(page.locator('#err-quarter')).toHaveText(
		'Must be a quarter written YYYY-Qn, e.g. 2026-Q3.'
	);
	await expect(page.getByLabel('Quarter')).toHaveAttribute('aria-invalid', 'true');
});

test('deleting a required capability names the items; cascade, then undo', async ({ page }) => {
	await loadSample(page);
	await page.goto('/capabilities');
	await page.getByRole('button', { name: 'Delete Tool-call accuracy' }).click();
	const alert = page.getByRole('alert').filter({ hasText: 'Not deleted' });
	await expect(alert).toContainText('Refund agent with tool use');
	await alert.getByRole('button', { name: 'Delete it and remove it from those items' }).click();
	await expect(page.getByRole('button', { name: 'Tool-call accuracy', exact: true })).toHaveCount(
		0
	);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('button', { name: 'Tool-call accuracy', exact: true })).toBeVisible();
	await page.goto('/items/refund-agent');
	await expect(page.getByLabel('Capability').first()).toHaveValue('tool-use');
});

test('the scenario panel previews without saving, then applies for real', async ({ page }) => {
	await loadSample(page);
	await page.goto('/scenario');
	await page.getByLabel('Hypothetical status of GPT-5').selectOption('production');
	await page.getByLabel('Hypothetical status of GPT-4o').selectOption('retired');
	await expect(page.getByRole('heading', { name: /items? would change readiness/ })).toBeVisible();
	const triage = page.getByRole('listitem').filter({ hasText: 'Structured ticket triage' });
	await expect(triage).toContainText('regression');
	await expect(page.getByRole('listitem').first()).toContainText('regression');

	// The scenario lives in the URL: leaving and coming Back keeps it, and nothing was saved.
	await expect(page).toHaveURL(/\?model=gpt-4o~retired&model=gpt-5~production~2027-02-15$/);
	await page.getByRole('link', { name: 'Models', exact: true }).click();
	// The scenario page lists GPT-5 as announced too: be on the Models page before going Back.
	await expect(page).toHaveURL(/\/models$/);
	await expect(page.getByRole('row', { name: /GPT-5/ })).toContainText('announced');
	await page.goBack();
	await expect(page.getByLabel('Hypothetical status of GPT-4o')).toHaveValue('retired');
	await page.reload();
	await expect(page.getByLabel('Hypothetical status of GPT-5')).toHaveValue('production');
	await page.getByLabel('Hypothetical status of GPT-4o').selectOption('production');

	// Apply for real asks first, and records a decision whose rationale the user can edit.
	await page.getByRole('button', { name: 'Apply for real…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Apply this scenario for real?' });
	await expect(dialog).toContainText('GPT-5 → production');
	await dialog
		.getByLabel('Why')
		.fill('Agreed in the roadmap session: **GPT-5** goes to production.');
	await dialog.getByRole('button', { name: 'Apply and record the decision' }).click();
	await expect(
		page.getByText('Applied the scenario: 1 model updated, decision recorded.')
	).toBeVisible();
	await page.goto('/models');
	await expect(page.getByRole('row', { name: /GPT-5/ })).toContainText('production');
	await page.goto('/decisions');
	const decision = page
		.getByRole('listitem')
		.filter({ hasText: 'Apply scenario: GPT-5 → production' });
	await expect(decision.locator('strong', { hasText: 'GPT-5' })).toBeVisible();
	await expect(decision.getByRole('link', { name: 'GPT-5' })).toBeVisible();

	// One Undo takes back both the status and the decision.
	await page.goto('/scenario');
	await page.getByLabel('Hypothetical status of GPT-5').selectOption('available');
	await page.getByRole('button', { name: 'Apply for real…' }).click();
	await page.getByRole('button', { name: 'Apply and record the decision' }).click();
	await page.getByRole('button', { name: 'Undo' }).click();
	// Done when its toast goes: leaving the page sooner would abort the undo's transaction.
	await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
	await page.goto('/models');
	await expect(page.getByRole('row', { name: /GPT-5/ })).toContainText('production');
	await page.goto('/decisions');
	await expect(page.getByRole('listitem').filter({ hasText: 'GPT-5 → available' })).toHaveCount(0);
});

test('a scenario saved by name opens again from its link', async ({ page }) => {
	await loadSample(page);
	await page.goto('/scenario?model=gpt-5~production~2027-02-15&model=nobody~production');
	await expect(page.getByRole('alert')).toContainText('no model “nobody”');
	await expect(page.getByLabel('Hypothetical expected date of GPT-5')).toHaveValue('2027-02-15');
	await page.getByLabel('Name').fill('GPT-5 ships in February');
	await page.getByRole('button', { name: 'Save scenario' }).click();
	await page.getByRole('button', { name: 'Reset' }).click();
	await expect(page.getByLabel('Hypothetical status of GPT-5')).toHaveValue('announced');
	await page.getByRole('link', { name: 'GPT-5 ships in February' }).click();
	await expect(page.getByLabel('Hypothetical status of GPT-5')).toHaveValue('production');
});

test('the Scenario page lists the changes as capmap scenario prints them, in the same order', async ({
	page
}) => {
	await loadSample(page);
	await page.goto('/scenario');
	const asOf = await page.getByLabel('As of').inputValue();
	await page.getByLabel('Hypothetical status of GPT-5').selectOption('production');
	await page.getByLabel('Hypothetical status of GPT-4o').selectOption('retired');
	const cli = capmapJson(
		'scenario',
		SAMPLE,
		'--set',
		'gpt-5=production',
		'--set',
		'gpt-4o=retired',
		'--as-of',
		asOf
	) as { changes: { title: string }[] };
	expect(cli.changes.length).toBeGreaterThan(3);
	await expect(page.locator('.change-list > li > a')).toHaveText(cli.changes.map((c) => c.title));
});
