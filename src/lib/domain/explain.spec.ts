import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainItem, whyLine } from './explain';
import { createContext, readinessOf } from './readiness';
import { validateWorkspace } from './workspace';

const result = validateWorkspace(JSON.parse(readFileSync('samples/sample-workspace.json', 'utf8')));
if (!result.ok) throw new Error('sample invalid');
const ws = result.workspace;
const ctx = createContext(ws, '2026-11-27');
const why = (id: string) => {
	const item = ws.items.find((i) => i.id === id)!;
	return whyLine(ctx, item, readinessOf(ctx, item));
};

describe('whyLine', () => {
	it('says which production model makes an item ready, and on what numbers', () => {
		expect(why('ticket-triage')).toBe(
			'ready on GPT-4o: Intent classification accuracy 94.2 % ≥ 92 %, JSON schema adherence 99.4 % ≥ 99 %'
		);
		expect(why('outage-notices')).toBe('ready: no capability dependency yet');
	});

	it('names the upgrade and only the numbers that production misses', () => {
		expect(why('refund-agent')).toBe(
			'needs Claude Sonnet 4.5: Tool-call accuracy 96 % ≥ 95 %, Hallucination rate 1.6 % ≤ 2 %'
		);
	});

	it('names the missing evidence of an unverified item', () => {
		expect(why('voice-handoff')).toBe(
			'unverified: no evidence for Gemini 2.5 Pro on Intent classification accuracy and 1 more'
		);
	});

	it('gives the best value, the threshold and the expected model of a waiting item', () => {
		expect(why('full-history-context')).toBe(
			'waiting: Long-context recall (128k) best 88 % < 90 %, GPT-5 expected 2027-Q1 (vendor claim)'
		);
		expect(why('search-at-scale')).toBe(
			'waiting: no single usable model meets every requirement; no announced model meets it'
		);
	});
});

describe('explainItem', () => {
	it('covers every non-retired model, production first, with each must-requirement', () => {
		const item = ws.items.find((i) => i.id === 'agent-assist')!;
		const rows = explainItem(ctx, item);
		expect(rows.map((r) => r.model.id)).toEqual([
			'claude-haiku-4-5',
			'gpt-4o',
			'claude-sonnet-4-5',
			'gemini-2-5-pro',
			'gpt-5'
		]);
		expect(
			rows[1]!.cells.map((c) => [c.requirement.capabilityId, c.outcome, c.deciding?.evidence.id])
		).toEqual([
			['grounded-answers', 'met', 'ev-004'],
			['latency-p95', 'met', 'ev-007']
		]);
		expect(rows[3]!.cells.map((c) => c.outcome)).toEqual(['unknown', 'unknown']);
	});
});
