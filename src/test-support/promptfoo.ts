/**
 * Runs promptfoo itself (the devDependency) on a suite Capmap exported, offline: a local
 * JavaScript provider answers with canned outputs, telemetry, update checks and sharing are off,
 * and promptfoo's own database and logs go to the run's temporary folder. The unit tests and the
 * browser test both use it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROMPTFOO = resolve('node_modules/.bin/promptfoo');

/** Why promptfoo cannot run here, or null when it can. */
export function promptfooMissing(): string | null {
	return existsSync(PROMPTFOO)
		? null
		: `promptfoo is not installed (${PROMPTFOO} is missing): run npm ci`;
}

export interface PromptfooRun {
	/** promptfoo's exit status: 0 all passed, 100 some test failed. */
	status: number | null;
	output: string;
	/** The text of results.json. */
	results: string;
	dir: string;
}

/**
 * A provider module (ESM) named `id` that answers a prompt with `answers[prompt]` (else the prompt
 * itself), after `delayMs`, and reports a cost of `cost` US dollars per call.
 */
export function cannedProvider(
	id: string,
	answers: Record<string, string>,
	{ cost = 0.0001, delayMs = 0 }: { cost?: number; delayMs?: number } = {}
): string {
	return `const answers = ${JSON.stringify(answers)};
export default class Canned {
	id() { return ${JSON.stringify(id)}; }
	async callApi(prompt) {
		await new Promise((done) => setTimeout(done, ${delayMs}));
		return { output: Object.hasOwn(answers, prompt) ? answers[prompt] : prompt, cost: ${cost} };
	}
}
`;
}

const folders: string[] = [];

/** Removes the folders of every run so far (call it after all of a file's tests). */
export function removePromptfooRuns(): void {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Runs `promptfoo eval` on `config` with the canned provider, in a new temporary folder. */
export function runPromptfoo(config: string, provider: string): PromptfooRun {
	const dir = mkdtempSync(join(tmpdir(), 'capmap-promptfoo-'));
	folders.push(dir);
	writeFileSync(join(dir, 'promptfooconfig.yaml'), config);
	writeFileSync(join(dir, 'provider.mjs'), provider);
	const run = spawnSync(
		PROMPTFOO,
		[
			'eval',
			'-c',
			'promptfooconfig.yaml',
			'-r',
			'file://provider.mjs',
			'-o',
			'results.json',
			'--no-cache',
			'--no-share',
			'--no-write',
			'--no-table',
			'--no-progress-bar'
		],
		{
			cwd: dir,
			encoding: 'utf8',
			timeout: 120_000,
			env: {
				...process.env,
				PROMPTFOO_DISABLE_TELEMETRY: '1',
				PROMPTFOO_DISABLE_UPDATE: '1',
				PROMPTFOO_DISABLE_SHARING: '1',
				PROMPTFOO_DISABLE_RUNTIME_WARNINGS: '1',
				PROMPTFOO_CONFIG_DIR: join(dir, '.promptfoo'),
				NO_COLOR: '1'
			}
		}
	);
	const file = join(dir, 'results.json');
	return {
		status: run.status,
		output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`,
		results: existsSync(file) ? readFileSync(file, 'utf8') : '',
		dir
	};
}
