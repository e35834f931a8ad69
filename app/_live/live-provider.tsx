'use client';
// One live subscription per page (one SSE connection): a community's stream,
// or the whole district's when no slug is given. Everything on the page reads
// the same LiveStore through useLive() and the hooks in hooks.ts.
import { skipToken } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { useTRPC } from '~/app/_trpc/client';
import type { LiveMessage } from '~/server/live/types';
import { LiveStore, type ConnectionState } from './live-store';

/** The state a refusal leaves for good (server/live/while-allowed.ts ends a stream with one), if it is one. */
function refusedState(error: unknown): ConnectionState | null {
  const code = (error as { data?: { domainError?: { code?: string } | null } | null } | null)?.data?.domainError?.code;
  if (code === 'kiosk.revoked') return 'revoked';
  if (code === 'auth.signIn') return 'signedOut';
  return null;
}

const LiveContext = createContext<{ store: LiveStore; retry: () => void } | null>(null);

export function LiveProvider({ slug, children }: { slug?: string; children: React.ReactNode }) {
  const trpc = useTRPC();
  const [store] = useState(() => new LiveStore());
  const everLive = useRef(false);
  const onData = (m: { data: LiveMessage }) => store.apply(m.data);
  // Both hooks always run (rules of hooks); the skipped one opens no connection.
  const community = useSubscription(trpc.live.community.subscriptionOptions(slug ? { slug } : skipToken, { onData }));
  const district = useSubscription(trpc.live.district.subscriptionOptions(slug ? skipToken : {}, { onData }));
  const sub = slug ? community : district;

  useEffect(() => {
    let state: ConnectionState;
    if (sub.status === 'pending') {
      everLive.current = true;
      state = 'live';
    } else if (sub.status === 'error') state = refusedState(sub.error) ?? 'error';
    else state = everLive.current ? 'reconnecting' : 'connecting';
    store.setConnection(state);
  }, [sub.status, sub.error, store]);

  return <LiveContext.Provider value={{ store, retry: sub.reset }}>{children}</LiveContext.Provider>;
}

export function useLive(): { store: LiveStore; retry: () => void } {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive() outside <LiveProvider>');
  return live;
}

/** The page's live data where a LiveProvider is present (bench pages have none). */
export function useOptionalLive(): { store: LiveStore; retry: () => void } | null {
  return useContext(LiveContext);
}
