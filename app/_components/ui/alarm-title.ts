'use client';
// An alarm's title in the reader's language: the words for its kind
// (`alarmKind.<kind>` in the messages), or, for an alarm whose kind has no
// words yet or that arrives with only a stored title, that title's half.
import { useLocale, useTranslations } from 'next-intl';
import { pickLocale } from './bilingual';

export function useAlarmTitle() {
  const t = useTranslations();
  const locale = useLocale();
  return (alarm: { kind?: string | null; title?: string | null }): string =>
    alarm.kind && t.has(`alarmKind.${alarm.kind}`)
      ? t(`alarmKind.${alarm.kind}`)
      : pickLocale(alarm.title ?? alarm.kind ?? '', locale);
}
