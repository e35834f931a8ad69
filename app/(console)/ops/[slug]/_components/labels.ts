'use client';
// Work-order words in the reader's language. Categories are stored in Chinese
// (the 12345 hotline's own names); one missing from the messages shows as stored.
import { useLocale, useTranslations } from 'next-intl';
import { pickLocale } from '~/app/_components/ui/bilingual';
import type { PublicArea } from '~/db/vocab';

export function useOpsLabels() {
  const t = useTranslations('ops');
  const locale = useLocale();
  // Orders live for days, not years: month, day and time read fastest.
  const dateTime = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Shanghai',
    hour12: false,
  });
  const percent = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return {
    t,
    locale,
    category: (c: string) => (t.has(`categories.${c}`) ? t(`categories.${c}`) : c),
    area: (a: PublicArea | string) => (t.has(`areas.${a}`) ? t(`areas.${a}`) : a),
    /** The stored place label, except a public area, which has a name in both languages. */
    place: (o: { place: string; publicArea: string | null }) =>
      o.publicArea && t.has(`areas.${o.publicArea}`) ? t(`areas.${o.publicArea}`) : o.place,
    dateTime: (d: Date) => dateTime.format(d),
    /** "85.2%（69/81）": the share and what it is a share of; "—" when nothing to divide. */
    rate: (n: number, d: number) =>
      d === 0 ? '—' : t('rateCell', { pct: percent.format(n / d), n: String(n), d: String(d) }),
  };
}

type ErrorLike = {
  message: string;
  data?: { zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null } | null;
};

/** A server refusal in the reader's language; input errors list their fields' messages, not the raw issue JSON. */
export function errorText(error: ErrorLike, locale: string): string {
  const z = error.data?.zodError;
  if (z) {
    const messages = [
      ...z.formErrors,
      ...Object.entries(z.fieldErrors).flatMap(([field, list]) =>
        (list ?? []).map((m) => (m.includes(' / ') ? m : `${field}: ${m}`)),
      ),
    ];
    if (messages.length > 0) return messages.map((m) => pickLocale(m, locale)).join('；');
  }
  return pickLocale(error.message, locale);
}
