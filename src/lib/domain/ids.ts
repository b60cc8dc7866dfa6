/**
 * Ids made from names. Every id Capmap makes for a new record — an item, a capability, a model
 * named in an eval file, a roadmap row from a CSV — comes from `slug`, so the same name gives the
 * same id wherever it is made, and `uniqueId` keeps it apart from the ids already taken.
 */

/** A readable id from a name: "Tool-call accuracy" → "tool-call-accuracy" (at most 60 characters). */
export function slug(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/\p{M}/gu, '') // accents fold onto their letter: "Résumé" → "resume", not "re-sume"
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
}

/**
 * In a shared workspace two people may add a record of the same name at the same moment, and two
 * records made with one id keep only one of the two (docs/rules.md, shared workspaces). So while a
 * workspace is shared, every new id carries this tab's own random tag: "search-k3f9".
 */
let sharedTag = '';

/** Tags the ids made from now on (a shared workspace), or not (''). */
export function tagNewIds(tag: string): void {
	sharedTag = tag;
}

/** A tag for this tab: four letters or digits, one in 1.7 million alike. */
export function randomTag(): string {
	return Math.floor(Math.random() * 36 ** 4)
		.toString(36)
		.padStart(4, '0');
}

/**
 * `base`, or `base-2`, `base-3`, … — the first that is not taken. An empty base reads "item".
 * In a shared workspace the base carries this tab's tag (`tagNewIds`).
 */
export function uniqueId(base: string, taken: Iterable<string>): string {
	const used = taken instanceof Set ? (taken as ReadonlySet<string>) : new Set(taken);
	const root = (base || 'item') + (sharedTag ? `-${sharedTag}` : '');
	if (!used.has(root)) return root;
	let n = 2;
	while (used.has(`${root}-${n}`)) n++;
	return `${root}-${n}`;
}
