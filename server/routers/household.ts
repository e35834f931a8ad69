import { z } from 'zod';
import { DEFAULT_LOCALE } from '~/lib/locales';
import { errorMessage } from '../error-messages';
import { normalizePhone } from '../onboard/households';
import { importHouseholds, updateHousehold } from '../ops/household-ops';
import { householdRegister } from '../queries/households';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { inputError, slugInput } from './_inputs';

/** A spreadsheet upload: CSV text, or the .xlsx file's bytes in base64 (~2 MB is thousands of rows). */
export const importFileInput = slugInput.extend({
  format: z.enum(['csv', 'xlsx']),
  content: z.string().min(1).max(3_000_000),
  dryRun: z.boolean().optional(),
});

const count = z.number().int().min(0).max(20);

export const householdRouter = createTRPCRouter({
  /**
   * Imports the household register (dry run: only checks); nothing is written while any row is
   * bad. Each refused row is worded in the caller's language (errors.householdImport.<code>).
   */
  importHouseholds: communityProcedure('staff', 'slug')
    .input(importFileInput)
    .mutation(async ({ ctx, input }) => {
      const report = await importHouseholds(ctx.db, ctx.community.id, input, ctx.user.email);
      const locale = ctx.locale ?? DEFAULT_LOCALE;
      return {
        ...report,
        errors: report.errors.map((e) => ({
          ...e,
          message: errorMessage(`householdImport.${e.code}`, e.params, locale),
        })),
      };
    }),

  /** Units with their counts, and one unit's households a page at a time; no names or phones. */
  list: communityProcedure('staff', 'slug')
    .input(
      slugInput.extend({
        unitId: z.number().int().positive().optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(200),
      }),
    )
    .query(({ ctx, input }) => householdRegister(ctx.db, { ...input, communityId: ctx.community.id })),

  /** Edits one household; the owner's name and phone may be set or cleared, never read. */
  update: communityProcedure('staff', 'household:id')
    .input(
      z.object({
        id: z.number().int().positive(),
        areaM2: z.number().positive().max(2000).optional(),
        occupants0to59: count.optional(),
        occupants60to79: count.optional(),
        occupants80plus: count.optional(),
        mobilityImpaired: count.optional(),
        ownerName: z.string().trim().max(40).nullable().optional(),
        ownerPhone: z
          .string()
          .trim()
          .refine((v) => v === '' || normalizePhone(v) !== null, inputError('input.phone'))
          .nullable()
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateHousehold(ctx.db, input, ctx.community.id, ctx.user.email)),
});
