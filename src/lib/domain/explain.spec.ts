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
		expect(why('outage-notices')).toBe(
			'not mapped yet: add the capabilities it needs, or mark it as having no model dependency'
		);
	});

	it('names the upgrade and only the numbers that production misses', () => {
		expect(why('refund-agent')).toBe(
			'needs Claude Sonnet 4.5: Tool-call accuracy 96 % ≥ 95 % (± 0.9 %: borderline), Hallucination rate 1.6 % ≤ 2 % (± 0.4 %: borderline)'
		);
	});

	it('names the most trusted of several upgrade targets', () => {
		// Gemini's internal eval is high confidence; Sonnet's user research is medium.
		expect(why('multilingual-support')).toBe(
			'needs Gemini 2.5 Pro (or 1 other): Multilingual answer quality 88 score ≥ 85 score'
		);
	});

	it('says so when a deciding figure rests on a small sample', () => {
		expect(why('reply-translation')).toBe(
			"ready on GPT-4o: Multilingual answer quality 83 score ≥ 80 score (n = 40, below the workspace's minimum of 100)"
		);
	});

	it('names the part that holds a pipeline back, by role', () => {
		expect(why('cross-lingual-search')).toBe(
			'embedding: needs Acme Embed 3: Cross-lingual retrieval recall@10 82 % ≥ 80 % (± 1.3 %: borderline) · llm: ready on GPT-4o'
		);
		expect(why('search-answer-cards')).toBe(
			'embedding: ready on text-embedding-3-large · llm: unverified: no evidence for Gemini 2.5 Pro on Grounded answer rate and 1 more · reranker: ready on Cohere Rerank 3.5'
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
		expect(why('auto-resolve-billing')).toBe(
			'waiting: Tool-call accuracy best 96 % < 97 %, GPT-5 expected 2027-Q1 (vendor claim)'
		);
	});
});

describe('explainItem', () => {
	it('covers every non-retired candidate, production first, with each must-requirement', () => {
		const item = ws.items.find((i) => i.id === 'agent-assist')!;
		const [part, ...more] = explainItem(ctx, item);
		expect(more).toEqual([]);
		expect(part!.role).toBe('llm');
		// No embedding or reranker-only model is asked about an LLM capability.
		expect(part!.rows.map((r) => r.model.id)).toEqual([
			'claude-haiku-4-5',
			'gpt-4o',
			'claude-sonnet-4-5',
			'gemini-2-5-pro',
			'gpt-5'
		]);
		expect(
			part!.rows[1]!.cells.map((c) => [
				c.requirement.capabilityId,
				c.outcome,
				c.deciding?.evidence.id
			])
		).toEqual([
			['grounded-answers', 'met', 'ev-004'],
			['latency-p95', 'met', 'ev-007']
		]);
		expect(part!.rows[3]!.cells.map((c) => c.outcome)).toEqual(['unknown', 'unknown']);
	});

	it('groups a pipeline by part, each judged by its own candidates', () => {
		const item = ws.items.find((i) => i.id === 'cross-lingual-search')!;
		const parts = explainItem(ctx, item);
		expect(parts.map((p) => p.role)).toEqual(['embedding', 'llm']);
		expect(parts[0]!.rows.map((r) => r.model.id)).toEqual([
			'text-embedding-3-large',
			'acme-embed-3'
		]);
		const acme = parts[0]!.rows[1]!.cells[0]!;
		expect(acme.outcome).toBe('met');
		expect(acme.notes).toEqual(['± 1.3 %: borderline']);
	});
});
