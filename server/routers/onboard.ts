// Founding a community and following its onboarding (docs/ONBOARDING.md). The steps' own
// procedures live with their objects (site, household, device, grid, patrol, retrofit).
import { z } from 'zod';
import { THRESHOLD_KEYS, thresholdTable, type ThresholdKey } from '../domain/alarm-rules';
import { POINT_CRS_NAMES } from '../geo/crs';
import { createCommunity, updateCommunity } from '../ops/community-ops';
import { setThresholds } from '../ops/threshold-ops';
import { foundingContext } from '../queries/founding';
import { communityChangeLog, onboardingProgress } from '../queries/onboarding';
import { communityProcedure, createTRPCRouter, signedInProcedure, streetProcedure } from '../trpc';
import { slugInput } from './_inputs';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const particulars = z.object({
  name: text(60),
  nameEn: z.string().trim().max(80).optional(),
  neighbourhood: z.string().trim().max(60).optional(),
  street: text(60),
  district: text(60),
  address: optionalText(200),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-\s()（）转]{5,30}$/)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null)),
  contactAddress: optionalText(200),
  officeHours: optionalText(100),
});

const anchor = z.object({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-85).max(85),
  crs: z.enum(POINT_CRS_NAMES).default('wgs84'),
});

const createInput = particulars.merge(anchor).extend(slugInput.shape);

const updateInput = slugInput.extend({
  ...particulars.partial().shape,
  ...anchor.partial().shape,
});

// Bounds are checked below the router (threshold.outOfBounds, with the bounds in the message).
const thresholdValues = z.object(
  Object.fromEntries(THRESHOLD_KEYS.map((k) => [k, z.number().finite().nullable().optional()])) as Record<
    ThresholdKey,
    z.ZodOptional<z.ZodNullable<z.ZodNumber>>
  >,
);

export const onboardRouter = createTRPCRouter({
  /** Founds a community on a street: an admin, or the street's district role. Audited. */
  create: streetProcedure
    .input(createInput)
    .mutation(({ ctx, input }) => createCommunity(ctx.db, input, ctx.user.email)),

  /**
   * For the new-community form: the streets the caller may found a community on (with their
   * district), whether any street will do (an admin), and the existing communities' anchors.
   */
  founding: signedInProcedure.query(({ ctx }) => foundingContext(ctx.db, ctx.user)),

  /** The community's own record, contact and anchor included, for its settings page. */
  settings: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => ctx.community),

  /** Changes name, street office, address, contact; the anchor only while no building exists. Audited. */
  update: communityProcedure('staff', 'slug')
    .input(updateInput)
    .mutation(({ ctx, input: { slug: _slug, ...patch } }) =>
      updateCommunity(ctx.db, ctx.community.id, patch, ctx.user.email),
    ),

  /** What each onboarding step has made so far. */
  progress: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => onboardingProgress(ctx.db, ctx.community.id)),

  /** The community's change trail, newest first. */
  changes: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => communityChangeLog(ctx.db, ctx.community.id)),

  /** The alarm thresholds in force, each with its design value, bounds, unit and device class. */
  thresholds: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => thresholdTable(ctx.community.thresholds)),

  /**
   * Sets thresholds (null: back to the design value), each within its bounds; the ingest reads
   * them from the next event on (the community's cached devices are dropped). Audited.
   */
  setThresholds: communityProcedure('staff', 'slug')
    .input(slugInput.extend({ values: thresholdValues }))
    .mutation(async ({ ctx, input }) => {
      const { thresholds, deviceCodes } = await setThresholds(ctx.db, ctx.community.id, input.values, ctx.user.email);
      if (deviceCodes.length) await ctx.forgetDevices?.(deviceCodes);
      return thresholds;
    }),
});
