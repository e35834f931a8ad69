// The one place the client turns a server refusal into words. A tRPC error's
// message is already in the caller's language, or (from older server code)
// "中文 / English", of which the reader's half is shown. An input error lists
// its fields' messages instead of the raw issue JSON.
import { toLocale, type Locale } from '~/app/_i18n/config';
import { pickLocale } from './bilingual';

/** Between several input errors in one line. */
const SEPARATOR: Record<Locale, string> = { zh: '；', en: '; ' };

type ZodErrorShape = { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };
type ErrorLike = { message: string; data?: { zodError?: ZodErrorShape | null } | null };

function isErrorLike(error: unknown): error is ErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

export function serverErrorMessage(error: unknown, locale: string): string {
  if (!isErrorLike(error)) return String(error);
  const z = error.data?.zodError;
  if (z) {
    const messages = [
      ...z.formErrors,
      ...Object.entries(z.fieldErrors).flatMap(([field, list]) =>
        (list ?? []).map((m) => (m.includes(' / ') ? m : `${field}: ${m}`)),
      ),
    ];
    if (messages.length > 0) return messages.map((m) => pickLocale(m, locale)).join(SEPARATOR[toLocale(locale)]);
  }
  return pickLocale(error.message, locale);
}
