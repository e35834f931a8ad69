// The big screen's tRPC endpoint. It sits under /screen so the kiosk cookie
// (scoped to that path) reaches it: with a valid kiosk cookie every call runs as
// that kiosk, a viewer of its link's community, and server/trpc.ts decides each
// call on its deserialised input like any other caller's; otherwise it is the
// ordinary endpoint with the signed-in session.
import { createContext } from '~/server/context';
import { getDb } from '~/server/db';
import { KIOSK_COOKIE, kioskFromCookie, readCookie, SCREEN_TRPC_ENDPOINT } from '~/server/kiosk/links';
import { handleTrpcRequest } from '~/server/trpc-handler';

export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  const kiosk = await kioskFromCookie(await getDb(), readCookie(req.headers.get('cookie'), KIOSK_COOKIE));
  if (!kiosk) return handleTrpcRequest(req, SCREEN_TRPC_ENDPOINT);
  return handleTrpcRequest(req, SCREEN_TRPC_ENDPOINT, async () => ({
    ...(await createContext({ headers: req.headers })),
    user: null,
    kiosk,
  }));
}

export { handler as GET, handler as POST };
