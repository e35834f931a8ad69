import { getDb } from '../db';
import { env } from '../env';
import { createAuth, sessionUser, type Auth, type SessionUser } from './index';

const globalForAuth = globalThis as unknown as { linliAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  globalForAuth.linliAuth ??= getDb().then((db) =>
    createAuth(db, { secret: env.BETTER_AUTH_SECRET, baseURL: env.BETTER_AUTH_URL }),
  );
  return globalForAuth.linliAuth;
}

/** The signed-in user behind these request headers, or null (also for a disabled account). */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  return sessionUser(await getAuth(), headers);
}
