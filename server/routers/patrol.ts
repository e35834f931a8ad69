import { compliancePeriod } from '../domain/patrol-compliance';
import { patrolCompliance, patrolPoints, patrolRouteList } from '../queries/patrol';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { localDate, slugInput } from './_inputs';

export const patrolRouter = createTRPCRouter({
  /** Patrol points with their last check-in: the twin tints them by time since. */
  points: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => patrolPoints(ctx.db, ctx.community.id)),

  /** Routes with their plans and the last 7 days' check-ins against points due. */
  routes: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => patrolRouteList(ctx.db, ctx.community.id)),

  /**
   * Missed and late checks per route and guard shift over [from, to] (local
   * days, at most 31; the week to today by default), derived afresh from check-ins.
   */
  compliance: communityProcedure('staff', 'slug')
    .input(slugInput.extend({ from: localDate.optional(), to: localDate.optional() }))
    .query(({ ctx, input }) => patrolCompliance(ctx.db, ctx.community.id, compliancePeriod(input))),
});
