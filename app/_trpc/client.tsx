'use client';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, retryLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import superjson from 'superjson';
import type { AppRouter } from '~/server/root';
import { makeQueryClient } from './query-client';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === 'undefined') return makeQueryClient();
  // One client in the browser, so a suspense re-render does not drop the cache.
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

/**
 * How long an unattended screen waits before reopening a live stream that failed outright: 2 s, 4 s, 8 s …
 * at most 30 s. (A dropped network does not fail the stream: the EventSource reconnects by itself, and the
 * server's pings make it reconnect after a silent drop, server/trpc.ts.) tRPC's retryLink counts attempts
 * over the subscription's whole life, so after a few outages every retry waits the full 30 s.
 */
const liveRetryDelayMs = (attempts: number) => Math.min(30_000, 1_000 * 2 ** attempts);

/** A refusal no retry changes (the screen's link revoked, the session gone): the screen says so instead. */
const refusedForGood = (error: { data?: { code?: string } | null }) =>
  error.data?.code === 'UNAUTHORIZED' || error.data?.code === 'FORBIDDEN';

/**
 * `url`: the big screen talks to its own endpoint under /screen, where its kiosk cookie is sent.
 * `unattended`: nobody is there to press "retry" (the big screen), so a live stream that fails outright
 * (an error answer while the server restarts, say) is reopened by tRPC's retryLink, resuming after the
 * last frame it saw, unless it was refused (the link revoked); consoles instead show the failure with a
 * retry button.
 */
export function TRPCReactProvider({
  children,
  url = '/api/trpc',
  unattended = false,
}: {
  children: React.ReactNode;
  url?: string;
  unattended?: boolean;
}) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() => {
    // Subscriptions (live data) go over SSE; one EventSource per subscription.
    const live = httpSubscriptionLink({ url, transformer: superjson });
    return createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: unattended
            ? [retryLink({ retry: ({ error }) => !refusedForGood(error), retryDelayMs: liveRetryDelayMs }), live]
            : live,
          false: httpBatchLink({ url, transformer: superjson }),
        }),
      ],
    });
  });
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
