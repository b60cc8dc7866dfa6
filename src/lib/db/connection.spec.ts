import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(async () => {
	vi.resetModules();
	await Dexie.delete('capmap');
});

/** The app's connection module, fresh, with its database open. */
async function connect() {
	const { db } = await import('./index');
	const status = await import('./status');
	await db.open();
	const told: string[] = [];
	status.onConnectionLost((why) => told.push(why));
	return { db, connectionLost: status.connectionLost, told };
}

describe('the app tells why its database connection was lost', () => {
	it('deleted in another tab', async () => {
		const { connectionLost, db, told } = await connect();
		expect(connectionLost()).toBeNull();
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.deleteDatabase('capmap');
			request.onsuccess = () => resolve();
			request.onerror = () => reject(request.error);
		});
		expect([connectionLost(), told]).toEqual(['deleted', ['deleted']]);
		await expect(db.items.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
	});

	it('upgraded by a newer Capmap in another tab', async () => {
		const { connectionLost, db } = await connect();
		await new Promise<void>((resolve, reject) => {
			const request = indexedDB.open('capmap', 1000);
			request.onsuccess = () => {
				request.result.close();
				resolve();
			};
			request.onerror = () => reject(request.error);
		});
		expect(connectionLost()).toBe('upgraded');
		expect(db.isOpen()).toBe(false);
	});
});
