// Live data over tRPC subscriptions (SSE): a snapshot, then one frame per
// coalescing window, each tracked by its database seq so a reconnecting
// client resumes exactly after the last frame it saw (server/live/stream.ts).
import { z } from 'zod';
import { env } from '../env';
import { streamLive } from '../live/stream';
import type { LiveHub } from '../live/hub';
import { whileAllowed } from '../live/while-allowed';
import { accessEnded, communityProcedure, createTRPCRouter, reachProcedure, type Context } from '../trpc';
import { slugInput } from './_inputs';

/** tRPC's httpSubscriptionLink sends the last tracked id back as `lastEventId` when it reconnects. */
const lastEventId = z
  .string()
  .regex(/^\d{1,18}$/)
  .nullish();

/** The hub the context offers; a process without a runtime has nothing to stream. */
function liveHub(ctx: Context): Promise<LiveHub> {
  if (!ctx.liveHub) throw new Error('no live runtime in this process');
  return ctx.liveHub();
}

/**
 * A stream of `communityIds` (null: all) for as long as the caller may still watch: it ends
 * with the caller's refusal once `ctx.stillAllowed` says no (a revoked screen link, a session
 * signed out or disabled), asked every LIVE_RECHECK_SECONDS.
 */
async function* guardedStream(
  ctx: Context,
  communityIds: number[] | null,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
) {
  const hub = await liveHub(ctx);
  yield* whileAllowed({
    stillAllowed: ctx.stillAllowed,
    everyMs: env.LIVE_RECHECK_SECONDS * 1000,
    refusal: () => accessEnded(ctx),
    signal,
    open: (signal) => streamLive({ db: ctx.db, hub, communityIds, lastEventId, signal }),
  });
}

export const liveRouter = createTRPCRouter({
  /**
   * One community's device statuses, alarms and incidents as they change. The
   * community is looked up before the stream starts, so an unknown slug is
   * refused like any other call (NOT_FOUND), not as a failed stream.
   */
  community: communityProcedure('viewer', 'slug')
    .input(slugInput.extend({ lastEventId }))
    .subscription(({ ctx, input, signal }) => guardedStream(ctx, [ctx.community.id], input.lastEventId, signal)),

  /** Every community the caller reaches, in one stream (the district screen). */
  district: reachProcedure('viewer')
    .input(z.object({ lastEventId }))
    .subscription(({ ctx, input, signal }) =>
      guardedStream(ctx, ctx.reach === 'all' ? null : [...ctx.reach], input.lastEventId, signal),
    ),
});
