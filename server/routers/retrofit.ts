import { z } from 'zod';
import { CONSENT_RULES, RETROFIT_STAGES_ALL } from '~/db/vocab';
import { DEFAULT_LOCALE } from '~/lib/locales';
import { errorMessage } from '../error-messages';
import { importVotes, moveRetrofitCase, openRetrofitCase, setRetrofitInputs } from '../ops/retrofit-ops';
import { caseCostShares, retrofitByUnit, retrofitPipeline, retrofitSetup } from '../queries/retrofit-cases';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { localDate, slugInput } from './_inputs';

const caseInput = z.object({ caseId: z.number().int().positive() });

const moveInput = caseInput.extend({
  to: z.enum(RETROFIT_STAGES_ALL),
  on: localDate,
  note: z.string().trim().max(500).optional(),
  publicityProposal: z.string().trim().max(500).optional(),
  objectionChannel: z.string().trim().max(200).optional(),
});

const importInput = slugInput.extend({
  format: z.enum(['csv', 'xlsx']),
  /** CSV text, or the .xlsx file's bytes in base64. ~2 MB is thousands of rows. */
  content: z.string().min(1).max(3_000_000),
});

const yuan = z.number().finite().min(0).max(100_000_000);

const inputsInput = caseInput.extend({
  totalCostYuan: yuan.nullable().optional(),
  subsidy: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('percent'), percent: z.number().min(0).max(100), capYuan: yuan }),
      z.object({ kind: z.literal('fixed'), amountYuan: yuan }),
    ])
    .nullable()
    .optional(),
  /** Floor ("3") → coefficient; null for the published default table. */
  floorCoefficients: z
    .record(z.string().regex(/^([1-9]|[1-9]\d)$/), z.number().min(0).max(5))
    .refine((t) => Object.keys(t).length > 0 && Object.keys(t).length <= 99)
    .nullable()
    .optional(),
  consentRule: z.enum(CONSENT_RULES).optional(),
  publicityDays: z.number().int().min(5).max(60).optional(),
});

export const retrofitRouter = createTRPCRouter({
  /** Every unit's retrofit case: stage, the date of each stage change, and the vote tally. */
  byUnit: communityProcedure('planner', 'slug')
    .input(slugInput)
    .query(({ ctx }) => retrofitByUnit(ctx.db, ctx.community.id)),

  /** The pipeline by unit: stages with dates and notes, publicity, objections, consent, and the joint-meeting log. */
  pipeline: communityProcedure('planner', 'slug')
    .input(slugInput)
    .query(({ ctx }) => retrofitPipeline(ctx.db, ctx.community)),

  /** Each household's share of a case's cost, by room, floor and area. */
  costShares: communityProcedure('planner', 'retrofitCase:caseId')
    .input(caseInput)
    .query(({ ctx, input }) => caseCostShares(ctx.db, input.caseId)),

  /** Moves a case to another stage, dated, with a note; refused with the reason when it breaks a rule. */
  move: communityProcedure('staff', 'retrofitCase:caseId')
    .input(moveInput)
    .mutation(({ ctx, input }) => moveRetrofitCase(ctx.db, input, ctx.user.name)),

  /** Imports willingness registrations and votes from CSV or .xlsx; nothing is written while any row is bad. */
  importVotes: communityProcedure('staff', 'slug')
    .input(importInput)
    .mutation(async ({ ctx, input }) => {
      const report = await importVotes(ctx.db, ctx.community.id, input);
      // Each refused row is worded in the caller's language from its code (errors.voteImport.<code>).
      const locale = ctx.locale ?? DEFAULT_LOCALE;
      return {
        ...report,
        errors: report.errors.map((e) => ({ ...e, message: errorMessage(`voteImport.${e.code}`, e.params, locale) })),
      };
    }),

  /** The setup page: every unit, with its case's cost inputs if it has one. */
  setup: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => retrofitSetup(ctx.db, ctx.community.id)),

  /** Opens a case for a unit at 'intent', dated today, a ballot per household; refused if it has one. Audited. */
  open: communityProcedure('staff', 'unit:unitId')
    .input(z.object({ unitId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => openRetrofitCase(ctx.db, input.unitId, ctx.user.email)),

  /** Sets a case's total cost (yuan), subsidy rule, floor coefficients, consent rule and publicity days. Audited. */
  setInputs: communityProcedure('staff', 'retrofitCase:caseId')
    .input(inputsInput)
    .mutation(({ ctx, input: { caseId, ...inputs } }) => setRetrofitInputs(ctx.db, caseId, inputs, ctx.user.email)),
});
