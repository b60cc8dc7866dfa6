/**
 * Writing a long text into its Y.Text as the smallest edit: the common start and end are kept
 * and only the middle is replaced. A form that saves a whole description therefore touches only
 * the words its user changed, and what someone else typed elsewhere in the text at the same time
 * survives the merge.
 */
import type * as Y from 'yjs';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function replaceText(text: Y.Text, next: string): void {
	const current = text.toString();
	if (current === next) return;
	let start = 0;
	const shorter = Math.min(current.length, next.length);
	while (start < shorter && current.charCodeAt(start) === next.charCodeAt(start)) start++;
	// Never split a character written as two UTF-16 units (an emoji, a rare CJK character).
	if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
	let end = 0;
	while (
		end < shorter - start &&
		current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
	)
		end++;
	if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
	const removed = current.length - start - end;
	const inserted = next.slice(start, next.length - end);
	const edit = () => {
		if (removed > 0) text.delete(start, removed);
		if (inserted !== '') text.insert(start, inserted);
	};
	// One transaction: one change for the other clients and the undo history.
	if (text.doc) text.doc.transact(edit);
	else edit();
}
