// The retrofit planner: coverage now and under scenarios, an optimizer, and
// saved scenarios. Planners see rooms, areas and age-band counts, never
// owners' names or phones.
import { z } from 'zod';
import { DEFAULT_COVERAGE } from '../domain/coverage';
import { deleteScenario, saveScenario } from '../ops/scenario-ops';
import { communityBySlug } from '../queries/communities';
import { evaluatePlan, optimizePlan, plannerUnits, scenarioList, scenarioReport } from '../queries/planner';
import { scenarioCsv } from '../queries/scenario-csv';
import { createTRPCRouter, plannerProcedure } from '../trpc';
import { inputError, slugInput } from './_inputs';

const settingsInput = z
  .object({ minAge: z.union([z.literal(60), z.literal(80)]), minFloor: z.number().int().min(2).max(30) })
  .default(DEFAULT_COVERAGE);
const fen = z.number().int().min(0).max(1e13);
const unitIds = z.array(z.number().int().positive()).max(2000);
const scenarioId = z.object({ id: z.number().int().positive() });

export const plannerRouter = createTRPCRouter({
  /** Every unit with its households' age bands, stranded residents, stage, consent and cost. */
  units: plannerProcedure.input(slugInput.extend({ settings: settingsInput })).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return plannerUnits(ctx.db, community, input.settings);
  }),

  /** Coverage before and after, cost and cost by floor, for a set of units. */
  evaluate: plannerProcedure
    .input(slugInput.extend({ unitIds, settings: settingsInput }))
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      return evaluatePlan(ctx.db, community.id, input.unitIds, input.settings);
    }),

  /** Units that serve the most stranded residents within a budget and a subsidy cap, consent weighing in. */
  optimize: plannerProcedure
    .input(slugInput.extend({ budgetFen: fen, subsidyCapFen: fen, settings: settingsInput }))
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      return optimizePlan(ctx.db, community.id, input);
    }),

  /** Saved scenarios of a community, each evaluated, newest first. */
  scenarios: plannerProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return scenarioList(ctx.db, community.id);
  }),

  saveScenario: plannerProcedure
    .input(
      slugInput.extend({
        name: z.string().trim().min(1, inputError('input.scenarioName')).max(80),
        unitIds: unitIds.min(1, inputError('input.scenarioUnits')),
        budgetFen: fen.nullable().default(null),
        subsidyCapFen: fen.nullable().default(null),
        settings: settingsInput,
      }),
    )
    .mutation(async ({ ctx, input: { slug, ...scenario } }) => {
      const community = await communityBySlug(ctx.db, slug);
      return saveScenario(ctx.db, { ...scenario, communityId: community.id, createdBy: ctx.user.id });
    }),

  deleteScenario: plannerProcedure.input(scenarioId).mutation(({ ctx, input }) => deleteScenario(ctx.db, input.id)),

  /** One scenario with its units and evaluation, for the printable report. */
  scenario: plannerProcedure.input(scenarioId).query(({ ctx, input }) => scenarioReport(ctx.db, input.id)),

  /** A scenario as CSV, one line per unit, money in yuan. */
  exportCsv: plannerProcedure.input(scenarioId).query(({ ctx, input }) => scenarioCsv(ctx.db, input.id)),
});
