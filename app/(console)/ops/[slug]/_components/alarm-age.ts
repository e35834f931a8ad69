'use client';
// Durations in the reader's language: an alarm's age, its target, the minutes over or left
// (lib/response-clock.ts).
import { useTranslations } from 'next-intl';

/** "12 分钟", "3 小时", "2 天": minutes under an hour, hours under two days, then days. */
export function useDuration() {
  const t = useTranslations('ops');
  return (minutes: number) => {
    const min = Math.max(0, Math.floor(minutes));
    return min < 60
      ? t('minutes', { n: min })
      : min < 2880
        ? t('hours', { n: Math.floor(min / 60) })
        : t('days', { n: Math.floor(min / 1440) });
  };
}

/** The age since `since` at `now` (ms), as a duration. */
export function useAge() {
  const duration = useDuration();
  return (since: Date, now: number) => duration((now - since.getTime()) / 60_000);
}
