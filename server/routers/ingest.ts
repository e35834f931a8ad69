// Device credentials and the ingest's refusals. Tokens are shown once, when
// issued; the database keeps only their hashes (server/ingest/tokens.ts).
import { z } from 'zod';
import { DEVICE_CLASSES } from '~/db/vocab';
import { issueCommunityTokens, issueDeviceToken } from '../ops/device-tokens';
import { communityBySlug } from '../queries/communities';
import { deadLetterList } from '../queries/devices';
import { adminProcedure, createTRPCRouter, reachProcedure } from '../trpc';
import { inputError, slugInput } from './_inputs';

const deviceCode = z.string().regex(/^[A-Z0-9-]{1,64}$/, inputError('input.deviceCode'));

export const ingestRouter = createTRPCRouter({
  /** Issues a new token for one device (rotating any old one) and returns it, once. */
  issueToken: adminProcedure.input(z.object({ code: deviceCode })).mutation(async ({ ctx, input }) => {
    const issued = await issueDeviceToken(ctx.db, input.code);
    await ctx.forgetDevices?.([input.code]);
    return issued;
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
      const issued = await issueCommunityTokens(ctx.db, { ...input, communityId: community.id });
      await ctx.forgetDevices?.(issued.map((t) => t.code));
      return issued;
    }),

  /** Input the MQTT door refused, newest first. */
  deadLetters: reachProcedure('staff')
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => deadLetterList(ctx.db, ctx.reach, input.limit)),
});
