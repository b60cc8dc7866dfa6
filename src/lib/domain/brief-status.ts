/**
 * Whether a saved brief still says what the workspace says. A brief remembers the Markdown it was
 * generated as and the evidence behind each reference; regenerating it now (same model, same
 * as-of date) and comparing tells whether it is out of date, and which of its numbers moved.
 */
import { composeBrief, type CitedFigure } from './brief';
import { decidingEvidence, indexEvidence } from './evidence';
import { formatValue } from './format';
import type { Workspace } from './workspace';

export interface BriefOrigin {
	modelId: string;
	asOf: string;
	generatedMarkdown: string;
	figures: CitedFigure[];
}

export interface ChangedFigure {
	n: number;
	label: string;
	before: string;
	after: string;
}

export interface BriefStatus {
	outOfDate: boolean;
	changed: ChangedFigure[];
}

export function briefStatus(ws: Workspace, origin: BriefOrigin): BriefStatus {
	if (!ws.models.some((m) => m.id === origin.modelId)) return { outOfDate: true, changed: [] };
	const now = composeBrief(ws, origin.modelId, origin.asOf);
	// Through the engine's index, as the brief itself: evidence observed after the brief's as-of
	// date does not move its figures (rule 0).
	const index = indexEvidence(ws.evidence, origin.asOf, ws.settings);
	const model = (id: string) => ws.models.find((m) => m.id === id)?.name ?? id;
	const capability = (id: string) => ws.capabilities.find((c) => c.id === id);
	const changed: ChangedFigure[] = [];
	for (const figure of origin.figures) {
		const current = decidingEvidence(index, figure.modelId, figure.capabilityId)?.evidence;
		if (current?.id === figure.evidenceId && current.value === figure.value) continue;
		const unit = capability(figure.capabilityId)?.unit ?? '';
		changed.push({
			n: figure.n,
			label: `${model(figure.modelId)} on ${capability(figure.capabilityId)?.name ?? figure.capabilityId}`,
			before: formatValue(figure.value, unit),
			after: current ? formatValue(current.value, unit) : 'no evidence'
		});
	}
	return { outOfDate: now.markdown !== origin.generatedMarkdown, changed };
}
