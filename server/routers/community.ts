import { communityList, communityOverview, publicCommunityBySlug } from '../queries/communities';
import { createTRPCRouter, plannerProcedure, publicProcedure } from '../trpc';
import { slugInput } from './_inputs';

export const communityRouter = createTRPCRouter({
  list: publicProcedure.query(({ ctx }) => communityList(ctx.db)),

  bySlug: publicProcedure.input(slugInput).query(({ ctx, input }) => publicCommunityBySlug(ctx.db, input.slug)),

  /** The console's community list: one line of key figures per community. */
  overview: plannerProcedure.query(({ ctx }) => communityOverview(ctx.db)),
});
