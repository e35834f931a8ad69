export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh';
/** Cookie that remembers the reader's language; Chinese first. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/** The language tag a page declares in `<html lang>` (BCP 47). */
export const HTML_LANG: Record<Locale, string> = { zh: 'zh-CN', en: 'en' };

/** What the one-button language switch offers. */
export const OTHER_LOCALE: Record<Locale, Locale> = { zh: 'en', en: 'zh' };

export function toLocale(value: string | undefined): Locale {
  return LOCALES.find((l) => l === value) ?? DEFAULT_LOCALE;
}

// Places are stored with their Chinese name in `name` and an English one in `nameEn`.
const NAME_FIELD = { zh: 'name', en: 'nameEn' } as const satisfies Record<Locale, string>;

/** A stored place's name in the reader's language; the Chinese name where no English one was given. */
export function localName(place: { name: string; nameEn?: string | null }, locale: string): string {
  return place[NAME_FIELD[toLocale(locale)]] || place.name;
}
