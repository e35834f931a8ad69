import { z } from 'zod';
import { INCIDENT_KINDS } from '~/db/vocab';
import { incidentFloorCounts } from '../queries/incident-floor-counts';
import { recentIncidents } from '../queries/incidents';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { localDate, slugInput } from './_inputs';

export const incidentRouter = createTRPCRouter({
  /** Throwing incidents counted by building × floor over a period (from the rollup). */
  floorCounts: communityProcedure('staff', 'slug')
    .input(slugInput.extend({ from: localDate, to: localDate, buildingId: z.number().int().positive().optional() }))
    .query(({ ctx, input }) =>
      incidentFloorCounts(ctx.db, {
        communityId: ctx.community.id,
        from: input.from,
        to: input.to,
        buildingId: input.buildingId,
      }),
    ),

  recent: communityProcedure('staff', 'slug')
    .input(
      slugInput.extend({
        kind: z.enum(INCIDENT_KINDS).optional(),
        limit: z.number().int().min(1).max(500).default(50),
      }),
    )
    .query(({ ctx, input }) =>
      recentIncidents(ctx.db, { communityId: ctx.community.id, kind: input.kind, limit: input.limit }),
    ),
});
