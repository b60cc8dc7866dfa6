import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BriefError, generateBrief } from './brief';
import { lintBrief, lintNames } from './brief-lint';
import { capability, evidence, item, model, need, workspace } from './testing';
import { validateWorkspace, type Workspace } from './workspace';

const AS_OF = '2026-11-27';
function sample(): Workspace {
	const result = validateWorkspace(
		JSON.parse(readFileSync('samples/sample-workspace.json', 'utf8'))
	);
	if (!result.ok) throw new Error('sample is invalid');
	return result.workspace;
}
const section = (md: string, heading: string) => {
	const start = md.indexOf(`## ${heading}`);
	const end = md.indexOf('\n## ', start + 1);
	return md.slice(start, end === -1 ? undefined : end);
};

describe('generateBrief on the sample', () => {
	const ws = sample();
	const md = generateBrief(ws, 'gpt-5', AS_OF);

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

	it('passes its own lint', () => {
		expect(lintBrief(md, { names: lintNames(ws) })).toEqual([]);
	});

	it('writes references in the DESIGN.md format', () => {
		expect(md).toContain(
			'Triage eval v7 (Oct 2026) — internal-eval, GPT-4o on Intent classification accuracy: 94.2 %, observed 2026-10-12, n=2400'
		);
		expect(md).toMatch(
			/^\[\d+\] GPT-5 system card \(preview\) — vendor-claim, GPT-5 on Intent classification accuracy: 96 %, observed 2026-10-06, https:\/\/example\.org\/gpt5-card$/m
		);
	});

	it('lists what adopting unlocks and what replacing breaks', () => {
		const unlocks = section(md, 'What it unlocks for users');
		for (const title of [
			'Refund agent with tool use',
			'Full conversation history in context',
			'Long-form help-article drafting'
		])
			expect(unlocks).toContain(title);
		expect(unlocks).not.toContain('Structured ticket triage');
		const risks = section(md, 'Risks');
		expect(risks).toMatch(/\*\*Structured ticket triage\*\*.*ready to needs a model upgrade/);
		expect(risks).toMatch(/\*\*Semantic help-center search\*\*/);
		expect(risks).toContain('Announced only');
		expect(risks).toMatch(/Weak evidence.*vendor claim/);
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
		const md = generateBrief(ws, 'x', AS_OF);
		expect(md).toContain('No evidence is cited.');
		expect(md).toContain('treat this brief as a list of evals to run');
		expect(lintBrief(md, { names: lintNames(ws) })).toEqual([]);
	});
});
