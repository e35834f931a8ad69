import { and, asc, count, eq, gt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { devices } from '~/db/schema';
import { DEVICE_CLASSES, DEVICE_STATUSES } from '~/db/vocab';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

export const deviceRouter = createTRPCRouter({
  /** Devices counted by class and status. */
  summary: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return ctx.db
      .select({ class: devices.class, status: devices.status, count: count() })
      .from(devices)
      .where(eq(devices.communityId, community.id))
      .groupBy(devices.class, devices.status)
      .orderBy(asc(devices.class), asc(devices.status));
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
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const where: SQL[] = [eq(devices.communityId, community.id)];
      if (input.class) where.push(eq(devices.class, input.class));
      if (input.status) where.push(eq(devices.status, input.status));
      if (input.after !== undefined) where.push(gt(devices.id, input.after));
      const rows = await ctx.db
        .select({
          id: devices.id,
          code: devices.code,
          class: devices.class,
          name: devices.name,
          status: devices.status,
          statusSince: devices.statusSince,
          lastSeenAt: devices.lastSeenAt,
          buildingId: devices.buildingId,
          unitId: devices.unitId,
          floor: devices.floor,
          x: devices.x,
          y: devices.y,
          z: devices.z,
          poleId: devices.poleId,
          config: devices.config,
          telemetry: devices.telemetry,
        })
        .from(devices)
        .where(and(...where))
        .orderBy(asc(devices.id))
        .limit(input.limit);
      return { items: rows, next: rows.length === input.limit ? rows.at(-1)?.id : undefined };
    }),
});
