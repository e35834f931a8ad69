// The big screen (一屏统管): every panel's aggregates in one call, and the ticker's lines.
import { communityScreen, districtScreen } from '../queries/screens';
import { tickerRows, tickerRowsInReach } from '../queries/screen-ticker';
import { communityProcedure, createTRPCRouter, reachProcedure } from '../trpc';
import { slugInput } from './_inputs';

export const screenRouter = createTRPCRouter({
  community: communityProcedure('viewer', 'slug')
    .input(slugInput)
    .query(({ ctx }) => communityScreen(ctx.db, ctx.community)),

  /** The district (the communities the caller reaches): panels summed over them, plus each community's place and key figures for the map. */
  district: reachProcedure('viewer').query(({ ctx }) => districtScreen(ctx.db, ctx.reach)),

  /** The ticker of a community's screen: its newest open alarms and incidents, each with building and device class. */
  ticker: communityProcedure('viewer', 'slug')
    .input(slugInput)
    .query(({ ctx }) => tickerRows(ctx.db, [ctx.community.id])),

  /** The district screen's ticker: the newest over every community the caller reaches, each naming its community. */
  districtTicker: reachProcedure('viewer').query(({ ctx }) => tickerRowsInReach(ctx.db, ctx.reach)),
});
