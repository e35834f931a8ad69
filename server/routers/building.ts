import { buildingsWithUnits } from '../queries/buildings';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { slugInput } from './_inputs';

export const buildingRouter = createTRPCRouter({
  /** A community's buildings with their units, as the twin and the planner draw them. */
  withUnits: communityProcedure('planner', 'slug')
    .input(slugInput)
    .query(({ ctx }) => buildingsWithUnits(ctx.db, ctx.community.id)),
});
