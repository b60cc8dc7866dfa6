/** Calendar helpers on ISO `YYYY-MM-DD` strings, in UTC so a time zone never shifts a day. */

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

export function todayIso(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isIsoDate(value: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export function addDays(isoDate: string, days: number): string {
	return new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);
}
