// Live data over tRPC subscriptions (SSE): a snapshot, then one frame per
// coalescing window, each tracked by its database seq so a reconnecting
// client resumes exactly after the last frame it saw (server/live/stream.ts).
import { z } from 'zod';
import { getRuntime } from '../runtime/app-runtime';
import { streamLive } from '../live/stream';
import { communityBySlug } from '../queries/communities';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { slugInput } from './_inputs';

/** tRPC's httpSubscriptionLink sends the last tracked id back as `lastEventId` when it reconnects. */
const lastEventId = z
  .string()
  .regex(/^\d{1,18}$/)
  .nullish();

export const liveRouter = createTRPCRouter({
  /**
   * One community's device statuses, alarms and incidents as they change. The
   * community is looked up before the stream starts, so an unknown slug is
   * refused like any other call (NOT_FOUND), not as a failed stream.
   */
  community: staffProcedure.input(slugInput.extend({ lastEventId })).subscription(async ({ ctx, input, signal }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const runtime = await getRuntime();
    return streamLive({
      db: ctx.db,
      hub: runtime.hub,
      communityIds: [community.id],
      lastEventId: input.lastEventId,
      signal,
    });
  }),

  /** Every community of the district in one stream (the big screen). */
  district: staffProcedure.input(z.object({ lastEventId })).subscription(async function* ({ ctx, input, signal }) {
    const runtime = await getRuntime();
    yield* streamLive({ db: ctx.db, hub: runtime.hub, communityIds: null, lastEventId: input.lastEventId, signal });
  }),
});
