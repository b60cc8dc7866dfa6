import 'fake-indexeddb/auto';
import '../../test-support/fresh-local-storage';
import { describe, expect, it } from 'vitest';
import { db } from '$lib/db';
import { rememberWorkspace, workspaceRemembered } from '$lib/db/status';
import { app } from './app.svelte';
import { toasts } from './toasts.svelte';

describe('app state', () => {
	it('knows on a first visit, without the storage code, that there is no workspace', async () => {
		expect(app.returning).toBe(false);
		expect([app.workspace, app.loading, app.error]).toEqual([null, false, undefined]);
		await app.connect();
		expect([app.workspace, app.loading]).toEqual([null, false]);
	});

	it('moves the as-of date only to a real date; an empty one is today', () => {
		const today = app.asOf;
		expect(app.setAsOf('someday')).toBe(false);
		expect(app.asOf).toBe(today);
		expect(app.setAsOf('2027-01-15')).toBe(true);
		expect(app.asOf).toBe('2027-01-15');
		expect(app.setAsOf('')).toBe(true);
		expect(app.asOf).toBe(today);
	});

	it('says why it can no longer save when the database is deleted in another tab', async () => {
		rememberWorkspace(true);
		await db.open();
		expect(app.connectionLost).toBeNull();
		await new Promise<void>((resolve) => {
			indexedDB.deleteDatabase('capmap').onsuccess = () => resolve();
		});
		expect(app.connectionLost).toBe('deleted');
		// The next visit starts at the welcome page at once, without asking the database.
		expect(workspaceRemembered()).toBe(false);
	});
});

describe('toasts', () => {
	it('keep failures until dismissed, and say when an undo fails', async () => {
		toasts.show('Deleted evidence.', async () => ({
			ok: false,
			failure: { kind: 'quota', reason: 'full', message: 'Could not undo: full.' }
		}));
		const toast = toasts.list.at(-1)!;
		await toasts.undo(toast);
		expect(toasts.list.map((t) => [t.message, t.error])).toEqual([['Could not undo: full.', true]]);
		toasts.dismiss(toasts.list[0]!.id);
		expect(toasts.list).toEqual([]);
	});
});
