import { TRPCError } from '@trpc/server';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { selectRows } from '~/db/client';
import { patrolCheckins, patrolPlans, patrolRoutePoints, patrolRoutes } from '~/db/schema';
import { complianceByPlan, localInstant, patrolChecks } from '../domain/patrol-compliance';
import { localToday } from '~/lib/calendar';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { communityBySlug, localDate, slugInput } from './_inputs';

export const patrolRouter = createTRPCRouter({
  /** Patrol points with their last check-in: the twin tints them by time since. */
  points: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return selectRows<{
      id: number;
      code: string;
      name: string;
      buildingId: number | null;
      x: number;
      y: number;
      z: number;
      lastCheckinAt: Date | string | null;
    }>(
      ctx.db,
      sql`select p.id, p.code, p.name, p.building_id as "buildingId", p.x, p.y, p.z,
            (select max(c.at) from patrol_checkins c where c.point_id = p.id) as "lastCheckinAt"
          from patrol_points p where p.community_id = ${community.id} order by p.id`,
    ).then((rows) => rows.map((r) => ({ ...r, lastCheckinAt: r.lastCheckinAt ? new Date(r.lastCheckinAt) : null })));
  }),

  /** Routes with their plans and the last 7 days' check-ins against points due. */
  routes: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return selectRows<{ id: number; name: string; points: number; plans: number; checkins7d: number }>(
      ctx.db,
      sql`select r.id, r.name,
            (select count(*)::int from patrol_route_points rp where rp.route_id = r.id) as points,
            (select count(*)::int from patrol_plans pl where pl.route_id = r.id) as plans,
            (select count(*)::int from patrol_checkins c join patrol_plans pl on pl.id = c.plan_id
               where pl.route_id = r.id and c.at > now() - interval '7 days') as "checkins7d"
          from patrol_routes r where r.community_id = ${community.id} order by r.id`,
    );
  }),

  /**
   * Missed and late checks per route and guard shift over [from, to] (local
   * days, at most 31), derived afresh from check-ins (Civil Code art. 1254:
   * patrol records are the property company's evidence of safety measures).
   */
  compliance: staffProcedure
    .input(slugInput.extend({ from: localDate.optional(), to: localDate.optional() }))
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const to = input.to ?? localToday();
      const from = input.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
      if (Date.parse(to) - Date.parse(from) > 31 * 86_400_000 || from > to)
        throw new TRPCError({ code: 'BAD_REQUEST', message: '期间须为 1–31 天 / The period must be 1–31 days' });
      const routes = await ctx.db.select().from(patrolRoutes).where(eq(patrolRoutes.communityId, community.id));
      const routeIds = routes.map((r) => r.id);
      if (routeIds.length === 0) return { from, to, rows: [] };
      const plans = await ctx.db.select().from(patrolPlans).where(inArray(patrolPlans.routeId, routeIds));
      const routePoints = await ctx.db
        .select()
        .from(patrolRoutePoints)
        .where(inArray(patrolRoutePoints.routeId, routeIds));
      const pointIds = [...new Set(routePoints.map((p) => p.pointId))];
      // A run may close up to a day after it starts (night rounds cross midnight).
      const checkins =
        pointIds.length === 0
          ? []
          : await ctx.db
              .select({ pointId: patrolCheckins.pointId, at: patrolCheckins.at })
              .from(patrolCheckins)
              .where(
                and(
                  inArray(patrolCheckins.pointId, pointIds),
                  gte(patrolCheckins.at, localInstant(from, '00:00')),
                  lte(patrolCheckins.at, new Date(localInstant(to, '00:00').getTime() + 2 * 86_400_000)),
                ),
              );
      const specs = plans.map((p) => ({
        id: p.id,
        routeId: p.routeId,
        frequency: p.frequency,
        weekdays: p.weekdays,
        startTime: p.startTime,
        anchorDate: p.anchorDate,
        shift: p.shift,
      }));
      const checks = patrolChecks({ plans: specs, routePoints, checkins, from, to, now: new Date() });
      const names = new Map(routes.map((r) => [r.id, r.name]));
      return {
        from,
        to,
        rows: complianceByPlan(specs, checks).map((row) => {
          const plan = plans.find((p) => p.id === row.planId);
          return {
            ...row,
            route: names.get(plan?.routeId ?? -1) ?? '',
            startTime: plan?.startTime ?? '',
            frequency: plan?.frequency ?? 'daily',
          };
        }),
      };
    }),
});
