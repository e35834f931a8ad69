// The one place the client turns a server refusal into words. The server
// words every refusal in the caller's language from its code (server/trpc.ts),
// so a message is shown as it came; an input error lists its fields' messages
// instead of the raw issue JSON.
import { toLocale, type Locale } from '~/app/_i18n/config';

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
    const messages = [...z.formErrors, ...Object.values(z.fieldErrors).flatMap((list) => list ?? [])];
    if (messages.length > 0) return messages.join(SEPARATOR[toLocale(locale)]);
  }
  return error.message;
}
