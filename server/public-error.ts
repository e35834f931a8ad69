// What a client may read of a failure nobody anticipated. An
// INTERNAL_SERVER_ERROR carries the text of whatever threw (a database error
// with its SQL, a file path); in production the client gets one worded
// sentence instead, and the server log keeps the original (server/trpc-handler.ts).
import type { TRPCError } from '@trpc/server';
import type { Locale } from '~/lib/locales';
import { errorMessage } from './error-messages';

/** The message a client sees for `error`: its own, or the generic one for an internal failure in production. */
export function publicErrorMessage(error: TRPCError, locale: Locale, production: boolean): string {
  return production && error.code === 'INTERNAL_SERVER_ERROR' ? errorMessage('internal', {}, locale) : error.message;
}
