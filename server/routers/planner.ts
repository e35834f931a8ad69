// The retrofit planner: coverage now and under scenarios, an optimizer, and
// saved scenarios. Planners see rooms, areas and age-band counts, never
// owners' names or phones.
import { z } from 'zod';
import { DEFAULT_COVERAGE } from '../domain/coverage';
import { deleteScenario, saveScenario } from '../ops/scenario-ops';
import { evaluatePlan, optimizePlan, plannerUnits, scenarioList, scenarioReport } from '../queries/planner';
import { scenarioCsv } from '../queries/scenario-csv';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { inputError, slugInput } from './_inputs';

const settingsInput = z
  .object({ minAge: z.union([z.literal(60), z.literal(80)]), minFloor: z.number().int().min(2).max(30) })
  .default(DEFAULT_COVERAGE);
const fen = z.number().int().min(0).max(1e13);
const unitIds = z.array(z.number().int().positive()).max(2000);
const scenarioId = z.object({ id: z.number().int().positive() });

export const plannerRouter = createTRPCRouter({
  /** Every unit with its households' age bands, stranded residents, stage, consent and cost. */
  units: communityProcedure('planner', 'slug')
    .input(slugInput.extend({ settings: settingsInput }))
    .query(({ ctx, input }) => plannerUnits(ctx.db, ctx.community, input.settings)),

  /** Coverage before and after, cost and cost by floor, for a set of units. */
  evaluate: communityProcedure('planner', 'slug')
    .input(slugInput.extend({ unitIds, settings: settingsInput }))
    .query(({ ctx, input }) => evaluatePlan(ctx.db, ctx.community.id, input.unitIds, input.settings)),

  /** Units that serve the most stranded residents within a budget and a subsidy cap, consent weighing in. */
  optimize: communityProcedure('planner', 'slug')
    .input(slugInput.extend({ budgetFen: fen, subsidyCapFen: fen, settings: settingsInput }))
    .query(({ ctx, input }) => optimizePlan(ctx.db, ctx.community.id, input)),

  /** Saved scenarios of a community, each evaluated, newest first. */
  scenarios: communityProcedure('planner', 'slug')
    .input(slugInput)
    .query(({ ctx }) => scenarioList(ctx.db, ctx.community.id)),

  saveScenario: communityProcedure('planner', 'slug')
    .input(
      slugInput.extend({
        name: z.string().trim().min(1, inputError('input.scenarioName')).max(80),
        unitIds: unitIds.min(1, inputError('input.scenarioUnits')),
        budgetFen: fen.nullable().default(null),
        subsidyCapFen: fen.nullable().default(null),
        settings: settingsInput,
      }),
    )
    .mutation(({ ctx, input }) =>
      saveScenario(ctx.db, { ...input, communityId: ctx.community.id, createdBy: ctx.user.id }),
    ),

  deleteScenario: communityProcedure('planner', 'scenario:id')
    .input(scenarioId)
    .mutation(({ ctx, input }) => deleteScenario(ctx.db, input.id)),

  /** One scenario with its units and evaluation, for the printable report. */
  scenario: communityProcedure('planner', 'scenario:id')
    .input(scenarioId)
    .query(({ ctx, input }) => scenarioReport(ctx.db, input.id)),

  /** A scenario as CSV, one line per unit, money in yuan. */
  exportCsv: communityProcedure('planner', 'scenario:id')
    .input(scenarioId)
    .query(({ ctx, input }) => scenarioCsv(ctx.db, input.id)),
});
