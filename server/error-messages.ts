// The words for refusals, in the caller's language: domain error codes and
// the input codes of zod refinements, read from the same next-intl message
// files the pages use (app/_i18n/messages/errors.*.json).
import { createTranslator } from 'next-intl';
import type { Locale } from '~/lib/locales';
import errorsEn from '~/app/_i18n/messages/errors.en.json';
import errorsZh from '~/app/_i18n/messages/errors.zh.json';
import { COMMUNITY_TIME_ZONE } from '~/lib/calendar';

const MESSAGES: Record<Locale, Record<string, unknown>> = { zh: errorsZh, en: errorsEn };

type Translate = ((key: string, values?: Record<string, string | number>) => string) & {
  has: (key: string) => boolean;
};

const translators = new Map<Locale, Translate>();

function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({
      locale,
      messages: MESSAGES[locale],
      namespace: 'errors',
      timeZone: COMMUNITY_TIME_ZONE,
    }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

/** Whether `code` has words in the message files (a domain or input error code). */
export function isErrorCode(code: string, locale: Locale): boolean {
  return translator(locale).has(code);
}

/** The message for `code` with its parameters, in `locale`. */
export function errorMessage(code: string, params: object, locale: Locale): string {
  return translator(locale)(code, params as Record<string, string | number>);
}
