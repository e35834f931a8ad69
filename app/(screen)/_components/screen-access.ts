import 'server-only';
import { cookies, headers } from 'next/headers';
import { getSessionUser } from '~/server/auth/instance';
import { getDb } from '~/server/db';
import { holds, reachesAny } from '~/server/domain/access';
import { KIOSK_COOKIE, kioskFromCookie } from '~/server/kiosk/links';
import { standingOf } from '~/server/queries/access';
import { createCaller } from '~/server/root';
import { appLive } from '~/server/runtime/app-runtime';

/**
 * Who is looking at a screen: a kiosk whose cookie names this screen (a community link
 * opens only its own community; a district link the district and every community of it),
 * or a signed-in account, allowed when it holds the viewer tier there (for the district
 * screen: anywhere; it then shows the communities it reaches). server/trpc.ts decides
 * every call again; this only chooses between the screen, a notice and the sign-in page.
 */
export async function screenViewer(slug: string | null): Promise<'visitor' | 'refused' | 'allowed'> {
  const db = await getDb();
  const kiosk = await kioskFromCookie(db, (await cookies()).get(KIOSK_COOKIE)?.value);
  if (kiosk && (kiosk.slug === slug || kiosk.slug === null)) return 'allowed';
  const user = await getSessionUser(await headers());
  if (!user) return 'visitor';
  const standing = await standingOf(db, user);
  return (slug ? holds(standing, slug, 'viewer') : reachesAny(standing, 'viewer')) ? 'allowed' : 'refused';
}

/** The public caller, for what any screen may show before its own calls (the community's name). */
export async function publicCaller() {
  return createCaller({ db: await getDb(), user: null, live: appLive });
}
