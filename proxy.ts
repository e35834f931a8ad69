// Runs before every request that is not a build asset (Next.js "proxy",
// formerly middleware): gives each page a fresh script nonce under the
// Content-Security-Policy, and HSTS over HTTPS (server/http/security-headers.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '~/server/env';
import { contentSecurityPolicy, HSTS, mapOriginsFor, servedOverHttps } from '~/server/http/security-headers';

const mapOrigins = mapOriginsFor(env);

/** The residents' pages (pages/) run no script and set a stricter policy of their own (app/(public)/_lib/response.ts). */
const OWN_POLICY = /^\/(status|report)(\/|$)/;

export function proxy(request: NextRequest) {
  const csp = OWN_POLICY.test(request.nextUrl.pathname)
    ? null
    : contentSecurityPolicy({
        nonce: Buffer.from(crypto.randomUUID()).toString('base64'),
        development: env.NODE_ENV === 'development',
        mapOrigins,
      });
  // Next.js reads the nonce from the request's policy and puts it on its own script tags.
  const requestHeaders = new Headers(request.headers);
  if (csp) requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (csp) response.headers.set('Content-Security-Policy', csp);
  if (servedOverHttps(request.headers, env.TRUSTED_PROXIES)) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

/**
 * Pages only. Next.js buffers (and beyond 10 MB silently cuts) the body of
 * every request a proxy matches, so the endpoints that take bodies stay out:
 * tRPC and the other APIs, the kiosk's tRPC, and the two public form posts,
 * which read their bodies within a small limit (server/http/read-body.ts).
 * Their fixed security headers come from next.config.mjs.
 */
export const config = {
  matcher: ['/((?!api/|screen/api/|_next/|favicon\\.ico|locale$|report/[^/]+/submit$).*)'],
};
