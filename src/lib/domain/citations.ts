/**
 * Numbered citations for the brief: `[n]` in order of first citation, and the reference line
 * docs/rules.md prescribes for each. Only cited evidence becomes a reference, so every reference
 * is cited and every citation resolves by construction. The text in a reference line comes from
 * the workspace and is escaped (brief-escape.ts): a source title cannot end the line, start
 * another reference or write a `[n]` of its own.
 */
import { escapeMarkdown, escapeMarkdownUrl } from './brief-escape';
import { formatValue } from './format';
import type { Capability, Evidence, Model } from './schemas';

export class Citations {
	#order: Evidence[] = [];
	#numbers = new Map<string, number>();

	constructor(
		private readonly models: Map<string, Model>,
		private readonly capabilities: Map<string, Capability>
	) {}

	/** The marker for this evidence, numbering it on first use. */
	cite(evidence: Evidence): string {
		let n = this.#numbers.get(evidence.id);
		if (n === undefined) {
			this.#order.push(evidence);
			n = this.#order.length;
			this.#numbers.set(evidence.id, n);
		}
		return `[${n}]`;
	}

	get cited(): readonly Evidence[] {
		return this.#order;
	}

	references(): string[] {
		return this.#order.map((evidence, i) =>
			referenceLine(i + 1, evidence, this.models, this.capabilities)
		);
	}
}

export function referenceLine(
	n: number,
	evidence: Evidence,
	models: Map<string, Model>,
	capabilities: Map<string, Capability>
): string {
	const model = escapeMarkdown(models.get(evidence.modelId)?.name ?? evidence.modelId);
	const capability = capabilities.get(evidence.capabilityId);
	const capabilityName = escapeMarkdown(capability?.name ?? evidence.capabilityId);
	const value = formatValue(evidence.value, escapeMarkdown(capability?.unit ?? ''));
	const title = escapeMarkdown(evidence.source.title);
	let line = `[${n}] ${title} — ${evidence.kind}, ${model} on ${capabilityName}: ${value}, observed ${evidence.observedAt}`;
	if (evidence.sampleSize !== undefined) line += `, n=${evidence.sampleSize}`;
	const url = escapeMarkdownUrl(evidence.source.url ?? '');
	if (url) line += `, ${url}`;
	return line;
}
