import { compliancePeriod } from '../domain/patrol-compliance';
import { communityBySlug } from '../queries/communities';
import { patrolCompliance, patrolPoints, patrolRouteList } from '../queries/patrol';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { localDate, slugInput } from './_inputs';

export const patrolRouter = createTRPCRouter({
  /** Patrol points with their last check-in: the twin tints them by time since. */
  points: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return patrolPoints(ctx.db, community.id);
  }),

  /** Routes with their plans and the last 7 days' check-ins against points due. */
  routes: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return patrolRouteList(ctx.db, community.id);
  }),

  /**
   * Missed and late checks per route and guard shift over [from, to] (local
   * days, at most 31; the week to today by default), derived afresh from check-ins.
   */
  compliance: staffProcedure
    .input(slugInput.extend({ from: localDate.optional(), to: localDate.optional() }))
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      return patrolCompliance(ctx.db, community.id, compliancePeriod(input));
    }),
});
