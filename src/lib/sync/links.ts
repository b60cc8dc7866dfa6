/**
 * Links to soft-deleted records, as the workspace reads them. A shared workspace never loses a
 * deleted record (it can be restored), nor the links to it: someone may link a decision to an
 * item while someone else deletes the item, and a restore should bring both back. So the doc
 * keeps every link, and reading the workspace leaves out the links to deleted records, as a
 * delete in an unshared workspace unlinks them:
 *
 *   a list of ids (a decision's items, models and findings; a finding's items) loses the id;
 *   a single optional link (a finding's model or capability, a decision's `supersedes`) is left out;
 *   a requirement on a deleted capability is left out of its item;
 *   evidence of a deleted model or on a deleted capability, and eval runs and briefs of a
 *   deleted model, are left out with it.
 *
 * Links to ids that were never in the doc are kept, so that validation reports them.
 */
import type { RecordKind } from './kinds';

type Row = Record<string, unknown>;
export type DeletedIds = Record<RecordKind, ReadonlySet<string>>;

const names = (deleted: ReadonlySet<string>, value: unknown) =>
	typeof value === 'string' && deleted.has(value);

function withoutIds(row: Row, field: string, deleted: ReadonlySet<string>): Row {
	const list = row[field];
	if (!Array.isArray(list) || !list.some((id) => names(deleted, id))) return row;
	return { ...row, [field]: list.filter((id) => !names(deleted, id)) };
}

function withoutLink(row: Row, field: string, deleted: ReadonlySet<string>): Row {
	if (!names(deleted, row[field])) return row;
	const copy = { ...row };
	delete copy[field];
	return copy;
}

/** The kinds' records with their links to deleted records left out (see above). */
export function withoutLinksToDeleted(
	records: Record<RecordKind, Row[]>,
	deleted: DeletedIds
): Record<RecordKind, Row[]> {
	const { models, capabilities, items, findings, decisions } = deleted;
	return {
		...records,
		evidence: records.evidence.filter(
			(e) => !names(models, e.modelId) && !names(capabilities, e.capabilityId)
		),
		items: records.items.map((item) => {
			const requirements = item.requirements;
			if (!Array.isArray(requirements)) return item;
			const kept = requirements.filter((r: Row) => !names(capabilities, r?.capabilityId));
			return kept.length === requirements.length ? item : { ...item, requirements: kept };
		}),
		decisions: records.decisions.map((d) =>
			withoutLink(
				withoutIds(
					withoutIds(withoutIds(d, 'itemIds', items), 'modelIds', models),
					'findingIds',
					findings
				),
				'supersedes',
				decisions
			)
		),
		findings: records.findings.map((f) =>
			withoutIds(
				withoutLink(withoutLink(f, 'modelId', models), 'capabilityId', capabilities),
				'itemIds',
				items
			)
		),
		evalRuns: records.evalRuns.filter((r) => !names(models, r.modelId)),
		briefs: records.briefs.filter((b) => !names(models, b.modelId))
	};
}
