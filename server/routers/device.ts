import { z } from 'zod';
import { DEVICE_CLASSES, DEVICE_STATUSES } from '~/db/vocab';
import { communityBySlug } from '../queries/communities';
import { devicePage, deviceSummary } from '../queries/devices';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { slugInput } from './_inputs';

export const deviceRouter = createTRPCRouter({
  /** Devices counted by class and status. */
  summary: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return deviceSummary(ctx.db, community.id);
  }),

  /** Devices by class and status, a page at a time (keyset on id). */
  list: staffProcedure
    .input(
      slugInput.extend({
        class: z.enum(DEVICE_CLASSES).optional(),
        status: z.enum(DEVICE_STATUSES).optional(),
        after: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      }),
    )
    .query(async ({ ctx, input: { slug, ...page } }) => {
      const community = await communityBySlug(ctx.db, slug);
      return devicePage(ctx.db, { ...page, communityId: community.id });
    }),
});
