// An admin's HTTP session against a running Linli: sign in through
// better-auth, then call admin procedures over tRPC. The simulator CLI (and
// the tests) provision device tokens this way — through the app, never by
// opening its database, which for PGlite only the app's process may do.
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../root';

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const attempt = (origin: string) =>
    fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      // better-auth refuses a sign-in without a trusted Origin (CSRF).
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email, password }),
    });
  let res = await attempt(baseUrl);
  // `next dev` takes its own origin to be localhost even when reached at 127.0.0.1.
  if (res.status === 403) {
    const u = new URL(baseUrl);
    u.hostname = u.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    res = await attempt(u.origin);
  }
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (cookies.length === 0) throw new Error('sign-in returned no session cookie');
  return cookies.join('; ');
}

export function adminClient(baseUrl: string, cookie: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, headers: { cookie } })],
  });
}
