// The caller's language for server messages: the same cookie the language
// switch sets and next-intl's request config reads (app/_i18n/request.ts).
import { LOCALE_COOKIE, toLocale, type Locale } from '~/lib/locales';

export function localeFromHeaders(headers: Headers): Locale {
  const cookie = headers.get('cookie') ?? '';
  for (const part of cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === LOCALE_COOKIE)
      return toLocale(decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return toLocale(undefined);
}
