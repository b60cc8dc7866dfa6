import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText, MAX_FILE_BYTES } from './decode';

const TEXT = '{"name": "Hélio — 質問 ✓ 🚀"}\n';
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string, bom = true) => {
	const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
	const units = (bom ? '\ufeff' : '') + text;
	for (let i = 0; i < units.length; i++) {
		bytes[2 * i] = units.charCodeAt(i) & 0xff;
		bytes[2 * i + 1] = units.charCodeAt(i) >> 8;
	}
	return bytes;
};
const swap = (bytes: Uint8Array) => {
	const out = new Uint8Array(bytes.length);
	for (let i = 0; i + 1 < bytes.length; i += 2) {
		out[i] = bytes[i + 1]!;
		out[i + 1] = bytes[i]!;
	}
	return out;
};
const refusal = (bytes: Uint8Array) => {
	try {
		decodeText(bytes);
		return 'decoded';
	} catch (error) {
		expect(error).toBeInstanceOf(DecodeError);
		return (error as Error).message;
	}
};

describe('decodeText: the encodings the command line and the app both accept', () => {
	it('reads UTF-8 without and with a byte-order mark, the mark left out', () => {
		expect(decodeText(utf8(TEXT))).toBe(TEXT);
		expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]))).toBe(TEXT);
	});

	it('reads UTF-16 little- and big-endian with a byte-order mark', () => {
		expect(decodeText(utf16le(TEXT))).toBe(TEXT);
		expect(decodeText(swap(utf16le(TEXT)))).toBe(TEXT);
	});

	it('reads an empty file as empty text', () => {
		expect(decodeText(new Uint8Array(0))).toBe('');
		expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('');
		expect(decodeText(new Uint8Array([0xff, 0xfe]))).toBe('');
	});

	it('round-trips any text through each accepted encoding', () => {
		fc.assert(
			fc.property(
				fc
					.string({ unit: 'grapheme' })
					// A leading U+FEFF is read as a byte-order mark, by design.
					.filter((s) => !s.includes('\u0000') && !s.startsWith('\ufeff')),
				(text) => {
					expect(decodeText(utf8(text))).toBe(text);
					expect(decodeText(utf16le(text))).toBe(text);
					expect(decodeText(swap(utf16le(text)))).toBe(text);
				}
			)
		);
	});
});

describe('decodeText: anything else gets a clear message', () => {
	it('names invalid UTF-8 and where it is', () => {
		const bytes = new Uint8Array([...utf8('model,metric\n'), 0xc3, 0x28, ...utf8('x')]);
		expect(refusal(bytes)).toMatch(
			/^is not UTF-8 text \(byte 14 is not part of a character\): is it a binary file\? If it is text, save it as UTF-8 and try again$/
		);
	});

	it('recognises UTF-16 that lost its byte-order mark', () => {
		expect(refusal(utf16le(TEXT, false))).toMatch(
			/^looks like UTF-16 text without a byte-order mark/
		);
		expect(refusal(swap(utf16le(TEXT, false)))).toMatch(
			/^looks like UTF-16 text without a byte-order mark/
		);
	});

	it('refuses NUL bytes as binary, UTF-32, broken and cut-short UTF-16', () => {
		expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toMatch(
			/binary file|not UTF-8/
		);
		expect(refusal(utf8('{"a": "\u0000"}'))).toBe(
			'is a binary file, not text (it holds NUL bytes)'
		);
		expect(refusal(new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]))).toMatch(/^is UTF-32 text/);
		expect(refusal(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toMatch(
			/^is not valid UTF-16 text/
		);
		expect(refusal(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d]))).toMatch(/cut short/);
	});

	it('refuses a file too large to hold as text, by its size alone', () => {
		const big = { length: MAX_FILE_BYTES + 1 } as unknown as Uint8Array;
		expect(refusal(big)).toMatch(/^is too large \(256 MB; Capmap reads files up to 256 MB\)$/);
	});

	it('never throws anything but a DecodeError, and never returns text with a NUL', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
				const message = refusal(bytes);
				if (message === 'decoded') expect(decodeText(bytes)).not.toContain('\u0000');
				else expect(message).not.toContain('\n');
			}),
			{ numRuns: 2000 }
		);
	});
});
