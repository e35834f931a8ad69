// Patrol reads: points with their last check-in, routes with their plans and
// last week's check-ins, and compliance (missed and late checks) derived
// afresh from check-ins by server/domain/patrol-compliance.ts.
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import {
  buildings,
  patrolCheckins,
  patrolPlans,
  patrolPoints as patrolPointsTable,
  patrolRoutePoints,
  patrolRoutes,
} from '~/db/schema';
import { checkinWindow, complianceByPlan, patrolChecks } from '../domain/patrol-compliance';

/** Patrol points with their last check-in: the twin tints them by time since. */
export async function patrolPoints(db: Db, communityId: number) {
  const rows = await selectRows<{
    id: number;
    code: string;
    name: string;
    buildingId: number | null;
    x: number;
    y: number;
    z: number;
    lastCheckinAt: Date | string | null;
  }>(
    db,
    sql`select p.id, p.code, p.name, p.building_id as "buildingId", p.x, p.y, p.z,
          (select max(c.at) from patrol_checkins c where c.point_id = p.id) as "lastCheckinAt"
        from patrol_points p where p.community_id = ${communityId} order by p.id`,
  );
  return rows.map((r) => ({ ...r, lastCheckinAt: r.lastCheckinAt ? new Date(r.lastCheckinAt) : null }));
}

/** Routes with their plans and the last 7 days' check-ins against points due. */
export function patrolRouteList(db: Db, communityId: number) {
  return selectRows<{ id: number; name: string; points: number; plans: number; checkins7d: number }>(
    db,
    sql`select r.id, r.name,
          (select count(*)::int from patrol_route_points rp where rp.route_id = r.id) as points,
          (select count(*)::int from patrol_plans pl where pl.route_id = r.id) as plans,
          (select count(*)::int from patrol_checkins c join patrol_plans pl on pl.id = c.plan_id
             where pl.route_id = r.id and c.at > now() - interval '7 days') as "checkins7d"
        from patrol_routes r where r.community_id = ${communityId} order by r.id`,
  );
}

/**
 * Missed and late checks per route and guard shift over a period of local
 * days (Civil Code art. 1254: patrol records are the property company's
 * evidence of safety measures).
 */
export async function patrolCompliance(
  db: Db,
  communityId: number,
  period: { from: string; to: string },
  now = new Date(),
) {
  const { from, to } = period;
  const routes = await db.select().from(patrolRoutes).where(eq(patrolRoutes.communityId, communityId));
  const routeIds = routes.map((r) => r.id);
  if (routeIds.length === 0) return { from, to, rows: [] };
  const plans = await db.select().from(patrolPlans).where(inArray(patrolPlans.routeId, routeIds));
  const routePoints = await db.select().from(patrolRoutePoints).where(inArray(patrolRoutePoints.routeId, routeIds));
  const pointIds = [...new Set(routePoints.map((p) => p.pointId))];
  const window = checkinWindow(period);
  const checkins =
    pointIds.length === 0
      ? []
      : await db
          .select({ pointId: patrolCheckins.pointId, at: patrolCheckins.at })
          .from(patrolCheckins)
          .where(
            and(
              inArray(patrolCheckins.pointId, pointIds),
              gte(patrolCheckins.at, window.since),
              lte(patrolCheckins.at, window.until),
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
  const checks = patrolChecks({ plans: specs, routePoints, checkins, from, to, now });
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
}

/**
 * Everything the patrol setup page edits: points, routes with their ordered stops and plans, and
 * the buildings' footprints (local metres) to place points on. Staff only: patrol times are private.
 */
export async function patrolSetup(db: Db, communityId: number) {
  const [points, routes, footprints] = await Promise.all([
    db
      .select({
        id: patrolPointsTable.id,
        code: patrolPointsTable.code,
        name: patrolPointsTable.name,
        buildingId: patrolPointsTable.buildingId,
        x: patrolPointsTable.x,
        y: patrolPointsTable.y,
      })
      .from(patrolPointsTable)
      .where(eq(patrolPointsTable.communityId, communityId))
      .orderBy(patrolPointsTable.id),
    db.select().from(patrolRoutes).where(eq(patrolRoutes.communityId, communityId)).orderBy(patrolRoutes.id),
    db
      .select({ id: buildings.id, number: buildings.number, name: buildings.name, footprint: buildings.footprint })
      .from(buildings)
      .where(eq(buildings.communityId, communityId))
      .orderBy(buildings.id),
  ]);
  const routeIds = routes.map((r) => r.id);
  const [stops, plans] = routeIds.length
    ? await Promise.all([
        db
          .select()
          .from(patrolRoutePoints)
          .where(inArray(patrolRoutePoints.routeId, routeIds))
          .orderBy(patrolRoutePoints.routeId, patrolRoutePoints.seq),
        db.select().from(patrolPlans).where(inArray(patrolPlans.routeId, routeIds)).orderBy(patrolPlans.id),
      ])
    : [[], []];
  return {
    points,
    buildings: footprints,
    routes: routes.map((r) => ({
      id: r.id,
      name: r.name,
      stops: stops
        .filter((s) => s.routeId === r.id)
        .map((s) => ({ pointId: s.pointId, dueMinutes: s.dueMinutes, windowMinutes: s.windowMinutes })),
      plans: plans
        .filter((p) => p.routeId === r.id)
        .map((p) => ({
          id: p.id,
          frequency: p.frequency,
          weekdays: p.weekdays,
          startTime: p.startTime,
          anchorDate: p.anchorDate,
          shift: p.shift,
        })),
    })),
  };
}
