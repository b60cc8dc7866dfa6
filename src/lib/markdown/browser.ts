/** The Markdown pipeline bound to the page's own window. */
import { createRenderer } from './render';

export const renderMarkdown = createRenderer(
	window as unknown as Parameters<typeof createRenderer>[0]
);
