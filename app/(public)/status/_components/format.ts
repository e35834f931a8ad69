// Numbers, months, dates and place names for the public pages, in the reader's
// language and the community's time zone (these pages render without
// next-intl's request config: see ../../_lib/i18n.ts).
import type { Locale } from '~/app/_i18n/config';
import { startOfLocalDay } from '~/lib/calendar';
import { leastOf, SMALL_COUNT, type PublicCount } from '~/server/domain/privacy';
import { formatter, translator } from '../../_lib/i18n';

export function formatters(locale: Locale) {
  const format = formatter(locale);
  const t = translator(locale, 'public.format');
  const monthStart = (m: string) => startOfLocalDay(`${m}-01`);
  return {
    n: (v: number) => format.number(v),
    /** A published count where space is short (tables, charts): 12, "<3", "≥6". */
    count: (v: PublicCount) =>
      typeof v === 'number' ? format.number(v) : v === '<3' ? v : `≥${format.number(leastOf(v))}`,
    /** The same in a sentence: 12, "少于 3" / "fewer than 3", "至少 6" / "at least 6". */
    total: (v: PublicCount) =>
      typeof v === 'number'
        ? format.number(v)
        : v === '<3'
          ? t('fewerThan', { n: SMALL_COUNT })
          : t('atLeast', { n: leastOf(v) }),
    /** A share (0.852) to one decimal: "85.2%". */
    percent: (share: number) => format.number(share, 'percent1'),
    /** 'YYYY-MM' → "11月" / "Nov". */
    month: (m: string) => format.dateTime(monthStart(m), 'month'),
    /** 'YYYY-MM' → "2026年9月" / "Sep 2026". */
    yearMonth: (m: string) => format.dateTime(monthStart(m), 'yearMonth'),
    // Building and unit names are stored as locals say them ("5号楼", "1单元");
    // English readers get the number the name was made from.
    building: (b: { name: string; number: string }) => t('building', { name: b.name, number: b.number }),
    unit: (u: { name: string; ordinal: number }) => t('unit', { name: u.name, ordinal: u.ordinal }),
    /** 'YYYY-MM-DD' as written on a Chinese notice ("2026年9月1日"), or as given (ISO) in English. */
    date: (d: string) => t('noticeDate', { date: startOfLocalDay(d), iso: d }),
    /** Between the items of a list read out in one breath (a chart's text twin). */
    listSeparator: t('listSeparator'),
  };
}

export type Formatters = ReturnType<typeof formatters>;
