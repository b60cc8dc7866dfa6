import { describe, expect, it } from 'vitest';
import { DismissedImports } from './dismissed-imports.svelte';

function memoryStorage(): Storage {
	const map = new Map<string, string>();
	return {
		get length() {
			return map.size;
		},
		clear: () => map.clear(),
		getItem: (k) => map.get(k) ?? null,
		key: (i) => [...map.keys()][i] ?? null,
		removeItem: (k) => void map.delete(k),
		setItem: (k, v) => void map.set(k, String(v))
	};
}

describe('DismissedImports', () => {
	it('remembers a dismissal across page loads', () => {
		const store = memoryStorage();
		new DismissedImports(store).dismiss('import-1');
		const later = new DismissedImports(store);
		expect(later.has('import-1')).toBe(true);
		expect(later.has('import-2')).toBe(false);
	});

	it('keeps only the newest 50', () => {
		const store = memoryStorage();
		const dismissed = new DismissedImports(store);
		for (let i = 0; i < 60; i++) dismissed.dismiss(`import-${i}`);
		const later = new DismissedImports(store);
		expect(later.has('import-9')).toBe(false);
		expect(later.has('import-10')).toBe(true);
		expect(later.has('import-59')).toBe(true);
	});

	it('survives storage that is full or holds garbage', () => {
		const store = memoryStorage();
		store.setItem('capmap:dismissed-imports:v1', '{not json');
		const dismissed = new DismissedImports(store);
		store.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		dismissed.dismiss('import-1');
		expect(dismissed.has('import-1')).toBe(true);
	});
});
