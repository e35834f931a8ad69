import { sql } from 'drizzle-orm';
import { selectRows } from '~/db/client';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

export const patrolRouter = createTRPCRouter({
  /** Patrol points with their last check-in: the twin tints them by time since. */
  points: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return selectRows<{ id: number; code: string; name: string; buildingId: number | null; x: number; y: number; z: number; lastCheckinAt: Date | string | null }>(
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
});
