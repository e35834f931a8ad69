import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createContext } from '~/server/context';
import { appRouter, createCaller } from '~/server/root';
import { makeQueryClient } from './query-client';

// One query client and one context per request.
export const getQueryClient = cache(makeQueryClient);
const getContext = cache(async () => createContext({ headers: await headers() }));

/** Query options for server prefetching, same shape as useTRPC() in the browser. */
export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });

/** Calls procedures directly from server components, with the request's tier. */
export const getCaller = cache(async () => createCaller(await getContext()));

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
