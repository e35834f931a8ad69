// The big screen (一屏统管): every panel's aggregates in one call.
import { communityBySlug } from '../queries/communities';
import { communityScreen, districtScreen } from '../queries/screens';
import { createTRPCRouter, plannerProcedure } from '../trpc';
import { slugInput } from './_inputs';

export const screenRouter = createTRPCRouter({
  community: plannerProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const c = await communityBySlug(ctx.db, input.slug);
    return communityScreen(ctx.db, c);
  }),

  /** The district: panels summed over every community, plus each community's place and key figures for the map. */
  district: plannerProcedure.query(({ ctx }) => districtScreen(ctx.db)),
});
