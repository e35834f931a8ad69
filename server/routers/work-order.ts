import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { selectRows } from '~/db/client';
import { workOrders } from '~/db/schema';
import { WORK_ORDER_SOURCES, WORK_ORDER_STATES } from '~/db/vocab';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

export const workOrderRouter = createTRPCRouter({
  list: staffProcedure
    .input(
      slugInput.extend({
        state: z.enum(WORK_ORDER_STATES).optional(),
        source: z.enum(WORK_ORDER_SOURCES).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const where: SQL[] = [eq(workOrders.communityId, community.id)];
      if (input.state) where.push(eq(workOrders.state, input.state));
      if (input.source) where.push(eq(workOrders.source, input.source));
      return ctx.db.select().from(workOrders).where(and(...where)).orderBy(desc(workOrders.openedAt)).limit(input.limit);
    }),

  /**
   * Per grid: completion (办结率, done or later / all), resolution (解决率,
   * judged solved / answered at the return visit) and satisfaction (满意率,
   * rated 4–5 / rated). Rates are null where nothing was counted.
   */
  rates: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const rows = await selectRows<{ gridId: number | null; grid: string | null; total: number; completed: number; answered: number; resolved: number; rated: number; satisfied: number }>(
      ctx.db,
      sql`select w.grid_id as "gridId", g.name as grid, count(*)::int as total,
            count(*) filter (where w.state in ('done','return_visit','closed'))::int as completed,
            count(w.resolved)::int as answered,
            count(*) filter (where w.resolved = 'yes')::int as resolved,
            count(w.satisfaction)::int as rated,
            count(*) filter (where w.satisfaction >= 4)::int as satisfied
          from work_orders w left join grids g on g.id = w.grid_id
          where w.community_id = ${community.id}
          group by w.grid_id, g.name order by w.grid_id nulls last`,
    );
    const rate = (n: number, d: number) => (d === 0 ? null : n / d);
    return rows.map((r) => ({
      gridId: r.gridId, grid: r.grid, total: r.total,
      completionRate: rate(r.completed, r.total),
      resolutionRate: rate(r.resolved, r.answered),
      satisfactionRate: rate(r.satisfied, r.rated),
    }));
  }),
});
