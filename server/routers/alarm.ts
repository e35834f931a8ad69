import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { alarms } from '~/db/schema';
import { ALARM_STATES } from '~/db/vocab';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

export const alarmRouter = createTRPCRouter({
  /** Alarms in the given states, newest first; by default the ones still open. */
  list: staffProcedure
    .input(
      slugInput.extend({
        states: z.array(z.enum(ALARM_STATES)).min(1).default(['open', 'acknowledged', 'in_progress']),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      return ctx.db
        .select()
        .from(alarms)
        .where(and(eq(alarms.communityId, community.id), inArray(alarms.state, input.states)))
        .orderBy(desc(alarms.openedAt))
        .limit(input.limit);
    }),
});
