// The tRPC fetch handler, shared by the Next route (app/api/trpc) and the
// standalone test server (test/standalone-server.ts).
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { DEFAULT_LOCALE } from '~/lib/locales';
import { createContext } from './context';
import { publicErrorMessage } from './public-error';
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
    onError: ({ path, error, ctx }) => {
      if (error.code !== 'INTERNAL_SERVER_ERROR') return;
      console.error(`tRPC ${path ?? '?'} failed:`, error);
      // tRPC builds the response's error from this same object after onError returns.
      error.message = publicErrorMessage(error, ctx?.locale ?? DEFAULT_LOCALE, process.env.NODE_ENV === 'production');
    },
  });
  if (!res.headers.get('content-type')?.startsWith('text/event-stream')) return res;
  // Subscriptions: a proxy or compression that buffers would hold frames back.
  const headers = new Headers(res.headers);
  headers.set('cache-control', 'no-cache, no-transform');
  headers.set('x-accel-buffering', 'no');
  return new Response(res.body, { status: res.status, headers });
}
