// Opening a kiosk link: redeem it once, keep the secret in an httpOnly cookie
// scoped to /screen, and redirect to the screen's own URL, so the secret is
// gone from the address bar, the history and any screenshot of the screen.
import { NextResponse } from 'next/server';
import { getDb } from '~/server/db';
import { KIOSK_COOKIE, KIOSK_COOKIE_PATH, redeemKioskLink } from '~/server/kiosk/links';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const kiosk = await redeemKioskLink(await getDb(), secret);
  if (!kiosk)
    return new NextResponse('大屏链接无效、已使用或已撤销 / This screen link is invalid, used or revoked', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  // A relative Location: behind a proxy, or reached as 127.0.0.1, the request's own
  // host is the one the cookie was set for; Next's req.url may name another.
  const res = new NextResponse(null, {
    status: 303,
    headers: { location: kiosk.slug ? `/screen/${kiosk.slug}` : '/screen/district' },
  });
  res.cookies.set(KIOSK_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    path: KIOSK_COOKIE_PATH,
    secure: new URL(req.url).protocol === 'https:',
    // Lax, not Strict: a link opened from a message is a cross-site navigation, and
    // Strict would withhold the cookie from the redirect it answers with.
    // A screen runs for days; the link's revocation, not the cookie's age, ends it.
    maxAge: 60 * 60 * 24 * 365,
  });
  return res;
}
