import { describe, expect, it } from 'vitest';
import { DismissedImports } from './dismissed-imports.svelte';
import { SavedScenarios } from './saved-scenarios.svelte';

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

describe('SavedScenarios', () => {
	it('keeps scenarios by name, sorted, a new one replacing its namesake', () => {
		const store = memoryStorage();
		const saved = new SavedScenarios(store);
		saved.save('GPT-5 in Q1', 'model=gpt-5~production');
		saved.save(' Adopt Claude ', 'model=claude~production');
		saved.save('GPT-5 in Q1', 'model=gpt-5~production~2027-02-15');
		expect(new SavedScenarios(store).list).toEqual([
			{ name: 'Adopt Claude', query: 'model=claude~production' },
			{ name: 'GPT-5 in Q1', query: 'model=gpt-5~production~2027-02-15' }
		]);
		saved.remove('Adopt Claude');
		expect(new SavedScenarios(store).list.map((s) => s.name)).toEqual(['GPT-5 in Q1']);
	});

	it('says when the browser would not keep it', () => {
		const store = memoryStorage();
		store.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		expect(new SavedScenarios(store).save('x', 'model=a~production')).toBe(false);
	});
});
