/**
 * App benchmark (issue: the app). Loads the synthetic workspace scaled to 5,000 items and 50,000
 * evidence records into the built app in real Chromium with real IndexedDB, and prints each
 * figure beside its target. Timings are read from performance marks the app sets itself.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { serializeWorkspace } from '../src/lib/domain/entities';
import { syntheticWorkspace } from '../src/test-support/synthetic';
import { PERF_MARKS } from '../src/lib/perf-marks';
import { lastDuration, rawWrite, startApp } from './browser';
import { median, report } from './measure';

const PORT = 4174;
const size = { items: 5_000, capabilities: 300, models: 40, evidence: 50_000 };
console.log(
	`\nApp: ${size.items} items, ${size.evidence} evidence records, in Chromium with IndexedDB`
);

const workspace = syntheticWorkspace(size);
mkdirSync('bench/out', { recursive: true });
const file = 'bench/out/app-workspace.json';
writeFileSync(file, serializeWorkspace(workspace));

const app = await startApp(PORT);

try {
	const page = app.page;
	await page.goto(app.base);

	// Import through the app's own file input, three times, against raw IndexedDB writes.
	const imports: number[] = [];
	const raws: number[] = [];
	for (let run = 0; run < 3; run++) {
		if (run > 0) await page.goto(`${app.base}/workspace`);
		await page.locator('input[type=file]').setInputFiles(file);
		await page
			.getByRole('heading', { name: run === 0 ? 'Roadmap board' : 'Workspace', exact: true })
			.waitFor();
		await page.waitForFunction(
			(name) => performance.getEntriesByName(name).length > 0,
			PERF_MARKS.importWrite
		);
		imports.push(await lastDuration(page, PERF_MARKS.importWrite));
		await page.evaluate((name) => performance.clearMeasures(name), PERF_MARKS.importWrite);
		// The first import fills an empty database; later ones replace a full one. Raw does the same.
		const { capabilities, models, evidence, items, decisions, briefs } = workspace;
		raws.push(
			await rawWrite(page, { capabilities, models, evidence, items, decisions, briefs }, run > 0)
		);
	}
	const importMs = median(imports);
	const rawMs = median(raws);
	console.log(
		`import writes ${imports.map((t) => t.toFixed(0)).join(', ')} ms; raw IndexedDB ${raws.map((t) => t.toFixed(0)).join(', ')} ms`
	);
	report('import ÷ raw IndexedDB for the same records', importMs / rawMs, 1.3, '×');

	// First render of the board after the data is read, on fresh loads.
	const renders: number[] = [];
	for (let run = 0; run < 3; run++) {
		await page.goto(app.base);
		await page.getByRole('heading', { name: 'Roadmap board' }).waitFor();
		await page.waitForTimeout(300);
		renders.push(
			await page.evaluate(({ workspaceRead, boardRendered }) => {
				const read = performance.getEntriesByName(workspaceRead)[0]!.startTime;
				const drawn = performance.getEntriesByName(boardRendered).find((m) => m.startTime >= read)!;
				return drawn.startTime - read;
			}, PERF_MARKS)
		);
	}
	report('board first render after the data is read', median(renders), 300);

	const filters = await page.evaluate(async () => {
		const select = [...document.querySelectorAll('select')].find((s) =>
			s.closest('label')?.textContent?.includes('Quarter')
		)!;
		const values = [...select.options].map((o) => o.value).filter(Boolean);
		const times: number[] = [];
		for (const value of [...values, '']) {
			const start = performance.now();
			select.value = value;
			select.dispatchEvent(new Event('change', { bubbles: true }));
			await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
			times.push(performance.now() - start);
		}
		return times;
	});
	report('a filter change, to the next frame', median(filters), 100);

	const opens: number[] = [];
	for (let run = 0; run < 5; run++) {
		await page.getByRole('heading', { name: 'Roadmap board' }).waitFor();
		opens.push(
			await page.evaluate(async (n) => {
				const link = document.querySelectorAll<HTMLAnchorElement>('article h3 a')[n]!;
				const title = link.textContent!.trim();
				const start = performance.now();
				link.click();
				await new Promise<void>((resolve) => {
					const check = () =>
						document.querySelector('main h1')?.textContent?.trim() === title
							? resolve()
							: requestAnimationFrame(check);
					check();
				});
				return performance.now() - start;
			}, run)
		);
		await page.goBack();
	}
	report('opening an item from the board', median(opens), 150);

	// Briefs: generating one from this workspace, then the live preview and checks of 20 pages.
	await page.goto(`${app.base}/briefs`);
	await page.getByRole('button', { name: 'Generate brief' }).click();
	await page.getByLabel('Markdown').waitFor();
	const generate = await lastDuration(page, PERF_MARKS.briefGenerate);
	report('generating a brief from this workspace', generate, 300);
	const previews = await page.evaluate(async (mark) => {
		const source = document.querySelector<HTMLTextAreaElement>('#brief-source')!;
		// About 20 printed pages: 10,000 words of the brief's own kind of text.
		let text = source.value;
		while (text.split(/\s+/).length < 10_000) text += `\n\n${source.value}`;
		const times: number[] = [];
		for (let i = 0; i < 5; i++) {
			performance.clearMeasures(mark);
			source.value = `${text}\n\nKeystroke ${i}.`;
			source.dispatchEvent(new Event('input', { bubbles: true }));
			while (performance.getEntriesByName(mark).length === 0)
				await new Promise((r) => setTimeout(r, 10));
			times.push(performance.getEntriesByName(mark)[0]!.duration);
		}
		return { times, words: text.split(/\s+/).length };
	}, PERF_MARKS.preview);
	report(
		`preview + checks of a ${previews.words.toLocaleString('en-US')}-word brief, per keystroke`,
		median(previews.times),
		100
	);
} finally {
	await app.stop();
}
