// The big screen (一屏统管): every panel's aggregates in one call.
import { communityScreen, districtScreen } from '../queries/screens';
import { communityProcedure, createTRPCRouter, reachProcedure } from '../trpc';
import { slugInput } from './_inputs';

export const screenRouter = createTRPCRouter({
  community: communityProcedure('viewer', 'slug')
    .input(slugInput)
    .query(({ ctx }) => communityScreen(ctx.db, ctx.community)),

  /** The district (the communities the caller reaches): panels summed over them, plus each community's place and key figures for the map. */
  district: reachProcedure('viewer').query(({ ctx }) => districtScreen(ctx.db, ctx.reach)),
});
