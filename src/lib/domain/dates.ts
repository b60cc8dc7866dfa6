/**
 * Calendar helpers on ISO `YYYY-MM-DD` strings. A date here is a day of the calendar, not a
 * moment: arithmetic on it runs in UTC, where every day is 24 hours long, so neither the time
 * zone nor a daylight-saving change ever moves a date by one. "Today", the default as-of date,
 * is the day on the user's own calendar (local time): a PM in California reading the board at
 * 6 pm on the 27th means the 27th, although it is already the 28th in UTC.
 */
import { isRealDate } from './strict';

const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
	return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function daysBetween(earlier: string, later: string): number {
	return dayNumber(later) - dayNumber(earlier);
}

/** DESIGN.md: the quarter of a date is floor((month-1)/3)+1, written `YYYY-Qn`. */
export function quarterOf(isoDate: string): string {
	const month = Number(isoDate.slice(5, 7));
	return `${isoDate.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Today's date on the local calendar (see the header: the user's day, not UTC's). */
export function todayIso(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Exactly `YYYY-MM-DD` and a day that exists: 2026-02-31 is not one (strict.ts). */
export function isIsoDate(value: string): boolean {
	return isRealDate(value);
}

export function addDays(isoDate: string, days: number): string {
	return new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** A stored ISO timestamp as a person reads it, to the minute: "2026-11-30 09:05". */
export function formatStamp(at: string): string {
	return at.slice(0, 16).replace('T', ' ');
}
