import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from './dates';
import { parseJsonText } from './json-text';
import { oneLine } from './one-line';
import { isoDate } from './schemas';
import {
	isRealDate,
	readCount,
	readDay,
	readNonNegative,
	readNumber,
	readTimestamp
} from './strict';

const value = <T>(read: { ok: true; value: T } | { ok: false; problem: string }) =>
	read.ok ? read.value : `refused: ${read.problem}`;

describe('readNumber: a number is a decimal number', () => {
	it.each([
		['93', 93],
		['-0.5', -0.5],
		['.5', 0.5],
		['1.', 1],
		['+7', 7],
		[' 42 ', 42],
		['1.2e-3', 0.0012],
		['1E3', 1000],
		['-0', 0],
		[93, 93]
	])('reads %j as %j', (input, expected) => {
		expect(value(readNumber(input))).toBe(expected);
	});

	it.each([
		['0x5d', '"0x5d" is not a decimal number'],
		['0b101', '"0b101" is not a decimal number'],
		['1e400', '"1e400" is too large to be a number'],
		['Infinity', '"Infinity" is not a decimal number'],
		['-Infinity', '"-Infinity" is not a decimal number'],
		['NaN', '"NaN" is not a decimal number'],
		['', 'is empty, not a number'],
		['   ', 'is empty, not a number'],
		['1,000', '"1,000" is not a decimal number'],
		['1_000', '"1_000" is not a decimal number'],
		['12abc', '"12abc" is not a decimal number'],
		['e5', '"e5" is not a decimal number'],
		[Infinity, 'is not a finite number'],
		[NaN, 'is not a finite number'],
		[true, 'true is not a number'],
		[null, 'null is not a number']
	])('refuses %j', (input, problem) => {
		expect(readNumber(input)).toEqual({ ok: false, problem });
	});

	it('reads every finite double written by JavaScript back to itself', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
				expect(value(readNumber(String(n)))).toBe(n === 0 ? 0 : n);
			})
		);
	});
});

describe('readCount and readNonNegative', () => {
	it('takes whole numbers from 0 to 2^53 - 1', () => {
		expect(value(readCount('400'))).toBe(400);
		expect(value(readCount(0))).toBe(0);
		expect(value(readCount('1e3'))).toBe(1000);
		expect(value(readCount(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
	});

	it('refuses fractional, negative and huge counts, saying which', () => {
		expect(readCount('1.5')).toEqual({ ok: false, problem: '"1.5" is not a whole number' });
		expect(readCount(-3)).toEqual({
			ok: false,
			problem: '-3 is negative; a count is zero or more'
		});
		expect(readCount(1e20)).toEqual({
			ok: false,
			problem: '100000000000000000000 is too large for a count (at most 9007199254740991)'
		});
		expect(readCount('0x10').ok).toBe(false);
	});

	it('refuses a negative standard error', () => {
		expect(value(readNonNegative('0.01'))).toBe(0.01);
		expect(readNonNegative(-0.5)).toEqual({
			ok: false,
			problem: '-0.5 is negative; it must be zero or more'
		});
	});
});

describe('isRealDate: a date is a real YYYY-MM-DD', () => {
	it.each(['2026-02-28', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-12-31'])(
		'accepts %s',
		(text) => {
			expect(isRealDate(text)).toBe(true);
			expect(isIsoDate(text)).toBe(true);
			expect(isoDate.safeParse(text).success).toBe(true);
		}
	);

	it.each([
		'2026-02-30',
		'2026-02-31',
		'2026-02-29',
		'1900-02-29',
		'2026-04-31',
		'2026-13-01',
		'2026-00-10',
		'2026-01-00',
		'0000-01-01',
		'10000-01-01',
		'2026-1-5',
		'1',
		'12',
		'2026-11-27T00:00:00Z',
		' 2026-11-27',
		''
	])('refuses %j', (text) => {
		expect(isRealDate(text)).toBe(false);
		expect(isIsoDate(text)).toBe(false);
		expect(isoDate.safeParse(text).success).toBe(false);
	});

	it('agrees with the calendar on every day of four centuries', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 9999 }),
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 1, max: 31 }),
				(year, month, day) => {
					const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
					const date = new Date(0);
					date.setUTCFullYear(year, month - 1, day);
					const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
					expect(isRealDate(text)).toBe(real);
				}
			)
		);
	});
});

