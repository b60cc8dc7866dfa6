/**
 * The one strict reader of numbers and dates for everything that comes from outside: eval
 * results, CSV cells, command-line arguments and the workspace file's own dates. JavaScript's
 * lenient readers turn nonsense into data without a word — `Number('0x5d')` is 93,
 * `Number('')` is 0, `new Date('12')` is 2001-12-01 and `new Date('2026-02-30')` is March 2nd —
 * so nothing outside reaches the domain through them. These read only what they can read
 * exactly, and otherwise say why in words that follow the value: `"0x5d" is not a decimal number`.
 */

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (problem: string): Read<never> => ({ ok: false, problem });

const cut = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * A value as a message shows it, on one line and at most about 40 characters: text quoted
 * (`"0x5d"`), anything else as JSON writes it (`1.5`, `null`, `{"at":1}`).
 */
export function quote(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(cut(value));
	if (typeof value === 'number')
		return Number.isFinite(value) ? String(value) : 'a non-finite number';
	return cut(JSON.stringify(value) ?? String(value));
}

/** A decimal number as people and spreadsheets write it: `93`, `-0.5`, `.5`, `1.2e-3`. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A number: a finite JSON number, or text that is a decimal number. Hexadecimal (`0x5d`),
 * `Infinity`, empty text and anything too large for a double (`1e400`) are refused.
 */
export function readNumber(value: unknown): Read<number> {
	if (typeof value === 'number')
		return Number.isFinite(value) ? ok(value) : no('is not a finite number');
	if (typeof value !== 'string') return no(`${quote(value)} is not a number`);
	const text = value.trim();
	if (text === '') return no('is empty, not a number');
	if (!DECIMAL.test(text)) return no(`${quote(value)} is not a decimal number`);
	const number = Number(text);
	if (!Number.isFinite(number)) return no(`${quote(value)} is too large to be a number`);
	// `-0` and `0` are the same count and the same score; keep the plain one.
	return ok(number === 0 ? 0 : number);
}

/** A count of cases: a whole number from 0 up to 2^53 − 1, the largest a double holds exactly. */
export function readCount(value: unknown): Read<number> {
	const read = readNumber(value);
	if (!read.ok) return read;
	const n = read.value;
	if (!Number.isInteger(n)) return no(`${quote(value)} is not a whole number`);
	if (n < 0) return no(`${quote(value)} is negative; a count is zero or more`);
	if (!Number.isSafeInteger(n))
		return no(`${quote(value)} is too large for a count (at most ${Number.MAX_SAFE_INTEGER})`);
	return ok(n);
}

/** A number that is zero or more, such as a standard error or a latency. */
export function readNonNegative(value: unknown): Read<number> {
	const read = readNumber(value);
	if (!read.ok) return read;
	return read.value < 0 ? no(`${quote(value)} is negative; it must be zero or more`) : read;
}

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Exactly `YYYY-MM-DD`, a day that exists, in the years 1 to 9999. */
export function isRealDate(text: string): boolean {
	const match = DATE.exec(text);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	return (
		year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
	);
}

/**
 * An ISO 8601 / RFC 3339 timestamp: a date, then optionally `T` (or a space) and a time of day
 * with optional seconds, fraction and offset (`Z`, `+02:00`, `+0200`).
 */
const TIMESTAMP =
	/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/i;

const WRITTEN = 'write YYYY-MM-DD or an ISO timestamp such as 2026-11-20T02:14:07Z';

/** `+010000-01-01`, the way Date writes years past 9999, is refused by the caller's checks. */
function utcDay(ms: number): string | undefined {
	if (!Number.isFinite(ms)) return undefined;
	const date = new Date(ms);
	const year = date.getUTCFullYear();
	if (Number.isNaN(year) || year < MIN_YEAR || year > MAX_YEAR) return undefined;
	return date.toISOString().slice(0, 10);
}

