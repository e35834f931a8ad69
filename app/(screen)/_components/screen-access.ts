import 'server-only';
import { cookies, headers } from 'next/headers';
import { getSessionUser } from '~/server/auth/instance';
import { getDb } from '~/server/db';
import { KIOSK_COOKIE, kioskFromCookie } from '~/server/kiosk/links';
import { createCaller } from '~/server/root';
import { appLive } from '~/server/runtime/app-runtime';

/**
 * Who may see a screen: a signed-in account (its memberships decide which communities the
 * procedures serve: server/trpc.ts), or a kiosk whose cookie names this screen (a community
 * link opens only its own community; a district link the district and every community of it).
 * Returns a caller as that identity, or null for a visitor.
 */
export async function screenCaller(slug: string | null) {
  const db = await getDb();
  const kiosk = await kioskFromCookie(db, (await cookies()).get(KIOSK_COOKIE)?.value);
  if (kiosk && (kiosk.slug === slug || kiosk.slug === null))
    return createCaller({ db, user: null, kiosk, live: appLive });
  const user = await getSessionUser(await headers());
  return user ? createCaller({ db, user, live: appLive }) : null;
}
