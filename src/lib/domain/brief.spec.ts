import { describe, expect, it } from 'vitest';
import { BriefError, briefItems, composeBrief, generateBrief } from './brief';
import { lintBrief, lintNames } from './brief-lint';
import type { Decision } from './schemas';
import { capability, evidence, item, model, need, workspace } from '../../test-support/testing';
import type { Workspace } from './workspace';
import { sample } from '../../test-support/sample';

const AS_OF = '2026-11-27';
const section = (md: string, heading: string) => {
	const start = md.indexOf(`## ${heading}`);
	if (start === -1) throw new Error(`no section ${heading}`);
	const end = md.indexOf('\n## ', start + 1);
	return md.slice(start, end === -1 ? undefined : end);
};
/** The brief, after checking it passes its own lint: every generated brief must. */
function brief(ws: Workspace, modelId: string, asOf = AS_OF): string {
	const md = generateBrief(ws, modelId, asOf);
	expect(lintBrief(md, { names: lintNames(ws) })).toEqual([]);
	return md;
}
const decision = (id: string, over: Partial<Decision>): Decision => ({
	id,
	date: '2026-10-02',
	title: `Decision ${id}`,
	rationale: '',
	kind: 'roadmap',
	...over
});

describe('generateBrief on the sample', () => {
	const ws = sample();
	const md = brief(ws, 'gpt-5');

	it('has every heading of DESIGN.md, in order', () => {
		const headings = md.split('\n').filter((l) => l.startsWith('#'));
		expect(headings.filter((h) => !h.startsWith('###'))).toEqual([
			'# Capability brief: GPT-5 — what it means for Helio Support Suite',
			'## Bottom line',
			'## What GPT-5 can do that our current models cannot',
			'## What it unlocks for users',
			'## Risks',
			'## Roadmap changes',
			'## Evidence'
		]);
	});

	it('numbers citations in order of first appearance, and they resolve both ways', () => {
		const body = md.slice(0, md.indexOf('## Evidence'));
		const order = [...body.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
		const firsts = order.filter((n, i) => order.indexOf(n) === i);
		expect(firsts).toEqual(firsts.map((_, i) => i + 1));
		const references = [...section(md, 'Evidence').matchAll(/^\[(\d+)\] /gm)].map((m) =>
			Number(m[1])
		);
		expect(references).toEqual(firsts);
	});

	it('writes references in the DESIGN.md format', () => {
		expect(md).toContain(
			'Triage eval v7 (Oct 2026) — internal-eval, GPT-4o on Intent classification accuracy: 94.2 %, observed 2026-10-12, n=2400'
		);
		expect(md).toMatch(
			/^\[\d+\] GPT-5 system card \(preview\) — vendor-claim, GPT-5 on Intent classification accuracy: 96 %, observed 2026-10-06, https:\/\/example\.org\/gpt5-card$/m
		);
	});

	it('lists what adopting unlocks, from the quarter GPT-5 ships, and what replacing breaks', () => {
		const unlocks = section(md, 'What it unlocks for users');
		// GPT-5 is expected 2027-02-15: nothing ships on it before 2027-Q1 (rule 7).
		expect(unlocks.split('\n').filter((l) => l.startsWith('###'))).toEqual(['### 2027-Q1']);
		for (const title of ['Refund agent with tool use', 'Full conversation history in context'])
			expect(unlocks).toContain(title);
		expect(unlocks).not.toContain('Structured ticket triage');
		const risks = section(md, 'Risks');
		expect(risks).toMatch(
			/\*\*Structured ticket triage\*\*.*ready to needs a model upgrade\. Ready today on GPT-4o, but GPT-5 has no evidence on JSON schema adherence\./
		);
		expect(risks).toContain('Announced only');
		expect(risks).toMatch(/Weak evidence.*vendor claim/);
	});

	it('does not retire the embedding and rerank models when GPT-5 replaces production', () => {
		// Semantic search stands on text-embedding-3-large and Cohere Rerank 3.5, which an LLM
		// cannot replace: it is no regression.
		expect(section(md, 'Risks')).not.toContain('Semantic help-center search');
		expect(section(md, 'Bottom line')).toContain(
			'Replacing GPT-4o and Claude Haiku 4.5 with it (text-embedding-3-large and Cohere Rerank 3.5 would stay: GPT-5 fills no embedding or reranker role) would break 3 open items that are ready today.'
		);
		expect(section(md, 'Risks')).toContain(
			'**Search answers at 10x traffic** (P2, idea) would go from ready to waiting on a capability. Its llm part is ready today on Claude Haiku 4.5, but GPT-5 falls short on Cost per 1k conversations'
		);
	});

	it('proposes evals, not pull-ins, when every unlock rests on vendor claims', () => {
		const changes = section(md, 'Roadmap changes');
		expect(changes).not.toContain('Pull in');
		expect(changes).toMatch(
			/Confirm before moving \*\*Long-form help-article drafting\*\* \(P1, planned\) from 2027-Q2 to 2027-Q1: .*run an internal eval of GPT-5 on Grounded answer rate \(today's figure is a vendor claim \[\d+\]\)/
		);
	});

	it('cites the decisions on record about the unlocked and regressed items', () => {
		expect(section(md, 'Risks')).toContain(
			'On record — Decided 2026-11-12: No roadmap commitments on GPT-5 before our own evals'
		);
		// dec-005 is about Acme Embed 3 and cross-lingual search, neither of which GPT-5 changes.
		expect(md).not.toContain('second evaluation round');
	});

	it('speaks of open items only', () => {
		expect(md).not.toContain('Legacy FAQ bot');
		expect(md).not.toContain('Knowledge-base answers with citations');
	});

	it('is deterministic', () => {
		expect(generateBrief(sample(), 'gpt-5', AS_OF)).toBe(md);
	});

	it('flags the over-promised items in the roadmap changes', () => {
		const changes = section(md, 'Roadmap changes');
		expect(changes).toMatch(/Over-promised: \*\*Real-time voice handoff\*\*/);
		expect(changes).toMatch(/Eval to run first: .* JSON schema adherence/);
	});
});

describe('replace retires only the production models whose roles X fills', () => {
	const ws = workspace({
		capabilities: [capability('acc'), capability('recall', { role: 'embedding' })],
		models: [
			model('chat', 'production'),
			model('embed', 'production', { roles: ['embedding'] }),
			model('x', 'available')
		],
		evidence: [
			evidence('chat', 'acc', 95),
			evidence('embed', 'recall', 85),
			evidence('x', 'acc', 80),
			evidence('x', 'recall', 99)
		],
		items: [
			item('search-answers', [need('recall', 80), need('acc', 90)]),
			item('search', [need('recall', 80)])
		]
	});

	it('keeps the production embedding model when an LLM replaces production', () => {
		expect(briefItems(ws, 'x', AS_OF).regressions.map((i) => i.id)).toEqual(['search-answers']);
		const md = brief(ws, 'x');
		const risks = section(md, 'Risks');
		expect(risks).toMatch(
			/Regression if x replaces chat: \*\*search-answers\*\* \(planned\) would go from ready to waiting on a capability\. Its llm part is ready today on chat, but x falls short on acc: 80 % \[\d+\] against ≥ 90 %\./
		);
		expect(risks).not.toContain('**search**');
		expect(section(md, 'Bottom line')).toContain(
			'Replacing chat with it (embed would stay: x fills no embedding role) would break 1 open item'
		);
	});

	it('never compares an LLM on embedding capabilities', () => {
		const md = brief(ws, 'x');
		// x has 99 % recall on record, but it is no candidate for an embedding capability.
		expect(md).not.toContain('99 %');
		expect(section(md, 'What x can do that our current models cannot')).toContain(
			'nothing: x does not beat our production models'
		);
	});
});

describe('unlocks', () => {
	// x ships 2027-05-10 (2027-Q2); `late-embed` is production but ships 2027-08-01 (2027-Q3).
	const ws = workspace({
		capabilities: [capability('acc'), capability('recall', { role: 'embedding' })],
		models: [
			model('p', 'production'),
			model('late-embed', 'production', { roles: ['embedding'], expectedAt: '2027-08-01' }),
			model('x', 'announced', { expectedAt: '2027-05-10' })
		],
		evidence: [
			evidence('p', 'acc', 85),
			evidence('x', 'acc', 95),
			evidence('late-embed', 'recall', 90)
		],
		items: [
			item('early', [need('acc', 90)], { quarter: '2027-Q1', priority: 'P1' }),
			item('later', [need('acc', 90)], { quarter: '2027-Q4', priority: 'P1' }),
			item('search', [need('acc', 90), need('recall', 80)], { quarter: '2027-Q2' })
		]
	});

	it('are grouped by their earliest quarter under adopt, not by their planned quarter', () => {
		const unlocks = section(brief(ws, 'x'), 'What it unlocks for users');
		expect(unlocks.split('\n').filter((l) => l.startsWith('###'))).toEqual([
			'### 2027-Q2',
			'### 2027-Q3'
		]);
		const q2 = unlocks.slice(unlocks.indexOf('### 2027-Q2'), unlocks.indexOf('### 2027-Q3'));
		expect(q2).toContain('**early** (P1, planned, on the roadmap for 2027-Q1)');
		expect(q2).toContain('**later** (P1, planned, on the roadmap for 2027-Q4)');
		expect(unlocks.slice(unlocks.indexOf('### 2027-Q3'))).toContain(
			'**search** (planned, on the roadmap for 2027-Q2), waiting on a capability today; high confidence with x. Its embedding part is ready on late-embed from 2027-Q3. Its llm part needs acc ≥ 90 %: x 95 % [1].'
		);
	});

	it('pull an item in only to the quarter the model ships, and flag what it cannot save', () => {
		const changes = section(brief(ws, 'x'), 'Roadmap changes');
		expect(changes).toContain(
			'Pull in **later** (P1, planned) from 2027-Q4 to 2027-Q2: ready with x from then, high confidence.'
		);
		expect(changes).toContain(
			'Over-promised: **early** (P1, planned) is promised for 2027-Q1 but cannot be ready before 2027-Q2'
		);
		expect(changes).toContain(
			'Over-promised: **search** (planned) is promised for 2027-Q2 but cannot be ready before 2027-Q3; adopting x does not change that.'
		);
	});

	it('are pulled in on high or medium confidence, and confirmed by an eval first on low', () => {
		const ws = workspace({
			capabilities: [capability('acc'), capability('tools'), capability('tone')],
			models: [model('p', 'production'), model('x', 'available')],
			evidence: [
				evidence('p', 'acc', 80),
				evidence('p', 'tools', 80),
				evidence('p', 'tone', 80),
				evidence('x', 'acc', 95),
				evidence('x', 'tools', 97, { kind: 'vendor-claim', source: { title: 'Launch post' } }),
				evidence('x', 'tone', 92, { kind: 'user-research' })
			],
			items: [
				item('sure', [need('acc', 90)], { quarter: '2027-Q2' }),
				item('claimed', [need('tools', 90)], { quarter: '2027-Q2' }),
				item('heard', [need('tone', 90)])
			]
		});
		const changes = section(brief(ws, 'x'), 'Roadmap changes');
		expect(changes).toContain(
			'- Pull in **sure** (planned) from 2027-Q2 to 2026-Q4: ready with x from then, high confidence.'
		);
		expect(changes).toContain(
			'- Schedule **heard** (planned) for 2026-Q4: ready with x from then, medium confidence.'
		);
		expect(changes).not.toMatch(/Pull in \*\*claimed\*\*/);
		expect(changes).toMatch(
			/- Confirm before moving \*\*claimed\*\* \(planned\) from 2027-Q2 to 2026-Q4: it would be ready with x only on low-confidence evidence, so run an internal eval of x on tools \(today's figure is a vendor claim \[(\d+)\]\) first\./
		);
	});

	it('show the five most important and count the rest', () => {
		const priorities = ['P3', 'P2', 'P0', 'P3', 'P1', 'P2', 'P0', 'P3'] as const;
		const ws = workspace({
			capabilities: [capability('acc')],
			models: [model('p', 'production'), model('x', 'available')],
			evidence: [evidence('p', 'acc', 80), evidence('x', 'acc', 95)],
			items: priorities.map((priority, i) => item(`item-${i}`, [need('acc', 90)], { priority }))
		});
		const unlocks = section(brief(ws, 'x'), 'What it unlocks for users');
		const shown = [...unlocks.matchAll(/^- \*\*(item-\d)\*\*/gm)].map((m) => m[1]);
		expect(shown).toEqual(['item-2', 'item-6', 'item-4', 'item-1', 'item-5']);
		expect(unlocks).toContain('- …and 3 more items in 2026-Q4; the board lists them all.');
		expect(briefItems(ws, 'x', AS_OF).unlocks).toHaveLength(8);
	});

	it('rank equal priorities by how many open items share their capabilities', () => {
		const ws = workspace({
			capabilities: [capability('rare'), capability('common')],
			models: [model('p', 'production'), model('x', 'available')],
			evidence: [evidence('x', 'rare', 95), evidence('x', 'common', 95)],
			items: [
				...Array.from({ length: 5 }, (_, i) =>
					item(`filler-${i}`, [need('common', 99)], { priority: 'P1' })
				),
				item('alone', [need('rare', 90)], { priority: 'P1' }),
				item('shared', [need('common', 90)], { priority: 'P1' })
			]
		});
		const md = brief(ws, 'x');
		const unlocks = section(md, 'What it unlocks for users');
		expect(unlocks.indexOf('**shared**')).toBeLessThan(unlocks.indexOf('**alone**'));
		expect(section(md, 'Bottom line')).toContain(': shared and alone.');
	});
});

describe('decisions on record', () => {
	const ws = workspace({
		capabilities: [capability('acc')],
		models: [model('gpt-4o', 'production', { name: 'GPT-4o' }), model('x', 'available')],
		evidence: [evidence('gpt-4o', 'acc', 80), evidence('x', 'acc', 95)],
		items: [
			item('refunds', [need('acc', 90)], { title: 'Refund agent' }),
			item('other', [], { title: 'Unrelated item' })
		],
		decisions: [
			decision('d1', {
				title: 'Keep GPT-4o for refunds until tool-call evals pass',
				modelIds: ['x']
			}),
			decision('d2', {
				date: '2026-09-01',
				title: 'Refunds wait for a second model',
				itemIds: ['refunds']
			}),
			decision('d3', { title: 'Old call on x', status: 'superseded', modelIds: ['x'] }),
			decision('d4', { title: 'Replaced call on refunds', itemIds: ['refunds'] }),
			decision('d5', {
				date: '2026-10-20',
				title: 'Refunds on x in Q1',
				supersedes: 'd4',
				itemIds: ['refunds']
			}),
			decision('d6', { title: 'About something else', itemIds: ['other'] }),
			decision('d7', { date: '2026-12-01', title: 'Taken after the as-of date', modelIds: ['x'] }),
			decision('d8', {
				date: '2026-11-01',
				title: 'Try x on summaries',
				status: 'proposed',
				modelIds: ['x']
			})
		]
	});
	const md = brief(ws, 'x');

	it('cites the decisions naming the model in the bottom line, by date and title', () => {
		expect(section(md, 'Bottom line')).toContain(
			'On record: Proposed 2026-11-01: Try x on summaries; Decided 2026-10-02: Keep GPT-4o for refunds until tool-call evals pass.'
		);
	});

	it('cites the decisions about unlocked items in the risks', () => {
		const risks = section(md, 'Risks');
		expect(risks).toContain(
			'- On record — Decided 2026-10-20: Refunds on x in Q1; it concerns **Refund agent**.'
		);
		expect(risks).toContain(
			'- On record — Decided 2026-09-01: Refunds wait for a second model; it concerns **Refund agent**.'
		);
	});

	it('leaves out superseded decisions, unrelated ones and those taken after the as-of date', () => {
		for (const title of [
			'Old call on x',
			'Replaced call on refunds',
			'About something else',
			'Taken after the as-of date'
		])
			expect(md).not.toContain(title);
	});

	it('keeps a decision a mere proposal would supersede', () => {
		const proposed = {
			...ws,
			decisions: ws.decisions.map((d) =>
				d.id === 'd5' ? { ...d, status: 'proposed' as const } : d
			)
		};
		expect(brief(proposed, 'x')).toContain('Decided 2026-10-02: Replaced call on refunds');
	});
});

describe('risks', () => {
	it('name borderline figures as such, with their margin', () => {
		const ws = workspace({
			capabilities: [capability('acc')],
			models: [model('p', 'production'), model('x', 'available')],
			evidence: [evidence('p', 'acc', 80), evidence('x', 'acc', 91, { sampleSize: 100 })],
			items: [item('triage', [need('acc', 90)])]
		});
		expect(section(brief(ws, 'x'), 'Risks')).toMatch(
			/- Borderline: x on acc, 91 % ± 2\.9 % \[\d+\] against ≥ 90 %: borderline, so the numbers cannot tell it apart from the threshold; \*\*triage\*\* rests on it\./
		);
	});

	it('name small-sample figures as such, and ask for a larger eval', () => {
		const ws = workspace({
			capabilities: [capability('acc'), capability('tools')],
			models: [model('p', 'production'), model('x', 'available')],
			evidence: [
				evidence('p', 'acc', 95),
				evidence('p', 'tools', 95),
				evidence('x', 'acc', 96),
				evidence('x', 'tools', 96, { sampleSize: 4 })
			],
			items: [item('agent', [need('acc', 90), need('tools', 90)])]
		});
		const md = brief(ws, 'x');
		expect(section(md, 'Risks')).toMatch(
			/- Weak evidence: these x figures rest on samples below the workspace's minimum of 100, not on our own evals at scale: tools 96 % \[\d+\] \(n = 4, below the workspace's minimum of 100\)\./
		);
		expect(section(md, 'Roadmap changes')).toMatch(
			/Eval to run first: a larger internal eval of x on tools; 1 open item depends on it and today's figure \[\d+\] rests on n = 4, below the workspace's minimum of 100\./
		);
	});

	it('cut long lists at five with a count of the rest', () => {
		const ws = workspace({
			capabilities: [capability('acc')],
			models: [model('p', 'production'), model('x', 'available')],
			evidence: [evidence('p', 'acc', 95), evidence('x', 'acc', 80)],
			items: Array.from({ length: 7 }, (_, i) => item(`item-${i}`, [need('acc', 90)]))
		});
		const risks = section(brief(ws, 'x'), 'Risks');
		expect(risks.match(/^- Regression/gm)).toHaveLength(5);
		expect(risks).toContain('- …and 2 more regressions; the board lists them all.');
	});
});

describe('rule 0 in the brief', () => {
	it('never cites or counts evidence observed after the as-of date', () => {
		const ws = workspace({
			capabilities: [capability('acc')],
			models: [model('p', 'production'), model('x', 'available')],
			evidence: [
				evidence('p', 'acc', 80),
				evidence('x', 'acc', 85, { observedAt: '2026-10-01' }),
				evidence('x', 'acc', 97, {
					observedAt: '2026-12-15',
					source: { title: 'Eval from the future' }
				}),
				evidence('p', 'acc', 99, { observedAt: '2027-01-15' })
			],
			items: [item('triage', [need('acc', 90)])]
		});
		const { markdown, figures } = composeBrief(ws, 'x', AS_OF);
		expect(markdown).not.toContain('Eval from the future');
		expect(markdown).not.toContain('2026-12-15');
		expect(markdown).not.toContain('97 %');
		expect(figures.map((f) => f.value)).not.toContain(97);
		expect(briefItems(ws, 'x', AS_OF).unlocks).toEqual([]);
		// A month later x's new eval counts (p's is still in the future), and the item unlocks.
		expect(briefItems(ws, 'x', '2026-12-31').unlocks.map((i) => i.id)).toEqual(['triage']);
		const later = brief(ws, 'x', '2026-12-31');
		expect(later).toContain('Eval from the future');
		expect(later).not.toContain('99 %');
	});
});

describe('generateBrief edge cases', () => {
	it('refuses an unknown model', () => {
		expect(() => generateBrief(workspace(), 'nope', AS_OF)).toThrow(BriefError);
	});

	it('says so when there is no evidence about the model', () => {
		const ws = workspace({
			capabilities: [capability('acc')],
			models: [model('p', 'production'), model('x', 'available')],
			evidence: [evidence('p', 'acc', 95)],
			items: [item('a', [need('acc', 90)])]
		});
		const md = brief(ws, 'x');
		expect(md).toContain('No evidence is cited.');
		expect(md).toContain('treat this brief as a list of evals to run');
	});

	it('warns that an announced model with no date is placed in the current quarter', () => {
		const ws = workspace({
			capabilities: [capability('acc')],
			models: [model('p', 'production'), model('x', 'announced')],
			evidence: [evidence('p', 'acc', 80), evidence('x', 'acc', 95)],
			items: [item('a', [need('acc', 90)])]
		});
		const unlocks = section(brief(ws, 'x'), 'What it unlocks for users');
		expect(unlocks).toContain(
			'x has no expected date: the quarters below assume it could be used today, which it cannot.'
		);
	});
});
