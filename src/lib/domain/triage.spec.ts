import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createRenderer } from '../markdown/render';
import type { EvalRun, Item } from './schemas';
import { capability, evidence, item, model, need, workspace } from '../../test-support/testing';
import { triage, triageNote } from './triage';
import type { Workspace } from './workspace';

const AS_OF = '2026-11-24';

function overnight(status: Item['status'], tonight: number, cases: [boolean, boolean]) {
	const lastNight: EvalRun = {
		id: 'run-1',
		tool: 'promptfoo',
		suite: 'refunds',
		modelId: 'gpt-4o',
		ranAt: '2026-11-23T02:00:00Z',
		cases: [
			{ key: 'refund after 30 days', pass: true, score: 1 },
			{ key: 'partial refund', pass: true }
		]
	};
	const run: EvalRun = {
		...lastNight,
		id: 'run-2',
		ranAt: '2026-11-24T02:00:00Z',
		cases: [
			{
				key: 'refund after 30 days',
				pass: cases[0],
				score: cases[0] ? 1 : 0.2,
				...(cases[0] ? {} : { reason: 'Quoted the *14-day* policy\nto the customer' })
			},
			{ key: 'partial refund', pass: cases[1] }
		]
	};
	const before: Workspace = workspace({
		capabilities: [capability('refund-accuracy', { name: 'Refund accuracy' })],
		models: [model('gpt-4o', 'production', { name: 'GPT-4o' })],
		evidence: [
			evidence('gpt-4o', 'refund-accuracy', 95, {
				id: 'ev-old',
				observedAt: '2026-11-23',
				sampleSize: 400,
				source: { title: 'Refund suite, Monday' }
			})
		],
		items: [
			item('refund-agent', [need('refund-accuracy', 90)], {
				title: 'Refund agent',
				status,
				priority: 'P0',
				owner: 'Noah',
				userImpact: 'Refunds resolve in one conversation.'
			})
		],
		evalRuns: [lastNight]
	});
	const after: Workspace = {
		...before,
		evidence: [
			...before.evidence,
			evidence('gpt-4o', 'refund-accuracy', tonight, {
				id: 'ev-new',
				observedAt: '2026-11-24',
				sampleSize: 400,
				source: { title: 'Refund suite, Tuesday' }
			})
		],
		evalRuns: [lastNight, run]
	};
	return { before, after, runs: [run], asOf: AS_OF };
}

describe('the overnight triage call', () => {
	it('is hotfix when an item in use was ready on the model and is not now', () => {
		const { groups } = triage(overnight('in-progress', 80, [false, true]));
		expect(groups.map((g) => g.call)).toEqual(['hotfix']);
		expect(groups[0]!.diff.regressed.map((c) => c.key)).toEqual(['refund after 30 days']);
		expect(groups[0]!.items.map((w) => [w.item.id, w.from, w.to])).toEqual([
			['refund-agent', 'ready', 'waiting']
		]);
	});

	it('is next sprint when only a planned item got worse', () => {
		expect(triage(overnight('planned', 80, [false, true])).groups.map((g) => g.call)).toEqual([
			'next sprint'
		]);
	});

	it('is watch when cases regressed but no item got worse', () => {
		const { groups } = triage(overnight('in-progress', 93, [false, true]));
		expect(groups.map((g) => [g.call, g.items.length])).toEqual([['watch', 0]]);
	});

	it('says nothing of a run where nothing regressed and no item moved', () => {
		expect(triage(overnight('in-progress', 96, [true, true])).groups).toEqual([]);
	});
});

describe('the triage note', () => {
	it('reads as one message for the team channel, every number cited', () => {
		expect(triageNote(overnight('in-progress', 80, [false, true]), 'Overnight evals, 2026-11-24'))
			.toBe(`*Overnight evals, 2026-11-24* — 1 case regressed, 0 fixed; 1 roadmap item worse.

*🔴 Hotfix* — promptfoo · refunds · GPT-4o
"Refund agent" is in-progress and was ready on this model; it is waiting now, so users are affected today.
Regressed 1 of 2 cases since the run of 2026-11-23T02:00:00Z:
• refund after 30 days: pass → fail (score 1 → 0.2). Grader: Quoted the \\*14-day\\* policy to the customer
Roadmap items worse:
• *Refund agent* (P0, in-progress, owner Noah): ready → waiting. Refund accuracy (GPT-4o) 95 % [1] → 80 % [2] Users: Refunds resolve in one conversation.

*References*
[1] Refund suite, Monday — internal-eval, GPT-4o on Refund accuracy: 95 %, observed 2026-11-23, n=400
[2] Refund suite, Tuesday — internal-eval, GPT-4o on Refund accuracy: 80 %, observed 2026-11-24, n=400
`);
	});

	it('keeps names from starting markup of their own', () => {
		const input = overnight('in-progress', 80, [false, true]);
		input.after.items[0]!.title = '# *Refund*\n- agent';
		const note = triageNote(input);
		expect(note).toContain('• *\\# \\*Refund\\* - agent*');
		expect(note.split('\n').some((line) => line.startsWith('#') || line.startsWith('- '))).toBe(
			false
		);
	});
});

describe('the triage note as the app shows it', () => {
	const window = new JSDOM('').window;
	const render = createRenderer(window as unknown as Parameters<typeof createRenderer>[0]);

	it('renders names, case descriptions and reasons from the file as the text they are', () => {
		const input = overnight('in-progress', 80, [false, true]);
		const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) **loud**';
		input.after.items[0]!.title = `Refund ${hostile}`;
		input.after.models[0]!.name = `GPT ${hostile}`;
		const run = input.runs[0]!;
		run.cases[0] = { ...run.cases[0]!, description: `Case ${hostile}`, reason: `Why ${hostile}` };
		const html = render(triageNote(input));
		const doc = new JSDOM(html).window.document;
		expect(doc.querySelectorAll('img, script, a[href^="javascript"]')).toHaveLength(0);
		// The only links are the note's own citations to its references.
		for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^#ref-\d$/);
		// Bold comes from the note's own markup only: the call's title and the item's title line.
		expect([...doc.querySelectorAll('strong, em')].map((e) => e.textContent)).not.toContain('loud');
		const text = doc.body.textContent!;
		for (const name of ['Refund', 'GPT', 'Case', 'Why'])
			expect(text).toContain(`${name} ${hostile}`);
	});

	it('says when a run has no case-level results', () => {
		const input = overnight('in-progress', 80, [true, true]);
		const run = { ...input.runs[0]!, cases: [], summaryOnly: true as const };
		input.after.evalRuns = [input.after.evalRuns[0]!, run];
		const note = triageNote({ ...input, runs: [run] });
		expect(note).toContain('The file has no case-level results for this run.');
		expect(note).toContain('*🔴 Hotfix*');
	});
});
