// Words for the residents' pages. These pages are rendered by the Pages Router
// (see pages/_app.tsx for why), where next-intl's request config does not
// reach, so each page builds its translator and formatter from the same
// message files, formats and time zone the rest of the app uses, for the
// language in the reader's cookie.
import { createFormatter, createTranslator } from 'next-intl';
import type { IncomingMessage } from 'node:http';
import { LOCALE_COOKIE, LOCALES, toLocale, type Locale } from '~/app/_i18n/config';
import { FORMATS } from '~/app/_i18n/formats';
import en from '~/app/_i18n/messages/en.json';
import opsEn from '~/app/_i18n/messages/ops.en.json';
import opsZh from '~/app/_i18n/messages/ops.zh.json';
import publicEn from '~/app/_i18n/messages/public.en.json';
import publicZh from '~/app/_i18n/messages/public.zh.json';
import retrofitEn from '~/app/_i18n/messages/retrofit.en.json';
import retrofitZh from '~/app/_i18n/messages/retrofit.zh.json';
import zh from '~/app/_i18n/messages/zh.json';
import { COMMUNITY_TIME_ZONE } from '~/lib/calendar';

type Messages = Record<string, unknown>;

// Only the namespaces these pages read: app, status, deviceClass, retrofit.stages, public, report.
const MESSAGES: Record<Locale, Messages> = {
  zh: { ...zh, retrofit: retrofitZh.retrofit, report: opsZh.report, ...publicZh },
  en: { ...en, retrofit: retrofitEn.retrofit, report: opsEn.report, ...publicEn },
};

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

export function translator(locale: Locale, namespace?: string): Translate {
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace,
    timeZone: COMMUNITY_TIME_ZONE,
    formats: FORMATS,
  });
  return (key, values) => (t as unknown as Translate)(key, values);
}

/** Dates and numbers in the reader's language and the community's time zone. */
export function formatter(locale: Locale) {
  return createFormatter({ locale, timeZone: COMMUNITY_TIME_ZONE, formats: FORMATS });
}

/**
 * A plain-text answer outside any page (a refused form post) in both languages,
 * Chinese first: it is read before the reader's language is known to be right.
 */
export function bothLanguages(namespace: string, key: string, values?: Record<string, string | number>): string {
  return LOCALES.map((locale) => `${translator(locale, namespace)(key, values)}\n`).join('');
}

/** The reader's language, from the cookie the language switch sets; Chinese first. */
export function requestLocale(req: IncomingMessage & { cookies?: Partial<Record<string, string>> }): Locale {
  return toLocale(req.cookies?.[LOCALE_COOKIE]);
}
