import { z } from 'zod';
import { DEVICE_CLASSES, DEVICE_STATUSES } from '~/db/vocab';
import { DEFAULT_LOCALE } from '~/lib/locales';
import { errorMessage } from '../error-messages';
import {
  importDevices,
  mosquittoEntries,
  reissueToken,
  retireDevice,
  setMaintenance,
  tokensCsv,
  updateDevice,
} from '../ops/device-ops';
import { deviceHistory } from '../queries/device-history';
import { devicePage, devicePlaces, deviceSummary } from '../queries/devices';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { importFileInput } from './household';
import { idInput, slugInput } from './_inputs';

export const deviceRouter = createTRPCRouter({
  /** Devices counted by class and status. */
  summary: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => deviceSummary(ctx.db, ctx.community.id)),

  /** Devices by class, status, building and code, a page at a time (keyset on id). */
  list: communityProcedure('staff', 'slug')
    .input(
      slugInput.extend({
        class: z.enum(DEVICE_CLASSES).optional(),
        status: z.enum(DEVICE_STATUSES).optional(),
        buildingId: z.number().int().positive().optional(),
        search: z.string().trim().max(64).optional(),
        after: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      }),
    )
    .query(({ ctx, input }) => devicePage(ctx.db, { ...input, communityId: ctx.community.id })),

  /** The device's numeric readings of the last 24 hours, averaged per field over 10-minute buckets (bounded). */
  history: communityProcedure('staff', 'device:id')
    .input(idInput)
    .query(({ ctx, input }) => deviceHistory(ctx.db, input.id)),

  /** Buildings and units a device may be placed in. */
  places: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => devicePlaces(ctx.db, ctx.community.id)),

  /**
   * Imports the installer's device list (dry run: only checks); nothing is written while any row
   * is bad. New devices' tokens come back once, with tokens.csv and Mosquitto lines for them.
   */
  importDevices: communityProcedure('staff', 'slug')
    .input(importFileInput)
    .mutation(async ({ ctx, input }) => {
      const report = await importDevices(ctx.db, ctx.community.id, input, ctx.user.email);
      const locale = ctx.locale ?? DEFAULT_LOCALE;
      return {
        ...report,
        errors: report.errors.map((e) => ({ ...e, message: errorMessage(`deviceImport.${e.code}`, e.params, locale) })),
        tokensCsv: report.tokens.length ? tokensCsv(report.tokens) : '',
        mosquitto: mosquittoEntries(ctx.community.slug, report.tokens),
      };
    }),

  /** Name, heartbeat or place (building, unit, floor). */
  update: communityProcedure('staff', 'device:id')
    .input(
      idInput.extend({
        name: z.string().trim().min(1).max(80).optional(),
        heartbeatSeconds: z.number().int().min(10).max(86_400).optional(),
        place: z
          .object({
            buildingId: z.number().int().positive(),
            unitId: z.number().int().positive().nullable().optional(),
            floor: z.number().int().min(-5).max(200).nullable().optional(),
          })
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateDevice(ctx.db, input, ctx.user.email)),

  /** Maintenance on or off; consoles see the status change live. */
  setMaintenance: communityProcedure('staff', 'device:id')
    .input(idInput.extend({ on: z.boolean() }))
    .mutation(({ ctx, input }) => setMaintenance(ctx.db, ctx.live, input.id, input.on, ctx.user.email)),

  /** Deletes the device and with it its token; its alarms stay on record. */
  retire: communityProcedure('staff', 'device:id')
    .input(idInput)
    .mutation(async ({ ctx, input }) => {
      const retired = await retireDevice(ctx.db, input.id, ctx.user.email);
      await ctx.forgetDevices?.([retired.code]);
      return retired;
    }),

  /** A new token for the device, shown once; the old one stops working. */
  reissueToken: communityProcedure('staff', 'device:id')
    .input(idInput)
    .mutation(async ({ ctx, input }) => {
      const issued = await reissueToken(ctx.db, input.id, ctx.user.email);
      await ctx.forgetDevices?.([issued.code]);
      return { ...issued, tokensCsv: tokensCsv([issued]), mosquitto: mosquittoEntries(ctx.community.slug, [issued]) };
    }),
});
