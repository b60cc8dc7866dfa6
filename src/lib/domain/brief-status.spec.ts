import { describe, expect, it } from 'vitest';
import { composeBrief } from './brief';
import { briefStatus, type BriefOrigin } from './brief-status';
import { lineDiff } from './line-diff';
import type { Workspace } from './workspace';
import { sample } from '../../test-support/sample';

const AS_OF = '2026-11-27';

function origin(ws: Workspace): BriefOrigin {
	const generated = composeBrief(ws, 'gpt-5', AS_OF);
	return {
		modelId: 'gpt-5',
		asOf: AS_OF,
		generatedMarkdown: generated.markdown,
		figures: generated.figures
	};
}

describe('briefStatus', () => {
	it('is current right after generation', () => {
		const ws = sample();
		expect(briefStatus(ws, origin(ws))).toEqual({ outOfDate: false, changed: [] });
	});

	it('names the figure that changed when evidence changes', () => {
		const ws = sample();
		const before = origin(ws);
		const claim = ws.evidence.find((e) => e.modelId === 'gpt-5' && e.capabilityId === 'tool-use')!;
		claim.value = 91;
		const status = briefStatus(ws, before);
		expect(status.outOfDate).toBe(true);
		expect(status.changed).toEqual([
			{ n: expect.any(Number), label: 'GPT-5 on Tool-call accuracy', before: '98 %', after: '91 %' }
		]);
	});

	it('goes out of date when an item changes, even with the same numbers', () => {
		const ws = sample();
		const before = origin(ws);
		ws.items.find((i) => i.id === 'refund-agent')!.title = 'Refunds, end to end';
		expect(briefStatus(ws, before)).toEqual({ outOfDate: true, changed: [] });
	});

	it('stays current when evidence observed after its as-of date arrives (rule 0)', () => {
		const ws = sample();
		const before = origin(ws);
		ws.evidence.push({
			id: 'ev-late',
			modelId: 'gpt-5',
			capabilityId: 'tool-use',
			value: 60,
			kind: 'internal-eval',
			source: { title: 'Refund-flow tool-use eval, December' },
			observedAt: '2026-12-10',
			sampleSize: 500
		});
		expect(briefStatus(ws, before)).toEqual({ outOfDate: false, changed: [] });
	});

	it('records each reference with its evidence', () => {
		const { markdown, figures } = composeBrief(sample(), 'gpt-5', AS_OF);
		for (const f of figures) expect(markdown).toMatch(new RegExp(`^\\[${f.n}\\] `, 'm'));
		expect(figures[0]).toMatchObject({ n: 1, modelId: 'gpt-5' });
	});
});

describe('lineDiff', () => {
	it('marks removed and added lines around the common ones', () => {
		expect(lineDiff('a\nb\nc', 'a\nx\nc\nd')).toEqual([
			{ kind: 'same', text: 'a' },
			{ kind: 'removed', text: 'b' },
			{ kind: 'added', text: 'x' },
			{ kind: 'same', text: 'c' },
			{ kind: 'added', text: 'd' }
		]);
		expect(lineDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
	});
});
