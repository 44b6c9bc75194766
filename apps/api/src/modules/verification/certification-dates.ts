/**
 * Calendar days for certification claims. Certificates are Korean documents with dates and no
 * time, so "today" is the day in Korea (Asia/Seoul, UTC+9 all year, no daylight saving time).
 */
export { koreanDay } from '../../common/clock';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A real calendar day written `YYYY-MM-DD` (no 2026-02-30), between years 1900 and 2999. */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2999) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
