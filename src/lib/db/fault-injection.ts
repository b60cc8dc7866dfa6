/**
 * Test-only fault injection: makes every write to the database fail, as a full disk or a
 * browser's quota would, so the browser tests can check that a failed write is reported in words
 * and keeps what the user typed. It is off unless a script sets `window.__capmapFault` to the
 * name of the error to throw (`"QuotaExceededError"`): no page, setting or stored value of
 * Capmap can turn it on, and it is gone at the next page load.
 */
import type { DBCore, Dexie, Middleware } from 'dexie';

export const FAULT_FLAG = '__capmapFault';

function fault(): string | undefined {
	const value = (globalThis as Record<string, unknown>)[FAULT_FLAG];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

const middleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'capmap-fault-injection',
	create: (down) => ({
		...down,
		table: (name) => {
			const table = down.table(name);
			return {
				...table,
				mutate: (request) => {
					const name = fault();
					if (!name) return table.mutate(request);
					return Promise.reject(new DOMException(`Injected ${name} (a test)`, name));
				}
			};
		}
	})
};

export function injectFaults(db: Dexie): void {
	db.use(middleware);
}
