/** The `capmap readiness --json` shape (docs/rules.md), shared by the command line and the tests. */
import {
	createContext,
	readinessOf,
	type Borderline,
	type Expected,
	type Gap,
	type ItemReadiness,
	type ModelCapability,
	type PartReadiness
} from './readiness';
import type { Item } from './schemas';
import type { Workspace } from './workspace';

export interface ReadinessReportPart {
	role: string;
	readiness: string;
	confidence: string | null;
	via?: string;
	targets?: string[];
	missing?: ModelCapability[];
	expected?: Expected[];
}

export interface ReadinessReportItem {
	id: string;
	title: string;
	readiness: string;
	confidence: string | null;
	earliestQuarter: string | null;
	overPromised: boolean;
	gaps: Gap[];
	borderline: Borderline[];
	parts: ReadinessReportPart[];
}

export interface ReadinessReport {
	asOf: string;
	items: ReadinessReportItem[];
}

/** A part carries `via` only when ready, `targets` only when upgrade, and so on. */
function reportPart(part: PartReadiness): ReadinessReportPart {
	const row: ReadinessReportPart = {
		role: part.role,
		readiness: part.readiness,
		confidence: part.confidence
	};
	if (part.via !== undefined) row.via = part.via;
	if (part.targets !== undefined) row.targets = part.targets;
	if (part.missing !== undefined) row.missing = part.missing;
	if (part.expected !== undefined) row.expected = part.expected;
	return row;
}

function reportItem(item: Item, r: ItemReadiness): ReadinessReportItem {
	return {
		id: item.id,
		title: item.title,
		readiness: r.readiness,
		confidence: r.confidence,
		earliestQuarter: r.earliestQuarter,
		overPromised: r.overPromised,
		gaps: r.gaps,
		borderline: r.borderline,
		parts: r.parts.map(reportPart)
	};
}

/**
 * Every item's readiness (computeReadiness), each turned into its report row as it is computed:
 * the engine's result for an item is dropped young, so a big workspace's report is not held twice.
 */
export function readinessReport(workspace: Workspace, asOf: string): ReadinessReport {
	const ctx = createContext(workspace, asOf);
	return { asOf, items: workspace.items.map((item) => reportItem(item, readinessOf(ctx, item))) };
}
