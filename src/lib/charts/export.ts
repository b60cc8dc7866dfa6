/**
 * Saving a chart as a file: a standalone SVG (the page's CSS resolved into each element's own
 * attributes, so it looks the same opened anywhere, in light or dark as shown) and a PNG drawn
 * from that SVG. Browser-only; nothing leaves the machine but the download.
 */
import { downloadBlob } from '$lib/download';
import { xmlCharacters } from './svg-markup';

const PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'display'
];

function inlineStyles(from: Element, to: Element): void {
	const style = getComputedStyle(from);
	const declarations = PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
	to.setAttribute('style', declarations);
	to.removeAttribute('class');
	to.removeAttribute('tabindex');
}

/** The SVG as a file: sized, styled inline, on the page's background, with a title. */
export function standaloneSvg(svg: SVGSVGElement, title: string): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const originals = svg.querySelectorAll('*');
	const copies = clone.querySelectorAll('*');
	originals.forEach((element, i) => inlineStyles(element, copies[i]!));
	const box = svg.viewBox.baseVal;
	const width = box?.width || svg.clientWidth;
	const height = box?.height || svg.clientHeight;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	clone.removeAttribute('style');
	clone.removeAttribute('class');
	const ns = 'http://www.w3.org/2000/svg';
	const background = document.createElementNS(ns, 'rect');
	background.setAttribute('x', String(box?.x ?? 0));
	background.setAttribute('y', String(box?.y ?? 0));
	background.setAttribute('width', String(width));
	background.setAttribute('height', String(height));
	background.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
	const titleElement = document.createElementNS(ns, 'title');
	titleElement.textContent = title;
	clone.insertBefore(background, clone.firstChild);
	clone.insertBefore(titleElement, clone.firstChild);
	// Names drawn by Svelte may hold characters XML forbids: replace them, or the file will not open.
	return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlCharacters(new XMLSerializer().serializeToString(clone))}`;
}

export function saveSvg(svg: SVGSVGElement, title: string, fileName: string): void {
	downloadBlob(new Blob([standaloneSvg(svg, title)], { type: 'image/svg+xml' }), fileName);
}

/** Twice the pixels for sharp text, less when the chart is so big a canvas could not hold it. */
export function pngScale(width: number, height: number): number {
	return Math.min(2, 16_000 / width, 16_000 / height, Math.sqrt(120_000_000 / (width * height)));
}

export async function savePng(svg: SVGSVGElement, title: string, fileName: string): Promise<void> {
	const text = standaloneSvg(svg, title);
	const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const box = svg.viewBox.baseVal;
		const width = box?.width || svg.clientWidth;
		const height = box?.height || svg.clientHeight;
		const scale = pngScale(width, height);
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		canvas.getContext('2d')!.drawImage(image, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('the browser could not draw the chart');
		downloadBlob(blob, fileName);
	} finally {
		URL.revokeObjectURL(url);
	}
}
