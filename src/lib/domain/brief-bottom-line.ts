/**
 * The brief's Bottom line: three to five sentences — the model's status, what adopting it unlocks
 * and from when, what replacing production breaks, how sure the cited evidence is, and the
 * decisions on record that name the model. It cites no evidence, so it can be written last, once
 * every other section has numbered its citations.
 */
import { mostImportant } from './brief-rank';
import type { OnRecord, Scene } from './brief-scene';
import {
	count,
	decisionText,
	escapeMarkdown,
	focusName,
	joinOr,
	modelNames,
	sentenceOf
} from './brief-text';
import { quarterOf } from './dates';
import { decidingEvidence, type Confidence } from './evidence';
import { joinAnd } from './format';
import { rolesOf } from './entities';

/** How many decisions naming the model the bottom line cites; the rest go to the risks. */
export const BOTTOM_LINE_DECISIONS = 2;

function statusSentence(s: Scene): string {
	const vendor = s.model.vendor ? escapeMarkdown(s.model.vendor) : '';
	const name = `${focusName(s)}${vendor ? ` (${vendor})` : ''}`;
	switch (s.model.status) {
		case 'production':
			return `${name} already serves the product in production.`;
		case 'available':
			return `${name} is generally available but not in production: using it is an upgrade.`;
		case 'announced':
			return s.model.expectedAt && s.model.expectedAt > s.asOf
				? `${name} is announced and not usable yet; it is expected ${s.model.expectedAt}, so nothing can ship on it before ${quarterOf(s.model.expectedAt)}.`
				: `${name} is announced and not usable yet${s.model.expectedAt ? `; it was expected ${s.model.expectedAt}` : ', with no expected date'}.`;
		case 'retired':
			return `${name} is retired.`;
	}
}

function unlockSentence(s: Scene): string {
	const n = s.unlocks.length;
	if (n === 0) return 'Adopting it would make no open item ready that is not ready today.';
	const quarters = s.unlocks.map((item) => s.adopt.get(item).earliestQuarter ?? '').sort();
	const first = quarters[0]!;
	const last = quarters[quarters.length - 1]!;
	const when = first === last ? `from ${first}` : `from ${first} to ${last}`;
	const top = mostImportant(s.unlocks, (item) => s.importance.of(item), 3).shown.map((item) =>
		escapeMarkdown(item.title)
	);
	const which = n <= 3 ? `: ${joinAnd(top)}` : `, among them ${joinAnd(top)}`;
	const sure = s.unlocks.filter((item) => {
		const confidence: Confidence | null = s.adopt.get(item).confidence;
		return confidence === 'high' || confidence === 'medium';
	}).length;
	const confidence =
		sure === 0
			? `; every one of them rests on low-confidence evidence, so this brief proposes evals before any roadmap move`
			: sure === n
				? ''
				: `; for only ${count(sure, 'item')} the evidence is high or medium confidence`;
	return `Adopting it would make ${count(n, 'open item')} ready that ${n === 1 ? 'is' : 'are'} not ready today, ${when}${which}${confidence}.`;
}

function replaceSentence(s: Scene): string {
	if (s.replaced.length === 0)
		return `There is no production model whose roles it could take over, so replacing changes nothing.`;
	const kept = s.production.filter((m) => !s.replaced.includes(m));
	const roles = rolesOf(s.model);
	const missing = [...new Set(kept.flatMap((m) => rolesOf(m).filter((r) => !roles.includes(r))))];
	const keeps =
		kept.length > 0
			? ` (${modelNames(kept)} would stay: ${focusName(s)} fills no ${joinOr(missing.sort())} role)`
			: '';
	const n = s.regressions.length;
	const replaced = modelNames(s.replaced);
	return n === 0
		? `Replacing ${replaced} with it${keeps} would keep every open item that is ready today ready.`
		: `Replacing ${replaced} with it${keeps} would break ${count(n, 'open item')} that ${n === 1 ? 'is' : 'are'} ready today.`;
}

/** How sure we are about the focus model: its own cited figures, by confidence. */
function evidenceSentence(s: Scene): string {
	const ours = s.citations.cited.filter((e) => e.modelId === s.model.id);
	if (ours.length === 0)
		return `No evidence about ${focusName(s)} on the capabilities the roadmap needs has been recorded, so treat this brief as a list of evals to run.`;
	const tally = { high: 0, medium: 0, low: 0 };
	for (const e of ours)
		tally[decidingEvidence(s.ctx.evidence, e.modelId, e.capabilityId)!.confidence]++;
	return `Of the ${count(ours.length, 'evidence record')} cited below for ${focusName(s)}, ${count(tally.high, 'record')} ${tally.high === 1 ? 'is' : 'are'} high confidence, ${count(tally.medium, 'record')} medium and ${count(tally.low, 'record')} low (vendor claims or anecdotes).`;
}

function decisionSentence(records: readonly OnRecord[]): string[] {
	if (records.length === 0) return [];
	return [`On record: ${records.map((r) => decisionText(r.decision)).join('; ')}.`];
}

/** `decisions` are the decisions on record naming the model that the bottom line cites. */
export function bottomLine(s: Scene, decisions: readonly OnRecord[]): string[] {
	const sentences = [
		statusSentence(s),
		unlockSentence(s),
		replaceSentence(s),
		evidenceSentence(s),
		...decisionSentence(decisions)
	];
	return [sentences.map(sentenceOf).join(' ')];
}
