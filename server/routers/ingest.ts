// Device credentials and the ingest's refusals. Tokens are shown once, when
// issued; the database keeps only their hashes (server/ingest/tokens.ts).
import { TRPCError } from '@trpc/server';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { deadLetters, devices } from '~/db/schema';
import { DEVICE_CLASSES } from '~/db/vocab';
import { issueDeviceTokens } from '../ingest/tokens';
import { getRuntimeIfStarted } from '../runtime/app-runtime';
import { adminProcedure, createTRPCRouter, staffProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

const deviceCode = z.string().regex(/^[A-Z0-9-]{1,64}$/, '设备编号 / a device code like JH-SMK-00042');

export const ingestRouter = createTRPCRouter({
  /** Issues a new token for one device (rotating any old one) and returns it, once. */
  issueToken: adminProcedure.input(z.object({ code: deviceCode })).mutation(async ({ ctx, input }) => {
    const [device] = await ctx.db
      .select({ communityId: devices.communityId })
      .from(devices)
      .where(eq(devices.code, input.code));
    if (!device) throw new TRPCError({ code: 'NOT_FOUND', message: `没有这个设备 / No device "${input.code}"` });
    const [issued] = await issueDeviceTokens(ctx.db, {
      communityId: device.communityId,
      codes: [input.code],
      limit: 1,
    });
    (await getRuntimeIfStarted())?.directory.forget(input.code);
    return issued!;
  }),

  /** Issues tokens for many devices of a community at once (provisioning, the simulator). */
  issueTokens: adminProcedure
    .input(
      slugInput.extend({
        codes: z.array(deviceCode).max(20_000).optional(),
        classes: z.array(z.enum(DEVICE_CLASSES)).min(1).optional(),
        perClass: z.number().int().min(1).max(20_000).optional(),
        limit: z.number().int().min(1).max(20_000).default(1000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const issued = await issueDeviceTokens(ctx.db, { communityId: community.id, ...input });
      const runtime = await getRuntimeIfStarted();
      for (const t of issued) runtime?.directory.forget(t.code);
      return issued;
    }),

  /** Input the MQTT door refused, newest first. */
  deadLetters: staffProcedure
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => ctx.db.select().from(deadLetters).orderBy(desc(deadLetters.id)).limit(input.limit)),
});
