import { describe, expect, it } from 'vitest';
import { capability, item, need } from '../../test-support/testing';
import {
	exampleAssertion,
	promptfooFileName,
	promptfooSuite,
	requirementAssertion
} from './promptfoo-export';
import type { Capability, Item } from './schemas';
import { yamlBlock, yamlComment, yamlString } from './yaml-text';

const latency = capability('latency', { name: 'Latency', unit: 'ms', direction: 'lower' });
const accuracy = capability('accuracy', { name: 'Accuracy', unit: '%' });

describe('the promptfoo suite of a small spec', () => {
	it('is exactly this file', () => {
		const small: Item = item('faq-bot', [need('latency', 1200), need('accuracy', 90)], {
			title: 'FAQ bot',
			spec: {
				examples: [
					{ input: 'Opening hours?', output: 'We open at 9.', verdict: 'good' },
					{ input: 'Opening hours?', output: 'No idea.', verdict: 'bad', note: 'Unhelpful' }
				]
			}
		});
		expect(promptfooSuite(small, [latency, accuracy]))
			.toBe(`# promptfoo suite for the Capmap item “FAQ bot” (faq-bot).
# Run it:  npx promptfoo eval -c faq-bot.promptfooconfig.yaml -o results.json --no-cache
# then bring results.json back into Capmap: Evidence → Import.
#
# Good examples pass when the output resembles the good output: ROUGE-1 (word overlap,
# any case) of at least 0.75. Bad examples pass when it does not resemble the bad
# output: ROUGE-1 below 0.75. promptfoo computes both offline, with no grading model;
# an empty output is compared exactly.
#
# Requirements checked on every test (defaultTest):
#   - Latency ≤ 1200 ms: latency ≤ 1200 ms per call
# Requirements this file cannot express:
#   - Accuracy ≥ 90 %: a share of cases, measured over a whole eval, not by one test: map the suite's pass-rate (or another rate) to it when you import the results.
description: "Capmap: FAQ bot"
prompts:
  - "{{ example.input }}"

# The model under test. echo (built into promptfoo) answers with the prompt itself, so this
# file runs as written but tests nothing: replace it, e.g. with openai:gpt-4.1-mini, and set
# label to the model's name in Capmap so that importing the results maps them to that model.
providers:
  - id: "echo"
    label: "echo: replace with the model under test"

defaultTest:
  assert:
    - type: "latency"
      threshold: 1200

tests:
  - description: "Example 1 (good): Opening hours?"
    vars:
      example:
        input: "Opening hours?"
        output: "We open at 9."
    metadata:
      verdict: "good"
    assert:
      - type: "rouge-n"
        value: "{{ example.output }}"
        threshold: 0.75
  # Note: Unhelpful
  - description: "Example 2 (bad): Opening hours?"
    vars:
      example:
        input: "Opening hours?"
        output: "No idea."
    metadata:
      verdict: "bad"
    assert:
      - type: "not-rouge-n"
        value: "{{ example.output }}"
        threshold: 0.75
`);
	});

	it('has no tests and no defaultTest when there is nothing to test', () => {
		const text = promptfooSuite(item('empty', [need('accuracy', 90)]), [accuracy]);
		expect(text).toContain('\ntests: []\n');
		expect(text).not.toContain('defaultTest');
		expect(text).toContain('# No requirement of this item can be checked test by test.');
	});

	it('warns when text holds {{ env.… }}, which promptfoo expands on loading', () => {
		const withEnv = (output: string) =>
			promptfooSuite(
				item('x', [], { spec: { examples: [{ input: 'a', output, verdict: 'good' }] } }),
				[]
			);
		expect(withEnv('Your home is {{ env.HOME }}')).toContain('# Note: some text here contains');
		expect(withEnv('Your home is {{ home }}')).not.toContain('# Note: some text here contains');
	});
});

describe('user text in the YAML', () => {
	const nasty = [
		'He said "no" \\ then left',
		'line one\nline two\r\nline three',
		'key: value',
		'# not a comment',
		'- not a list item',
		'* not an alias',
		'& not an anchor',
		'! not a tag',
		'? not a key',
		'| not a block',
		'@reserved `too`',
		'%YAML 1.2',
		'---',
		'null',
		'true',
		'0x1F',
		'1e3',
		'  leading and trailing spaces  ',
		'Grüße, 日本語, emoji 🚀, right-to-left שלום',
		'tab\there, DEL \u007f, C1 \u0085\u0090, separators \u2028\u2029, BOM \ufeff',
		'{{ input }} {% raw %} file://etc/passwd package:left-pad'
	];

	it('is a double-quoted scalar that reads back as exactly the text', () => {
		for (const text of nasty) {
			const scalar = yamlString(text);
			expect(scalar.startsWith('"') && scalar.endsWith('"'), text).toBe(true);
			// A YAML double-quoted scalar with JSON's escapes reads as JSON does.
			expect(JSON.parse(scalar), text).toBe(text);
			// Nothing a YAML reader would take as a line break or refuse as unprintable.
			// eslint-disable-next-line no-control-regex -- looking for control characters
			expect(scalar, text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/);
		}
		expect(yamlString('DEL \u007f, LS \u2028')).toBe('"DEL \\u007f, LS \\u2028"');
	});

	it('sits on its own line under its key, whatever it holds', () => {
		const suite = promptfooSuite(
			item('x', [], {
				spec: {
					examples: nasty.map((text, i) => ({
						input: text,
						output: text,
						verdict: i % 2 ? 'bad' : 'good'
					}))
				}
			}),
			[]
		);
		const inputs = suite.split('\n').filter((line) => line.startsWith('        input: '));
		expect(inputs.map((line) => JSON.parse(line.slice('        input: '.length)))).toEqual(nasty);
	});

	it('in comments (notes, the spec’s prose) never leaves its comment lines', () => {
		const prose = 'first\n- injected: true\r\nthird\u2028fourth\u0085fifth\rsixth\u0000';
		const plain = item('x', [], {
			spec: { examples: [{ input: 'a', output: 'b', verdict: 'good' }] }
		});
		const commented = item('x', [], {
			spec: {
				modelInput: prose,
				fallback: prose,
				inScope: [prose],
				outOfScope: [prose],
				examples: [{ input: 'a', output: 'b', verdict: 'good', note: prose }]
			}
		});
		const code = (text: string) => text.split('\n').filter((l) => !l.trimStart().startsWith('#'));
		expect(code(promptfooSuite(commented, []))).toEqual(code(promptfooSuite(plain, [])));
		expect(yamlComment(prose, '  ', ' ')).toBe(
			[
				'  # first',
				'  # - injected: true',
				'  # third',
				'  # fourth',
				'  # fifth',
				'  # sixth\ufffd'
			].join('\n')
		);
	});
});

