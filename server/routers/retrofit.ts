import { z } from 'zod';
import { RETROFIT_STAGES_ALL } from '~/db/vocab';
import { DEFAULT_LOCALE } from '~/lib/locales';
import { errorMessage } from '../error-messages';
import { importVotes, moveRetrofitCase } from '../ops/retrofit-ops';
import { caseCostShares, retrofitByUnit, retrofitPipeline } from '../queries/retrofit-cases';
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
});
