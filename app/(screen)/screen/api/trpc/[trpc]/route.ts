// The big screen's tRPC endpoint. It sits under /screen so the kiosk cookie
// (scoped to that path) reaches it: with a valid kiosk cookie the call runs as
// a read-only kiosk limited to KIOSK_PROCEDURES; otherwise it is the ordinary
// endpoint with the signed-in session.
import { errorMessage } from '~/server/error-messages';
import { localeFromHeaders } from '~/server/locale';
import { TRPCError } from '@trpc/server';
import { createContext } from '~/server/context';
import { getDb } from '~/server/db';
import {
  KIOSK_COOKIE,
  KIOSK_PROCEDURES,
  kioskFromCookie,
  kioskUser,
  readCookie,
  SCREEN_TRPC_ENDPOINT,
} from '~/server/kiosk/links';
import { handleTrpcRequest } from '~/server/trpc-handler';

export const dynamic = 'force-dynamic';

/** A refusal worded in the caller's language (errors.kiosk.<code>). */
function forbidden(req: Request, code: 'readOnly' | 'ownCommunity') {
  const error = new TRPCError({
    code: 'FORBIDDEN',
    message: errorMessage(`kiosk.${code}`, {}, localeFromHeaders(req.headers)),
  });
  return Response.json(
    { error: { message: error.message, code: -32003, data: { code: 'FORBIDDEN', httpStatus: 403 } } },
    { status: 403 },
  );
}

/**
 * The `slug` of every call in a GET's `input` parameter (superjson-wrapped,
 * batched as {"0": {...}} or single); null when the input cannot be read.
 */
function inputSlugs(raw: string | null): string[] | null {
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const record = parsed as Record<string, unknown>;
  const calls = 'json' in record ? [record] : Object.values(record);
  const slugs: string[] = [];
  for (const call of calls) {
    const json = (call as { json?: { slug?: unknown } } | null)?.json;
    if (typeof json?.slug !== 'string') return null;
    slugs.push(json.slug);
  }
  return slugs;
}

async function handler(req: Request) {
  const db = await getDb();
  const kiosk = await kioskFromCookie(db, readCookie(req.headers.get('cookie'), KIOSK_COOKIE));
  if (!kiosk) return handleTrpcRequest(req, SCREEN_TRPC_ENDPOINT);
  // Batched calls name several procedures joined by commas: every one must be allowed.
  const paths = new URL(req.url).pathname.slice(SCREEN_TRPC_ENDPOINT.length + 1).split(',');
  if (!paths.every((p) => KIOSK_PROCEDURES.has(decodeURIComponent(p)))) return forbidden(req, 'readOnly');
  // A community's link reads that community only: no district calls, no other slug.
  if (kiosk.slug !== null) {
    const slugs = inputSlugs(new URL(req.url).searchParams.get('input'));
    const district = paths.some((p) => decodeURIComponent(p).endsWith('.district'));
    if (district || slugs === null || slugs.some((s) => s !== kiosk.slug)) {
      return forbidden(req, 'ownCommunity');
    }
  }
  return handleTrpcRequest(req, SCREEN_TRPC_ENDPOINT, async () => ({
    ...(await createContext({ headers: req.headers })),
    user: kioskUser(kiosk),
  }));
}

export { handler as GET, handler as POST };