describe('readDay: dates, timestamps and Unix times to a UTC day', () => {
	it.each([
		['2026-11-20', '2026-11-20'],
		['2026-11-20T02:14:07Z', '2026-11-20'],
		['2026-11-20T02:14:07.123456Z', '2026-11-20'],
		['2026-11-20 02:14', '2026-11-20'],
		['2026-11-21T09:30:00+00:00', '2026-11-21'],
		// An offset moves the moment to its UTC day …
		['2026-11-21T01:30:00+05:00', '2026-11-20'],
		['2026-11-20T23:30:00-0100', '2026-11-21'],
		// … and no offset means the day as written, whatever the machine's time zone.
		['2026-11-20T23:30:00', '2026-11-20'],
		['0001-01-01T00:00:00Z', '0001-01-01'],
		[1795140847.512, '2026-11-20'],
		[1795140847512, '2026-11-20']
	])('reads %j as %s', (input, day) => {
		expect(value(readDay(input))).toBe(day);
	});

	it.each([
		['1', '"1" is not a date'],
		['12', '"12" is not a date'],
		['Nov 20, 2026', 'is not a date'],
		['2026/11/20', 'is not a date'],
		['2026-02-30', '"2026-02-30" is not a day of the calendar'],
		['2026-02-30T10:00:00Z', 'is not a day of the calendar'],
		['2026-11-20T25:00:00Z', 'is not a time of day'],
		['2026-11-20T10:61:00Z', 'is not a time of day'],
		['2026-11-20T10:00:00+25:00', 'impossible offset'],
		['0000-12-31', 'outside the years 1 to 9999'],
		['0001-01-01T00:30:00+01:00', 'outside the years 1 to 9999'],
		['+010000-01-01T00:00:00Z', 'is not a date'],
		['', 'is empty'],
		[1e20, 'is not a time within the years 1 to 9999'],
		[253402300800, 'is not a time within the years 1 to 9999'],
		[Infinity, 'is not a finite number'],
		[null, 'null is not a date'],
		[{ at: 1 }, 'is not a date']
	])('refuses %j', (input, problem) => {
		const read = readDay(input);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.problem).toContain(problem);
	});

	it('gives every ISO timestamp Date can write the same UTC day Date gives', () => {
		fc.assert(
			fc.property(
				fc.date({
					min: new Date('0001-01-01T00:00:00Z'),
					max: new Date('9999-12-31T23:59:59Z'),
					noInvalidDate: true
				}),
				(date) => {
					expect(value(readDay(date.toISOString()))).toBe(date.toISOString().slice(0, 10));
				}
			)
		);
	});
});

describe('one-line messages', () => {
	it('escapes line breaks and control characters and cuts runaway text', () => {
		expect(oneLine('a\nb\r\tc\u0000d\u2028e')).toBe('a\\nb\\r\\tc\\u0000d\\u2028e');
		expect(oneLine('x'.repeat(2000))).toHaveLength(1001);
	});

	it('names where JSON breaks, never quoting the source', () => {
		const problem = (text: string) => {
			const read = parseJsonText(text);
			return read.ok ? 'parsed' : read.problem;
		};
		expect(problem('{"a": 1')).toBe(
			'is not valid JSON (it stops in the middle; was it cut short?)'
		);
		expect(problem('')).toBe('is not valid JSON (it stops in the middle; was it cut short?)');
		expect(problem('{"a":\n\n x}')).toBe("is not valid JSON (unexpected token 'x')");
		expect(problem('{\n  "a": 1,\n}')).toBe(
			'is not valid JSON (expected double-quoted property name at line 3, column 1)'
		);
		expect(problem('{"a\u0001": 1}')).not.toContain('\u0001');
	});
});

describe('readTimestamp: the instant, as one UTC ISO timestamp', () => {
	it.each([
		['2026-11-23T02:00:00Z', '2026-11-23T02:00:00.000Z'],
		['2026-11-23T03:30:00.25+01:30', '2026-11-23T02:00:00.250Z'],
		['2026-11-23 02:00', '2026-11-23T02:00:00.000Z'],
		['2026-11-23', '2026-11-23T00:00:00.000Z'],
		[1795486200.481907, '2026-11-24T02:10:00.481Z']
	])('%j is %s', (input, stamp) => {
		expect(readTimestamp(input)).toEqual({ ok: true, value: stamp });
	});

	it('refuses what readDay refuses, in the same words', () => {
		expect(readTimestamp('2026-02-30T01:00:00Z')).toEqual(readDay('2026-02-30T01:00:00Z'));
		expect(readTimestamp('12').ok).toBe(false);
	});
});
