// Text the server still stores or sends as "中文 / English" (older alarm
// titles, error messages from before errors carried codes): the reader's half.
// Components do not call this directly: server errors go through
// server-error.ts (alarm titles are kinds, shown through alarmKind messages), so it can drop
// the split in one place once nothing bilingual arrives any more.
import { toLocale, type Locale } from '~/app/_i18n/config';

const HALF: Record<Locale, 0 | 1> = { zh: 0, en: 1 };

export function pickLocale(message: string, locale: string): string {
  const i = message.indexOf(' / ');
  if (i < 0) return message;
  return [message.slice(0, i), message.slice(i + 3)][HALF[toLocale(locale)]]!;
}
