// One line of the big screen's ticker, from a server row (server/queries/screen-ticker.ts):
// when, then "community · building · device · what happened" in the reader's language. Pure,
// so the rule "time only when today, else the date too" is tested without a browser.
import type { TickerRow } from '~/server/queries/screen-ticker';

/** Translates a key of the screen's messages (next-intl's `t`, or a stand-in in tests). */
type Translate = (key: string, values?: Record<string, string>) => string;

export type TickerLineOptions = {
  now: Date;
  locale: string;
  /** The community's zone (the request config's, lib/calendar.ts): "today" is its calendar day. */
  timeZone: string;
  /** The district screen names the community on every line; a community's own screen says it in its title. */
  showCommunity: boolean;
  /** `screen.*` messages: `building`, `class.<class>`, `incident.<kind>`. */
  t: Translate;
  /** `alarmKind.<kind>` messages. */
  alarmKind: (kind: string) => string;
};

export type TickerLine = { key: string; at: string; when: string; severity: TickerRow['severity']; text: string };

const dayOf = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/** "14:05" today; "11月28日 14:05" / "Nov 28, 14:05" on another day, in `timeZone`. */
export function tickerWhen(at: Date, now: Date, locale: string, timeZone: string): string {
  const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  if (dayOf(at, timeZone) === dayOf(now, timeZone))
    return new Intl.DateTimeFormat(locale, { timeZone, ...time }).format(at);
  const year = at.getUTCFullYear() === now.getUTCFullYear() ? {} : ({ year: 'numeric' } as const);
  return new Intl.DateTimeFormat(locale, { timeZone, ...year, month: 'short', day: 'numeric', ...time }).format(at);
}

/** The line for one ticker row. */
export function tickerLine(row: TickerRow, o: TickerLineOptions): TickerLine {
  const english = o.locale.startsWith('en');
  const parts = [
    o.showCommunity ? (english ? row.community.nameEn || row.community.name : row.community.name) : null,
    row.building ? o.t('building', { name: row.building.name, number: row.building.number }) : null,
    row.deviceClass ? o.t(`class.${row.deviceClass}`) : null,
    row.event.type === 'alarm' ? o.alarmKind(row.event.kind) : o.t(`incident.${row.event.kind}`),
  ].filter((p): p is string => Boolean(p));
  return {
    key: row.key,
    at: row.at,
    when: tickerWhen(new Date(row.at), o.now, o.locale, o.timeZone),
    severity: row.severity,
    text: parts.join(' · '),
  };
}
