// Live data over tRPC subscriptions (SSE): a snapshot, then one frame per
// coalescing window, each tracked by its database seq so a reconnecting
// client resumes exactly after the last frame it saw (server/live/stream.ts).
import { z } from 'zod';
import { streamLive } from '../live/stream';
import { communityBySlug } from '../queries/communities';
import type { LiveHub } from '../live/hub';
import { createTRPCRouter, staffProcedure, type Context } from '../trpc';
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
  community: staffProcedure.input(slugInput.extend({ lastEventId })).subscription(async ({ ctx, input, signal }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return streamLive({
      db: ctx.db,
      hub: await liveHub(ctx),
      communityIds: [community.id],
      lastEventId: input.lastEventId,
      signal,
    });
  }),

  /** Every community of the district in one stream (the big screen). */
  district: staffProcedure.input(z.object({ lastEventId })).subscription(async function* ({ ctx, input, signal }) {
    yield* streamLive({
      db: ctx.db,
      hub: await liveHub(ctx),
      communityIds: null,
      lastEventId: input.lastEventId,
      signal,
    });
  }),
});
