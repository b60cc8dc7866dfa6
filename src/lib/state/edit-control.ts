/**
 * The attributes every control that changes the workspace spreads on itself:
 * `<button {...editControl()}>`, or `{...editControl(saving)}` with its own reason to wait. While
 * the workspace is open read-only (access.svelte.ts) the control is disabled and its tooltip says
 * why; otherwise it is as it was. One helper, so no page words or forgets this on its own.
 */
import { access } from './access.svelte';

export interface EditControlAttributes {
	disabled: boolean;
	title: string | undefined;
}

export function editControl(busy = false, title?: string): EditControlAttributes {
	return { disabled: busy || !access.canEdit, title: access.readOnlyReason ?? title };
}
