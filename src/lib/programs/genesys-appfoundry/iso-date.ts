/**
 * Calendar days as ISO strings (`2026-12-01`). A tier year is counted in whole days, never in
 * instants: a record dated 31 December belongs to that year wherever the partner sits, so the
 * arithmetic runs on UTC midnights, where every day has 24 hours.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: IsoDate): number {
	const match = ISO.exec(date);
	if (!match) throw new TypeError(`not an ISO date: ${JSON.stringify(date)}`);
	return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function fromUtc(time: number): IsoDate {
	return new Date(time).toISOString().slice(0, 10);
}

/** The date `days` later (earlier when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
	return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Days from `from` to `to`: 0 for the same day, 1 for the next. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function yearOf(date: IsoDate): number {
	return Number(date.slice(0, 4));
}

export function startOfYear(year: number): IsoDate {
	return `${String(year).padStart(4, '0')}-01-01`;
}

export function endOfYear(year: number): IsoDate {
	return `${String(year).padStart(4, '0')}-12-31`;
}

/** Calendar quarter as `2026-Q4`. */
export function quarterOf(date: IsoDate): string {
	const month = Number(date.slice(5, 7));
	return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** True for `YYYY-MM-DD` naming a day that exists (no 2026-02-29, no month 13). */
export function isRealDate(text: string): boolean {
	const match = ISO.exec(text);
	if (!match) return false;
	const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	return fromUtc(time) === text;
}
