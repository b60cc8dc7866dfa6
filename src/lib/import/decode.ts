/**
 * Bytes of a file from outside → its text, the same way in the command line and in the app, for
 * workspace, map and results files alike. Accepted: UTF-8 with or without a byte-order mark, and
 * UTF-16 (little- or big-endian) with one — what Excel's "Unicode text" and PowerShell's `>`
 * write. Anything else gets a message saying what the file seems to be and how to save it, instead
 * of a parser's puzzled "unexpected token" or mojibake taken for data.
 */

export class DecodeError extends Error {}

/**
 * The largest file read: a big workspace is tens of megabytes; past this, the text would not fit
 * in one JavaScript string once parsed, and the message should say so rather than crash.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const MB = 1024 * 1024;

export function tooLarge(bytes: number): string {
	return `is too large (${Math.round(bytes / MB)} MB; Capmap reads files up to ${MAX_FILE_BYTES / MB} MB)`;
}

const SAVE_AS = 'save it as UTF-8 and try again';

function decoder(label: 'utf-8' | 'utf-16le'): TextDecoder {
	// `ignoreBOM`: the mark is checked and stripped here, so a second one is an error, not data.
	return new TextDecoder(label, { fatal: true, ignoreBOM: true });
}

/** A NUL in every other byte of the start: UTF-16 text whose byte-order mark is missing. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 1024) & ~1;
	if (n < 4) return false;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) even++;
		if (bytes[i + 1] === 0) odd++;
	}
	return Math.max(even, odd) > n / 2 / 2 && Math.min(even, odd) === 0;
}

function utf16(bytes: Uint8Array, bigEndian: boolean): string {
	let body = bytes.subarray(2);
	if (body.length % 2 === 1)
		throw new DecodeError(
			'is UTF-16 text cut short (an odd number of bytes); was it copied whole?'
		);
	if (bigEndian) {
		// Swapped to little-endian by hand: not every TextDecoder knows "utf-16be".
		const swapped = new Uint8Array(body.length);
		for (let i = 0; i < body.length; i += 2) {
			swapped[i] = body[i + 1]!;
			swapped[i + 1] = body[i]!;
		}
		body = swapped;
	}
	try {
		return decoder('utf-16le').decode(body);
	} catch {
		throw new DecodeError(`is not valid UTF-16 text (a broken character); ${SAVE_AS}`);
	}
}

/** The first byte where UTF-8 decoding fails, for the message. */
function badUtf8At(bytes: Uint8Array): number {
	let low = 0;
	let high = bytes.length;
	// Binary search on prefixes; streaming, a prefix that ends inside a character is no error.
	while (high - low > 1) {
		const mid = (low + high) >>> 1;
		try {
			decoder('utf-8').decode(bytes.subarray(0, mid), { stream: true });
			low = mid;
		} catch {
			high = mid;
		}
	}
	// `low` bytes decode, streaming; the broken character starts at its lead byte, if one is
	// waiting for the byte that broke it.
	for (let k = 1; k <= 3 && low - k >= 0; k++) {
		const byte = bytes[low - k]!;
		if (byte >= 0xc0) return low - k;
		if (byte < 0x80) break;
	}
	return low;
}

/** The text of a file's bytes, or a DecodeError whose message follows the file's name. */
export function decodeText(bytes: Uint8Array): string {
	if (bytes.length > MAX_FILE_BYTES) throw new DecodeError(tooLarge(bytes.length));
	const [b0, b1, b2, b3] = bytes;
	if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)
		throw new DecodeError(`is UTF-32 text, which Capmap does not read; ${SAVE_AS}`);
	if (b0 === 0xff && b1 === 0xfe) return checkText(utf16(bytes, false));
	if (b0 === 0xfe && b1 === 0xff) return checkText(utf16(bytes, true));
	const hasBom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
	let text: string;
	try {
		text = decoder('utf-8').decode(hasBom ? bytes.subarray(3) : bytes);
	} catch {
		if (looksLikeUtf16(bytes))
			throw new DecodeError(
				`looks like UTF-16 text without a byte-order mark; ${SAVE_AS} (or as UTF-16 with a byte-order mark)`
			);
		throw new DecodeError(
			`is not UTF-8 text (byte ${badUtf8At(bytes) + 1} is not part of a character): is it a binary file? If it is text, ${SAVE_AS}`
		);
	}
	if (text.includes('\u0000') && looksLikeUtf16(bytes))
		throw new DecodeError(
			`looks like UTF-16 text without a byte-order mark; ${SAVE_AS} (or as UTF-16 with a byte-order mark)`
		);
	return checkText(text);
}

/** Text never holds a NUL character: a file with one is binary, whatever it decoded to. */
function checkText(text: string): string {
	if (text.includes('\u0000'))
		throw new DecodeError('is a binary file, not text (it holds NUL bytes)');
	return text;
}
