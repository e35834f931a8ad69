// Live data over tRPC subscriptions (SSE): a snapshot, then one frame per
// coalescing window, each tracked by its database seq so a reconnecting
// client resumes exactly after the last frame it saw (server/live/stream.ts).
import { z } from 'zod';
import { streamLive } from '../live/stream';
import type { LiveHub } from '../live/hub';
import { communityProcedure, createTRPCRouter, reachProcedure, type Context } from '../trpc';
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

export const liveRouter = createTRPCRouter({
  /**
   * One community's device statuses, alarms and incidents as they change. The
   * community is looked up before the stream starts, so an unknown slug is
   * refused like any other call (NOT_FOUND), not as a failed stream.
   */
  community: communityProcedure('viewer', 'slug')
    .input(slugInput.extend({ lastEventId }))
    .subscription(async ({ ctx, input, signal }) =>
      streamLive({
        db: ctx.db,
        hub: await liveHub(ctx),
        communityIds: [ctx.community.id],
        lastEventId: input.lastEventId,
        signal,
      }),
    ),

  /** Every community the caller reaches, in one stream (the district screen). */
  district: reachProcedure('viewer')
    .input(z.object({ lastEventId }))
    .subscription(async function* ({ ctx, input, signal }) {
      yield* streamLive({
        db: ctx.db,
        hub: await liveHub(ctx),
        communityIds: ctx.reach === 'all' ? null : [...ctx.reach],
        lastEventId: input.lastEventId,
        signal,
      });
    }),
});
