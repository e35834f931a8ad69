import { communityList, communityOverview, publicCommunityBySlug } from '../queries/communities';
import { createTRPCRouter, publicProcedure, reachProcedure } from '../trpc';
import { slugInput } from './_inputs';

export const communityRouter = createTRPCRouter({
  list: publicProcedure.query(({ ctx }) => communityList(ctx.db)),

  bySlug: publicProcedure.input(slugInput).query(({ ctx, input }) => publicCommunityBySlug(ctx.db, input.slug)),

  /** The console's community list: one line of key figures per community. */
  overview: reachProcedure('viewer').query(({ ctx }) => communityOverview(ctx.db, ctx.reach)),
});
