import { buildingsWithUnits } from '../queries/buildings';
import { communityBySlug } from '../queries/communities';
import { createTRPCRouter, plannerProcedure } from '../trpc';
import { slugInput } from './_inputs';

export const buildingRouter = createTRPCRouter({
  /** A community's buildings with their units, as the twin and the planner draw them. */
  withUnits: plannerProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return buildingsWithUnits(ctx.db, community.id);
  }),
});
