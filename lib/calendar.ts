// The one calendar Linli reads dates in: the community's local time zone,
// whatever the machine's zone. Every community today is in mainland China
// (Asia/Shanghai, UTC+8, no daylight saving since 1991), but no code outside
// this module may assume that offset: it asks here for a local day, a local
// month or a local wall-clock instant. Pure (date-fns + @date-fns/tz), so the
// server, the seed and browser code share it. See docs/ARCHITECTURE.md.
import { TZDate, tz } from '@date-fns/tz';
import { addDays, addHours, addMonths, differenceInCalendarDays, format, getISODay, startOfMonth } from 'date-fns';

/** The zone every community is read in; SQL that groups by local day uses the same name. */
export const COMMUNITY_TIME_ZONE = 'Asia/Shanghai';

const inZone = tz(COMMUNITY_TIME_ZONE);

/** The local date of `at`, 'YYYY-MM-DD'. */
export function localDay(at: Date = new Date()): string {
  return format(at, 'yyyy-MM-dd', { in: inZone });
}

/** Today's local date, 'YYYY-MM-DD' (kept under its old name for call sites that read "today"). */
export function localToday(at: Date = new Date()): string {
  return localDay(at);
}

/** The local month of `at`, 'YYYY-MM'. */
export function localMonth(at: Date = new Date()): string {
  return format(at, 'yyyy-MM', { in: inZone });
}

/** The instant local midnight starts the day `day` ('YYYY-MM-DD'). */
export function startOfLocalDay(day: string): Date {
  return localDateTime(day, '00:00');
}

/** The instant of local wall-clock time `hhmm` ('HH:MM') on `day` ('YYYY-MM-DD'). */
export function localDateTime(day: string, hhmm: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = hhmm.split(':').map(Number);
  if (![y, m, d, h, min].every((n) => Number.isInteger(n))) throw new RangeError(`not a local time: ${day} ${hhmm}`);
  return new Date(new TZDate(y!, m! - 1, d!, h!, min!, COMMUNITY_TIME_ZONE).getTime());
}

/** The local day `n` days after `day` (negative: before), 'YYYY-MM-DD'. */
export function addLocalDays(day: string, n: number): string {
  return localDay(addDays(startOfLocalDay(day), n, { in: inZone }));
}

/** Whole local days from `from` to `to` ('YYYY-MM-DD'), `to` − `from`. */
export function localDaysBetween(from: string, to: string): number {
  return differenceInCalendarDays(startOfLocalDay(to), startOfLocalDay(from), { in: inZone });
}

/** The instant the local month `back` months before the one holding `at` starts. */
export function startOfLocalMonth(at: Date = new Date(), back = 0): Date {
  const start = startOfMonth(addMonths(at, -back, { in: inZone }), { in: inZone });
  return new Date(start.getTime());
}

/** ISO weekday of `at` in local time: 1 Monday … 7 Sunday. */
export function localWeekday(at: Date): number {
  return getISODay(at, { in: inZone });
}

/** `at` plus `hours` hours (due times are counted in elapsed hours, not wall-clock ones). */
export function addHoursTo(at: Date, hours: number): Date {
  return new Date(addHours(at, hours).getTime());
}
