// Named date and number formats, shared by the app's request config and the
// residents' pages, so one name reads the same everywhere. Every date is shown
// in the community's zone (the time zone both configs set, lib/calendar.ts).
import type { Formats } from 'next-intl';

export const FORMATS = {
  dateTime: {
    /** Work orders and alarms live for days, not years: month, day and time read fastest. */
    dayTime: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false },
    /** One entry of an audit trail, to the second. */
    trail: { dateStyle: 'short', timeStyle: 'medium' },
    /** When something was created or last seen, with the year and no day-month ambiguity. */
    stamp: { dateStyle: 'medium', timeStyle: 'short', hour12: false },
    /** A chart's month tick: "11月" / "Nov". */
    month: { month: 'short' },
    /** "2026年9月" / "Sep 2026". */
    yearMonth: { year: 'numeric', month: 'short' },
  },
  number: {
    /** A share to one decimal, always shown: "85.0%". */
    percent1: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
    /** A share to at most one decimal: "85%", "85.2%". */
    percent: { style: 'percent', maximumFractionDigits: 1 },
  },
} satisfies Formats;
