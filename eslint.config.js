import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The layers of ARCHITECTURE.md, enforced: each folder names what it must not import. Patterns
 * cover both the `$lib/…` alias and relative paths.
 */
const forbid = (...layers) =>
	layers.flatMap((layer) => [
		`$lib/${layer}`,
		`$lib/${layer}/*`,
		`**/${layer}/*`,
		`**/lib/${layer}`
	]);
const layer = (files, message, patterns) => ({
	files,
	ignores: ['**/*.spec.ts'],
	rules: {
		'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
	}
});

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			// The benchmark's yardstick: a stock SvelteKit app, built apart from ours.
			'bench/blank-app/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				// SvelteKit's generated tsconfig leaves the service worker out (it has its own lib).
				projectService: { allowDefaultProject: ['src/service-worker.ts'] },
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'no-undef': 'off',
			// No `paths.base`: plain hrefs are the app's real URLs, resolve() would add nothing.
			'svelte/no-navigation-without-resolve': 'off',
			// Maps here are built inside $derived computations and never mutated afterwards.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	layer(
		['src/lib/domain/**'],
		'domain/ is pure TypeScript: no storage, state, UI, importers, Markdown or framework code.',
		[
			...forbid('db', 'state', 'components', 'import', 'markdown', 'charts'),
			'svelte',
			'svelte/*',
			'dexie',
			'$app/*'
		]
	),
	layer(['src/lib/db/**'], 'db/ stores domain records: it knows the domain and nothing above it.', [
		...forbid('state', 'components', 'import', 'markdown', 'charts'),
		'$app/*'
	]),
	layer(
		['src/lib/import/**'],
		'import/ turns outside formats into domain records; only its worker (a composition root) writes them through db/.',
		[...forbid('state', 'components', 'charts')]
	),
	layer(
		['src/lib/markdown/**', 'src/lib/charts/**'],
		'markdown/ and charts/ compute from domain data; they never reach storage or app state.',
		[...forbid('db', 'state', 'components', 'import')]
	),
	layer(
		['src/lib/sharing/**'],
		'sharing/ keeps a shared workspace in step: the doc (sync/), the local database (db/) and the sync server; no app state or UI.',
		[
			...forbid('state', 'components', 'import', 'markdown', 'charts'),
			'svelte',
			'svelte/*',
			'$app/*'
		]
	),
	layer(
		['src/lib/components/**', 'src/routes/**'],
		'Components and pages reach data through state/ commands, never the database directly.',
		[...forbid('db'), 'dexie']
	),
	layer(
		['cli/**'],
		'The command line runs the domain and the importers in Node: no browser storage or UI.',
		[...forbid('db', 'state', 'components', 'charts'), 'svelte', 'svelte/*', 'dexie', '$app/*']
	),
	layer(
		['server/**'],
		'The sync server stores and relays documents in Node: no browser storage, app state or UI.',
		[
			...forbid('db', 'state', 'components', 'charts', 'import', 'markdown'),
			'svelte',
			'svelte/*',
			'dexie',
			'$app/*'
		]
	),
	layer(
		['src/lib/sync/**'],
		'sync/ maps the workspace to its Y.Doc in pure TypeScript: no storage, state or UI.',
		[
			...forbid('db', 'state', 'components', 'import', 'markdown', 'charts'),
			'svelte',
			'svelte/*',
			'dexie',
			'$app/*'
		]
	)
);
