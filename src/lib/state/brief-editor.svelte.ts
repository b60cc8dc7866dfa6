/**
 * The brief editor's state: title and Markdown as typed, against the brief as it was opened.
 * It keeps a draft as you type (state/drafts.ts) — flushed when the page is hidden or the editor
 * closes — and restores it when the brief is opened again, with a way to discard it. Saving is a
 * field-level edit: a text changed in another tab meanwhile is a conflict to settle, never
 * overwritten in silence. Create it while a component initialises (it uses effects).
 */
import type { BriefOrigin } from '$lib/domain/brief-status';
import type { Brief } from '$lib/domain/schemas';
import { briefs, type BriefText } from './commands';
import { DraftKeeper } from './drafts';
import { shown, type ShownConflict } from './entity-form.svelte';
import type { WriteFailure } from './write-result';

const LABELS: Record<string, string> = { title: 'Title', markdown: 'Text' };

export class BriefEditor {
	readonly id: string;
	#base = $state.raw<BriefText>({ title: '', markdown: '' });
	#title = $state('');
	#text = $state('');
	#restoredAt = $state<string | null>(null);
	#failure = $state.raw<WriteFailure | null>(null);
	#saving = $state(false);
	#keeper: DraftKeeper<BriefText, BriefText>;

	constructor(brief: Brief) {
		this.id = brief.id;
		this.#keeper = new DraftKeeper(`brief:${brief.id}`);
		this.#load({ title: brief.title, markdown: brief.markdown });
		this.#keeper.restore(
			(kept) => kept.title !== brief.title || kept.markdown !== brief.markdown,
			(kept) => {
				if (this.dirty) return; // typed here meanwhile: that stays
				this.#base = kept.base;
				this.#title = kept.fields.title;
				this.#text = kept.fields.markdown;
				this.#restoredAt = kept.savedAt;
			}
		);

		$effect(() => {
			const fields = { title: this.#title, markdown: this.#text };
			if (this.dirty) this.#keeper.keep(this.#base, fields);
			else this.#keeper.clear();
		});
		$effect(() => this.#keeper.attach());
	}

	#load(text: BriefText) {
		this.#base = text;
		this.#title = text.title;
		this.#text = text.markdown;
	}

	get title(): string {
		return this.#title;
	}
	set title(value: string) {
		this.#title = value;
	}
	get text(): string {
		return this.#text;
	}
	set text(value: string) {
		this.#text = value;
	}
	/** Whether title or text differ from the brief as it was opened (or last saved). */
	get dirty(): boolean {
		return this.#title !== this.#base.title || this.#text !== this.#base.markdown;
	}
	/** When the draft shown was kept, if the editor opened on one. */
	get restoredAt(): string | null {
		return this.#restoredAt;
	}
	get failure(): WriteFailure | null {
		return this.#failure;
	}
	get saving(): boolean {
		return this.#saving;
	}
	get conflicts(): ShownConflict[] {
		return (this.#failure?.conflicts ?? []).map((c) => ({
			field: c.field,
			label: LABELS[c.field] ?? c.field,
			mine: shown(c.mine),
			theirs: shown(c.theirs)
		}));
	}

	/** After a write: the stored brief, unless more was typed meanwhile (that stays, unsaved). */
	#settle(saved: Brief, sent: BriefText) {
		if (this.#title === sent.title) this.#title = saved.title;
		if (this.#text === sent.markdown) this.#text = saved.markdown;
		this.#base = { title: saved.title, markdown: saved.markdown };
		this.#failure = null;
		this.#restoredAt = null;
	}

	/** Saves what changed; false when it could not (the failure says why; nothing typed is lost). */
	async save(overwrite: string[] = []): Promise<boolean> {
		if (this.#saving) return false;
		const sent = { title: this.#title, markdown: this.#text };
		this.#saving = true;
		const result = await briefs.save(this.id, { base: this.#base, next: sent, overwrite });
		this.#saving = false;
		if (!result.ok) {
			this.#failure = result.failure;
			return false;
		}
		this.#settle(result.value, sent);
		return true;
	}

	/**
	 * Merges a regenerated text into the one in the editor (brief-repo.ts); text typed and not
	 * saved is kept as a version. Null when it could not; else how many conflicts to settle.
	 */
	async regenerate(origin: BriefOrigin): Promise<{ conflicts: number } | null> {
		const sent = { title: this.#title, markdown: this.#text };
		const unsaved = sent.markdown !== this.#base.markdown ? sent.markdown : undefined;
		const result = await briefs.regenerate(this.id, origin, unsaved);
		if (!result.ok) {
			this.#failure = result.failure;
			return null;
		}
		const { brief, conflicts } = result.value;
		this.#text = brief.markdown;
		this.#base = { title: brief.title, markdown: brief.markdown };
		this.#failure = null;
		return { conflicts };
	}

	/** An earlier version becomes the text, saved at once (the text it replaces is kept). */
	async restoreVersion(markdown: string): Promise<boolean> {
		this.#text = markdown;
		return this.save();
	}

	/** Drops the restored draft: the editor shows the brief as stored. */
	discardDraft(stored: Brief): void {
		this.#keeper.clear(true);
		this.#load({ title: stored.title, markdown: stored.markdown });
		this.#restoredAt = null;
		this.#failure = null;
	}

	/** Settles a field changed here and in another tab; after the last one, saves. */
	async resolve(field: string, choice: 'mine' | 'theirs'): Promise<boolean> {
		const failure = this.#failure;
		const conflict = failure?.conflicts?.find((c) => c.field === field);
		if (!failure || !conflict) return false;
		const theirs = String(conflict.theirs ?? '');
		this.#base = { ...this.#base, [field]: theirs };
		if (choice === 'theirs') {
			if (field === 'title') this.#title = theirs;
			if (field === 'markdown') this.#text = theirs;
		}
		const left = failure.conflicts!.filter((c) => c.field !== field);
		this.#failure = left.length > 0 ? { ...failure, conflicts: left } : null;
		return left.length === 0 ? this.save() : false;
	}
}
