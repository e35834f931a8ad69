import { toLocale, type Locale } from '~/lib/locales';

export { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, toLocale, type Locale } from '~/lib/locales';

/** The language tag a page declares in `<html lang>` (BCP 47). */
export const HTML_LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

/** What the one-button language switch offers. */
export const OTHER_LOCALE: Record<Locale, Locale> = { zh: 'en', en: 'zh' };

// Places are stored with their Chinese name in `name` and an English one in `nameEn`.
const NAME_FIELD = { zh: 'name', en: 'nameEn' } as const satisfies Record<Locale, string>;

/** A stored place's name in the reader's language; the Chinese name where no English one was given. */
export function localName(place: { name: string; nameEn?: string | null }, locale: string): string {
  return place[NAME_FIELD[toLocale(locale)]] || place.name;
}
