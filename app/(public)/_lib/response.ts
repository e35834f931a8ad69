// Response headers shared by the residents' pages.
import type { ServerResponse } from 'node:http';
import { bothLanguages } from './i18n';
import { BodyTooLargeError, readCappedForm } from '~/server/http/read-body';

export function setPublicHeaders(res: ServerResponse): void {
  // The words depend on the language cookie, so no shared cache may keep one
  // copy for everyone, and the browser asks again (an ETag makes that a 304)
  // so a switched language shows at once. The figures behind the page are
  // cached on the server for a minute (status/_lib/cached.ts).
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Cookie');
  // These pages run no script at all; the policy says so, so an injected one
  // could not run either. Styles are the app's own stylesheet files.
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
}

/** 413 for a form post over its limit (server/http/read-body.ts), in both languages. */
export function tooLarge(maxBytes: number): Response {
  return new Response(bothLanguages('public.refused', 'tooLarge', { kilobytes: Math.ceil(maxBytes / 1024) }), {
    status: 413,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' },
  });
}

/** The posted form (null when it is not one), or the 413 answer when the body is over `maxBytes`: read no further. */
export async function formWithin(request: Request, maxBytes: number): Promise<FormData | null | Response> {
  try {
    return await readCappedForm(request, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLarge(maxBytes);
    throw error;
  }
}
