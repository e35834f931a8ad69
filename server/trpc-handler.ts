// The tRPC fetch handler, shared by the Next route (app/api/trpc) and the
// standalone test server (test/standalone-server.ts).
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from './context';
import { appRouter } from './root';
import type { Context } from './trpc';

export async function handleTrpcRequest(
  req: Request,
  endpoint = '/api/trpc',
  // The big screen's endpoint swaps in a kiosk's read-only context (server/kiosk).
  makeContext: () => Promise<Context> = () => createContext({ headers: req.headers }),
): Promise<Response> {
  const res = await fetchRequestHandler({
    endpoint,
    req,
    router: appRouter,
    createContext: makeContext,
    onError: ({ path, error }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error);
    },
  });
  if (!res.headers.get('content-type')?.startsWith('text/event-stream')) return res;
  // Subscriptions: a proxy or compression that buffers would hold frames back.
  const headers = new Headers(res.headers);
  headers.set('cache-control', 'no-cache, no-transform');
  headers.set('x-accel-buffering', 'no');
  return new Response(res.body, { status: res.status, headers });
}
