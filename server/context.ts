import { getSessionUser } from './auth/instance';
import { clientAddress } from './http/client-address';
import { getDb } from './db';
import { readCookie } from './kiosk/links';
import { appLive, getRuntime, getRuntimeIfStarted } from './runtime/app-runtime';
import { localeFromHeaders } from './locale';
import { sessionStands } from './queries/sessions';
import type { Context } from './trpc';

/** better-auth's session cookie (with its prefix over HTTPS) holds `<token>.<signature>`. */
const SESSION_COOKIES = ['better-auth.session_token', '__Secure-better-auth.session_token'];

function sessionToken(headers: Headers): string | undefined {
  const cookie = headers.get('cookie');
  for (const name of SESSION_COOKIES) {
    const value = readCookie(cookie, name);
    if (value) return value.split('.')[0];
  }
  return undefined;
}

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const [db, user] = await Promise.all([getDb(), getSessionUser(opts.headers)]);
  const token = user ? sessionToken(opts.headers) : undefined;
  return {
    db,
    user,
    // The session that admitted this request, looked up again: signing out or being disabled ends open streams.
    stillAllowed: token ? () => sessionStands(db, token) : undefined,
    live: appLive,
    locale: localeFromHeaders(opts.headers),
    clientAddress: clientAddress(opts.headers),
    liveHub: async () => (await getRuntime()).hub,
    forgetDevices: async (codes) => {
      const runtime = await getRuntimeIfStarted();
      for (const code of codes) runtime?.directory.forget(code);
    },
  };
}