describe('yamlBlock', () => {
	it('writes nested mappings and sequences in block style, empty ones in flow style', () => {
		expect(yamlBlock({ a: [{ b: 1, c: [true, 'x'] }, [2, 3], [], {}], d: {}, e: undefined })).toBe(
			[
				'a:',
				'  - b: 1',
				'    c:',
				'      - true',
				'      - "x"',
				'  - - 2',
				'    - 3',
				'  - []',
				'  - {}',
				'd: {}'
			].join('\n')
		);
	});

	it('refuses a key that is not plain, and a number YAML cannot hold', () => {
		expect(() => yamlBlock({ 'a: b': 1 })).toThrow(/not a plain key/);
		expect(() => yamlBlock({ a: Number.NaN })).toThrow(/not a number/);
	});
});

describe('which requirements become assertions', () => {
	const cap = (unit: string, over: Partial<Capability> = {}) =>
		capability('c', { name: 'C', unit, direction: 'lower', ...over });
	const as = (unit: string, threshold: number, over: Partial<Capability> = {}) =>
		requirementAssertion(need('c', threshold), cap(unit, over));

	it.each([
		['ms', 800, { type: 'latency', threshold: 800 }],
		['milliseconds', 800, { type: 'latency', threshold: 800 }],
		['s', 1.5, { type: 'latency', threshold: 1500 }],
		['seconds', 0.3, { type: 'latency', threshold: 300 }],
		['USD per request', 0.002, { type: 'cost', threshold: 0.002 }],
		['$/call', 0.01, { type: 'cost', threshold: 0.01 }],
		['USD per 1k requests', 0.3, { type: 'cost', threshold: 0.0003 }],
		['USD per 1,000 calls', 2, { type: 'cost', threshold: 0.002 }],
		['USD per 1M requests', 150, { type: 'cost', threshold: 0.00015 }]
	])('%s ≤ %d → %o', (unit, threshold, assertion) => {
		expect(as(unit, threshold).assertion).toEqual(assertion);
	});

	it.each([
		['%', {}, /share of cases/],
		['pass', {}, /yes\/no verdict/],
		['score', {}, /no assertion that measures score/],
		['USD per 1k conversations', {}, /not per request/],
		['ms', { direction: 'higher' as const }, /higher is better/],
		['ms', { role: 'embedding' }, /measured on the embedding model/]
	])('%s %o cannot be expressed', (unit, over, reason) => {
		const r = as(unit, 10, over);
		expect(r.assertion).toBeUndefined();
		expect(r.reason).toMatch(reason);
	});

	it('leaves nice-to-haves and unknown capabilities out, saying why', () => {
		expect(requirementAssertion(need('c', 10, false), cap('ms')).reason).toMatch(/nice-to-have/);
		expect(requirementAssertion(need('gone', 10), undefined).reason).toMatch(/no such capability/);
	});
});

describe('an example’s assertion', () => {
	it('compares with the output through a var, so the text is never a template', () => {
		const good = exampleAssertion({ input: 'a', output: '{{ x }}', verdict: 'good' });
		expect(good).toEqual({ type: 'rouge-n', value: '{{ example.output }}', threshold: 0.75 });
		expect(exampleAssertion({ input: 'a', output: 'b', verdict: 'bad' }).type).toBe('not-rouge-n');
	});

	it('is exact when the output has no words to compare', () => {
		expect(exampleAssertion({ input: 'a', output: ' ', verdict: 'good' }).type).toBe('equals');
		expect(exampleAssertion({ input: 'a', output: '', verdict: 'bad' }).type).toBe('not-equals');
	});
});

it('names the file after the item', () => {
	expect(promptfooFileName({ id: 'Refund agent/v2' })).toBe('refund-agent-v2.promptfooconfig.yaml');
	expect(promptfooFileName({ id: '日本' })).toBe('item.promptfooconfig.yaml');
});
