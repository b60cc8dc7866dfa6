/** The `capmap readiness --json` shape of DESIGN.md, shared by the command line and the tests. */
import { computeReadiness, type Expected, type Gap, type ModelCapability } from './readiness';
import type { Workspace } from './workspace';

export interface ReadinessReportItem {
	id: string;
	title: string;
	readiness: string;
	via?: string;
	targets?: string[];
	missing?: ModelCapability[];
	expected?: Expected[];
	gaps: Gap[];
	confidence: string | null;
	earliestQuarter: string | null;
	overPromised: boolean;
}

export interface ReadinessReport {
	asOf: string;
	items: ReadinessReportItem[];
}

export function readinessReport(workspace: Workspace, asOf: string): ReadinessReport {
	const results = computeReadiness(workspace, asOf);
	return {
		asOf,
		items: workspace.items.map((item, i) => {
			const r = results[i]!;
			const row: ReadinessReportItem = {
				id: item.id,
				title: item.title,
				readiness: r.readiness,
				gaps: r.gaps,
				confidence: r.confidence,
				earliestQuarter: r.earliestQuarter,
				overPromised: r.overPromised
			};
			if (r.via !== undefined) row.via = r.via;
			if (r.targets !== undefined) row.targets = r.targets;
			if (r.missing !== undefined) row.missing = r.missing;
			if (r.expected !== undefined) row.expected = r.expected;
			return row;
		})
	};
}
