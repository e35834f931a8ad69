import { getSessionUser } from './auth/instance';
import { clientAddress } from './http/client-address';
import { getDb } from './db';
import { appLive, getRuntime, getRuntimeIfStarted } from './runtime/app-runtime';
import { localeFromHeaders } from './locale';
import type { Context } from './trpc';

export async function createContext(opts: { headers: Headers }): Promise<Context> {
  const [db, user] = await Promise.all([getDb(), getSessionUser(opts.headers)]);
  return {
    db,
    user,
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
