'use client';
// Work-order words in the reader's language. Categories are stored in Chinese
// (the 12345 hotline's own names); one missing from the messages shows as stored.
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { serverErrorMessage } from '~/app/_components/ui/server-error';
import type { PublicArea } from '~/db/vocab';

export function useOpsLabels() {
  const t = useTranslations('ops');
  const locale = useLocale();
  const format = useFormatter();
  return {
    t,
    locale,
    category: (c: string) => (t.has(`categories.${c}`) ? t(`categories.${c}`) : c),
    area: (a: PublicArea | string) => (t.has(`areas.${a}`) ? t(`areas.${a}`) : a),
    /** The stored place label, except a public area, which has a name in both languages. */
    place: (o: { place: string; publicArea: string | null }) =>
      o.publicArea && t.has(`areas.${o.publicArea}`) ? t(`areas.${o.publicArea}`) : o.place,
    dateTime: (d: Date) => format.dateTime(d, 'dayTime'),
    /** "85.2%（69/81）": the share and what it is a share of; "—" when nothing to divide. */
    rate: (n: number, d: number) =>
      d === 0 ? '—' : t('rateCell', { pct: format.number(n / d, 'percent1'), n: String(n), d: String(d) }),
    /** A server refusal in the reader's language. */
    serverError: (error: unknown) => serverErrorMessage(error, locale),
  };
}
