// The big screen's two doors, shared by the Next routes under app/(screen)/screen
// and the standalone test server (test/standalone-server.ts).
//
// Opening a link takes two steps. GET /screen/k/<secret> only shows a page with one
// button; chat apps fetch a link to draw its preview, and a GET that redeemed would
// spend the link before the screen ever saw it. The button POSTs back to the same
// URL from that page, and the POST redeems: once only, the secret kept in an
// httpOnly cookie scoped to /screen, then a redirect to the screen's own URL, so the
// secret is gone from the address bar, the history and any screenshot.
import { createContext } from '../context';
import { getDb } from '../db';
import { handleTrpcRequest } from '../trpc-handler';
import {
  KIOSK_COOKIE,
  KIOSK_COOKIE_PATH,
  kioskFromCookie,
  kioskLinkStands,
  readCookie,
  redeemKioskLink,
  SCREEN_TRPC_ENDPOINT,
  unusedKioskLink,
} from './links';

/** A screen runs for days; the link's revocation, not the cookie's age, ends it. */
const COOKIE_MAX_AGE_S = 60 * 60 * 24 * 365;

const refused = (status: number, text: string) =>
  new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

const unusable = () => refused(403, '大屏链接无效、已使用或已撤销 / This screen link is invalid, used or revoked');

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page a link opens: bilingual, no script, one button that POSTs back here. */
function linkPage(label: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>打开大屏 / Open this screen</title>
<style>
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#0b1a2b;color:#e6eef7;font:18px/1.6 system-ui,sans-serif;text-align:center}
main{max-width:36rem;padding:2rem}
h1{font-size:1.6rem;margin:0 0 .5rem}
button{font:inherit;font-size:1.5rem;padding:1rem 2.5rem;margin:1.5rem 0;border:0;border-radius:.5rem;background:#2f80ed;color:#fff;cursor:pointer}
p{color:#a9bccf;margin:.25rem 0}
</style></head>
<body><main>
<h1>${escapeHtml(label)}</h1>
<form method="post"><button type="submit">打开大屏 / Open this screen</button></form>
<p>此链接只能使用一次：打开后由这台设备记住，链接本身随即失效。</p>
<p lang="en">This link works once: this device remembers the screen, and the link itself stops working.</p>
</main></body></html>`;
}

/** GET: the page with the button; marks nothing. */
export async function kioskLinkPage(secret: string): Promise<Response> {
  const link = await unusedKioskLink(await getDb(), secret);
  if (!link) return unusable();
  return new Response(linkPage(link.label), {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
}

/**
 * Whether a POST comes from a page of this site: the browser's own Sec-Fetch-Site
 * where it sends one, else the Origin's host against the Host the request came to
 * (behind a proxy, or reached as 127.0.0.1, req.url may name another host).
 */
function fromOurPage(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** POST from the link's page: redeem once, keep the secret in the cookie, and go to the screen. */
export async function redeemKioskLinkRequest(req: Request, secret: string): Promise<Response> {
  if (!fromOurPage(req)) return refused(403, '请在链接打开的页面上点击按钮 / Use the button on the link’s own page');
  const kiosk = await redeemKioskLink(await getDb(), secret);
  if (!kiosk) return unusable();
  // Lax, not Strict: the redirect that follows is ours, but the screen may be opened
  // later from a bookmark made elsewhere; Strict would withhold the cookie then.
  const secure = new URL(req.url).protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
  const cookie = [
    `${KIOSK_COOKIE}=${secret}`,
    `Path=${KIOSK_COOKIE_PATH}`,
    `Max-Age=${COOKIE_MAX_AGE_S}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
  // A relative Location, for the same reason as fromOurPage's Host.
  const location = kiosk.slug ? `/screen/${kiosk.slug}` : '/screen/district';
  return new Response(null, { status: 303, headers: { location, 'set-cookie': cookie } });
}

/**
 * The screen's tRPC endpoint. With a valid kiosk cookie every call runs as that kiosk, a
 * viewer of its link's community, and server/trpc.ts decides each call on its deserialised
 * input like any other caller's; a live stream ends once the link is revoked. A cookie whose
 * link is gone is refused as revoked (the screen says so); otherwise the signed-in session counts.
 */
export async function handleScreenTrpcRequest(req: Request): Promise<Response> {
  const db = await getDb();
  const secret = readCookie(req.headers.get('cookie'), KIOSK_COOKIE);
  const kiosk = await kioskFromCookie(db, secret);
  return handleTrpcRequest(req, SCREEN_TRPC_ENDPOINT, async () => {
    const ctx = await createContext({ headers: req.headers });
    if (kiosk) return { ...ctx, user: null, kiosk, stillAllowed: () => kioskLinkStands(db, kiosk.linkId) };
    return secret && !ctx.user ? { ...ctx, kioskRevoked: true } : ctx;
  });
}
