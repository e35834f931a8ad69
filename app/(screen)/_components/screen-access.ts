import 'server-only';
import { cookies, headers } from 'next/headers';
import { getSessionUser } from '~/server/auth/instance';
import { getDb } from '~/server/db';
import { KIOSK_COOKIE, kioskFromCookie, kioskUser } from '~/server/kiosk/links';
import { createCaller } from '~/server/root';
import { appLive } from '~/server/runtime/app-runtime';

/**
 * Who may see a screen: a signed-in planner, staff member or admin, or a
 * kiosk whose cookie names this screen (a community link opens only its own
 * community; a district link the district and, by a click on its map, every
 * community of it). Returns a caller with that tier.
 */
export async function screenCaller(slug: string | null) {
  const db = await getDb();
  const kiosk = await kioskFromCookie(db, (await cookies()).get(KIOSK_COOKIE)?.value);
  if (kiosk && (kiosk.slug === slug || kiosk.slug === null))
    return createCaller({ db, user: kioskUser(kiosk), live: appLive });
  const user = await getSessionUser(await headers());
  if (user && user.role !== 'resident') return createCaller({ db, user, live: appLive });
  return null;
}