/** Milliseconds since 1970 of a day and time in UTC, for any year (Date.UTC maps 0–99 to 19xx). */
function utcMs(day: string, hours: number, minutes: number, seconds: number): number {
	const date = new Date(0);
	date.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8)));
	date.setUTCHours(hours, minutes, seconds, 0);
	return date.getTime();
}

/**
 * The UTC day (`YYYY-MM-DD`) of a date, a timestamp or a Unix time (seconds, or milliseconds
 * when larger than 10^12, as tools write them). A timestamp with an offset is the UTC day of that
 * moment; one without an offset is the day it names, so the machine's time zone never moves it.
 */
/**
 * The instant a date, timestamp or Unix time names, as one UTC ISO timestamp
 * (`2026-11-23T02:00:00.000Z`; a bare day is its midnight, a time without a zone is UTC), so
 * that runs written by different tools sort as text in the order they ran. Whatever `readDay`
 * refuses, this refuses with the same words.
 */
export function readTimestamp(value: unknown): Read<string> {
	const day = readDay(value);
	if (!day.ok) return day;
	if (typeof value === 'number')
		return ok(new Date(Math.abs(value) > 1e12 ? value : value * 1000).toISOString());
	const text = (value as string).trim();
	const [, date, hh, mm, ss, zone, zh, zm] = TIMESTAMP.exec(text) as unknown as (
		string | undefined
	)[];
	if (hh === undefined) return ok(`${date}T00:00:00.000Z`);
	const fraction = /:\d{2}\.(\d{1,9})/.exec(text)?.[1];
	const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
	const offset =
		zone === undefined || zone.toUpperCase() === 'Z'
			? 0
			: (zone.startsWith('-') ? -1 : 1) * (Number(zh) * 60 + Number(zm)) * 60_000;
	const instant = utcMs(date!, Number(hh), Number(mm), Number(ss ?? 0)) + ms - offset;
	return ok(new Date(instant).toISOString());
}

export function readDay(value: unknown): Read<string> {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return no('is not a finite number, so not a time');
		const day = utcDay(Math.abs(value) > 1e12 ? value : value * 1000);
		return day === undefined
			? no(`${quote(value)} is not a time within the years ${MIN_YEAR} to ${MAX_YEAR}`)
			: ok(day);
	}
	if (typeof value !== 'string') return no(`${quote(value)} is not a date (${WRITTEN})`);
	const text = value.trim();
	if (text === '') return no(`is empty, not a date (${WRITTEN})`);
	const match = TIMESTAMP.exec(text);
	if (!match) return no(`${quote(value)} is not a date (${WRITTEN})`);
	const [, day, hh, mm, ss, zone, zh, zm] = match as unknown as (string | undefined)[];
	if (!isRealDate(day!)) {
		const year = Number(day!.slice(0, 4));
		return no(
			year < MIN_YEAR
				? `${quote(value)} is outside the years ${MIN_YEAR} to ${MAX_YEAR}`
				: `${quote(value)} is not a day of the calendar`
		);
	}
	if (hh === undefined) return ok(day!);
	const [hours, minutes, seconds] = [Number(hh), Number(mm), Number(ss ?? 0)];
	if (hours > 23 || minutes > 59 || seconds > 59) return no(`${quote(value)} is not a time of day`);
	if (zone === undefined || zone.toUpperCase() === 'Z' || (Number(zh) === 0 && Number(zm) === 0))
		return ok(day!);
	if (Number(zh) > 23 || Number(zm) > 59) return no(`${quote(value)} has an impossible offset`);
	const sign = zone.startsWith('-') ? -1 : 1;
	const offsetMs = sign * (Number(zh) * 60 + Number(zm)) * 60_000;
	const utc = utcDay(utcMs(day!, hours, minutes, seconds) - offsetMs);
	return utc === undefined
		? no(`${quote(value)} is outside the years ${MIN_YEAR} to ${MAX_YEAR}`)
		: ok(utc);
}
