// The languages Linli speaks, shared by server and browser code: the server
// words its errors in the caller's language (server/locale.ts), the app picks
// its messages (app/_i18n/). Chinese first.
export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh';
/** Cookie that remembers the reader's language. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function toLocale(value: string | undefined): Locale {
  return LOCALES.find((l) => l === value) ?? DEFAULT_LOCALE;
}
