// Number and month formatting for the public pages, in the reader's language.
import type { PublicCount } from '~/server/domain/privacy';

export function formatters(locale: string) {
  const tag = locale === 'zh' ? 'zh-CN' : 'en';
  const num = new Intl.NumberFormat(tag);
  const monthFmt = new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' });
  return {
    n: (v: number) => num.format(v),
    count: (v: PublicCount) => (typeof v === 'number' ? num.format(v) : v),
    /** 'YYYY-MM' → "11月" / "Nov". */
    month: (m: string) => monthFmt.format(new Date(`${m}-01T00:00:00Z`)),
    /** 'YYYY-MM' → "2026年9月" / "Sep 2026". */
    yearMonth: (m: string) =>
      locale === 'zh'
        ? `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`
        : `${monthFmt.format(new Date(`${m}-01T00:00:00Z`))} ${m.slice(0, 4)}`,
    // Building and unit names are stored as locals say them ("5号楼", "1单元");
    // English readers get the number the name was made from.
    building: (b: { name: string; number: string }) => (locale === 'zh' ? b.name : `Building ${b.number}`),
    unit: (u: { name: string; ordinal: number }) => (locale === 'zh' ? u.name : `Unit ${u.ordinal}`),
    /** 'YYYY-MM-DD' as written on a Chinese notice, or ISO in English. */
    date: (d: string) =>
      locale === 'zh' ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : d,
  };
}

export type Formatters = ReturnType<typeof formatters>;
