import { z } from 'zod';
import { DEVICE_CLASSES, DEVICE_STATUSES } from '~/db/vocab';
import { devicePage, deviceSummary } from '../queries/devices';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { slugInput } from './_inputs';

export const deviceRouter = createTRPCRouter({
  /** Devices counted by class and status. */
  summary: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => deviceSummary(ctx.db, ctx.community.id)),

  /** Devices by class and status, a page at a time (keyset on id). */
  list: communityProcedure('staff', 'slug')
    .input(
      slugInput.extend({
        class: z.enum(DEVICE_CLASSES).optional(),
        status: z.enum(DEVICE_STATUSES).optional(),
        after: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      }),
    )
    .query(({ ctx, input }) => devicePage(ctx.db, { ...input, communityId: ctx.community.id })),
});
