import { z } from 'zod';
import { INCIDENT_KINDS } from '~/db/vocab';
import { communityBySlug } from '../queries/communities';
import { incidentFloorCounts } from '../queries/incident-floor-counts';
import { recentIncidents } from '../queries/incidents';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { localDate, slugInput } from './_inputs';

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
      return recentIncidents(ctx.db, { communityId: community.id, kind: input.kind, limit: input.limit });
    }),
});
