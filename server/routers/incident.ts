import { and, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { incidents } from '~/db/schema';
import { INCIDENT_KINDS } from '~/db/vocab';
import { incidentFloorCounts } from '../queries/incident-floor-counts';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { communityBySlug, localDate, slugInput } from './_inputs';

export const incidentRouter = createTRPCRouter({
  /** Throwing incidents counted by building × floor over a period (from the rollup). */
  floorCounts: staffProcedure
    .input(slugInput.extend({ from: localDate, to: localDate, buildingId: z.number().int().positive().optional() }))
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      return incidentFloorCounts(ctx.db, {
        communityId: community.id,
        from: input.from,
        to: input.to,
        buildingId: input.buildingId,
      });
    }),

  recent: staffProcedure
    .input(
      slugInput.extend({
        kind: z.enum(INCIDENT_KINDS).optional(),
        limit: z.number().int().min(1).max(500).default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const where: SQL[] = [eq(incidents.communityId, community.id)];
      if (input.kind) where.push(eq(incidents.kind, input.kind));
      return ctx.db
        .select()
        .from(incidents)
        .where(and(...where))
        .orderBy(desc(incidents.occurredAt))
        .limit(input.limit);
    }),
});
