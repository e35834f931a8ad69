// The retrofit planner: coverage now and under scenarios, an optimizer, and
// saved scenarios. Planners see rooms, areas and age-band counts — never
// owners' names or phones (docs/DOMAIN.md § Privacy).
import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { planScenarios } from '~/db/schema';
import type { Db } from '~/db/client';
import { DEFAULT_COVERAGE, unitGain } from '../domain/coverage';
import { optimizeUnits } from '../domain/optimizer';
import { candidates, evaluateScenario, standing, unitCost } from '../domain/scenario';
import { loadPlanUnits } from '../queries/plan-units';
import { createTRPCRouter, plannerProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

const settingsInput = z
  .object({ minAge: z.union([z.literal(60), z.literal(80)]), minFloor: z.number().int().min(2).max(30) })
  .default(DEFAULT_COVERAGE);
const fen = z.number().int().min(0).max(1e13);
const unitIds = z.array(z.number().int().positive()).max(2000);
const scenarioId = z.object({ id: z.number().int().positive() });

async function scenarioById(db: Db, id: number) {
  const [s] = await db.select().from(planScenarios).where(eq(planScenarios.id, id));
  if (!s) throw new TRPCError({ code: 'NOT_FOUND', message: `没有编号为 ${id} 的方案 / No scenario ${id}` });
  return s;
}

/** A scenario's figures, with units that are not in the community dropped. */
async function evaluated(db: Db, communityId: number, ids: number[], settings: z.infer<typeof settingsInput>) {
  const units = await loadPlanUnits(db, communityId);
  return { units, evaluation: evaluateScenario(units, ids, settings) };
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const plannerRouter = createTRPCRouter({
  /** Every unit with its households' age bands, stranded residents, stage, consent and cost. */
  units: plannerProcedure.input(slugInput.extend({ settings: settingsInput })).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const units = await loadPlanUnits(ctx.db, community.id);
    return {
      community: { id: community.id, slug: community.slug, name: community.name, nameEn: community.nameEn },
      units: units.map((u) => {
        const gain = unitGain(u, input.settings);
        const cost = unitCost(u);
        return {
          unitId: u.unitId,
          buildingNumber: u.buildingNumber,
          buildingName: u.buildingName,
          unitName: u.unitName,
          floors: u.floors,
          stage: u.stage,
          hasElevator: u.hasElevator,
          households: u.households.length,
          residents60plus: u.households.reduce((n, h) => n + h.occupants60to79 + h.occupants80plus, 0),
          residents80plus: u.households.reduce((n, h) => n + h.occupants80plus, 0),
          mobilityImpaired: u.households.reduce((n, h) => n + h.mobilityImpaired, 0),
          stranded: u.hasElevator ? 0 : gain.stranded,
          consent: u.consent,
          standing: standing(u.consent),
          totalCostFen: cost.totalFen,
          subsidyFen: cost.subsidyFen,
          costEstimated: cost.estimated,
        };
      }),
    };
  }),

  /** Coverage before and after, cost and cost by floor, for a set of units. */
  evaluate: plannerProcedure
    .input(slugInput.extend({ unitIds, settings: settingsInput }))
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      return (await evaluated(ctx.db, community.id, input.unitIds, input.settings)).evaluation;
    }),

  /** Units that serve the most stranded residents within a budget and a subsidy cap, consent weighing in. */
  optimize: plannerProcedure
    .input(slugInput.extend({ budgetFen: fen, subsidyCapFen: fen, settings: settingsInput }))
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const units = await loadPlanUnits(ctx.db, community.id);
      return optimizeUnits({
        candidates: candidates(units, input.settings),
        budgetFen: input.budgetFen,
        subsidyCapFen: input.subsidyCapFen,
      });
    }),

  /** Saved scenarios of a community, each evaluated, newest first. */
  scenarios: plannerProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const [rows, units] = await Promise.all([
      ctx.db
        .select()
        .from(planScenarios)
        .where(eq(planScenarios.communityId, community.id))
        .orderBy(asc(planScenarios.id)),
      loadPlanUnits(ctx.db, community.id),
    ]);
    return rows.reverse().map((s) => ({
      id: s.id,
      name: s.name,
      unitIds: s.unitIds,
      budgetFen: s.budgetFen,
      subsidyCapFen: s.subsidyCapFen,
      settings: s.settings,
      createdAt: s.createdAt,
      evaluation: evaluateScenario(units, s.unitIds, s.settings),
    }));
  }),

  saveScenario: plannerProcedure
    .input(
      slugInput.extend({
        name: z.string().trim().min(1, '请为方案命名 / Name the scenario').max(80),
        unitIds: unitIds.min(1, '请至少选择一个单元 / Pick at least one unit'),
        budgetFen: fen.nullable().default(null),
        subsidyCapFen: fen.nullable().default(null),
        settings: settingsInput,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const known = new Set((await loadPlanUnits(ctx.db, community.id)).map((u) => u.unitId));
      const strangers = input.unitIds.filter((id) => !known.has(id));
      if (strangers.length > 0) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `单元 ${strangers.join(', ')} 不属于该社区 / Units ${strangers.join(', ')} are not in this community`,
        });
      }
      const [clash] = await ctx.db
        .select({ id: planScenarios.id })
        .from(planScenarios)
        .where(and(eq(planScenarios.communityId, community.id), eq(planScenarios.name, input.name)));
      if (clash)
        throw new TRPCError({
          code: 'CONFLICT',
          message: `已有名为“${input.name}”的方案，请换一个名称 / A scenario named "${input.name}" exists; choose another name`,
        });
      const [row] = await ctx.db
        .insert(planScenarios)
        .values({
          communityId: community.id,
          name: input.name,
          unitIds: [...new Set(input.unitIds)].sort((a, b) => a - b),
          budgetFen: input.budgetFen,
          subsidyCapFen: input.subsidyCapFen,
          settings: input.settings,
          createdBy: ctx.user.id,
        })
        .returning({ id: planScenarios.id });
      return { id: row!.id };
    }),

  deleteScenario: plannerProcedure.input(scenarioId).mutation(async ({ ctx, input }) => {
    await scenarioById(ctx.db, input.id);
    await ctx.db.delete(planScenarios).where(eq(planScenarios.id, input.id));
    return { id: input.id };
  }),

  /** One scenario with its units and evaluation, for the printable report. */
  scenario: plannerProcedure.input(scenarioId).query(async ({ ctx, input }) => {
    const s = await scenarioById(ctx.db, input.id);
    const { units, evaluation } = await evaluated(ctx.db, s.communityId, s.unitIds, s.settings);
    const chosen = units
      .filter((u) => s.unitIds.includes(u.unitId))
      .map((u) => {
        const cost = unitCost(u);
        return {
          unitId: u.unitId,
          buildingName: u.buildingName,
          unitName: u.unitName,
          stage: u.stage,
          standing: standing(u.consent),
          missing: u.consent?.missing ?? null,
          stranded: u.hasElevator ? 0 : unitGain(u, s.settings).stranded,
          households: u.households.length,
          totalCostFen: cost.totalFen,
          subsidyFen: cost.subsidyFen,
          costEstimated: cost.estimated,
        };
      });
    return {
      id: s.id,
      name: s.name,
      communityId: s.communityId,
      settings: s.settings,
      budgetFen: s.budgetFen,
      subsidyCapFen: s.subsidyCapFen,
      createdAt: s.createdAt,
      units: chosen,
      evaluation,
    };
  }),

  /** A scenario as CSV, one line per unit, money in yuan. */
  exportCsv: plannerProcedure.input(scenarioId).query(async ({ ctx, input }) => {
    const s = await scenarioById(ctx.db, input.id);
    const { units } = await evaluated(ctx.db, s.communityId, s.unitIds, s.settings);
    const header = [
      '楼栋 building',
      '单元 unit',
      '阶段 stage',
      '表决 consent',
      '悬空老人 stranded',
      '户数 households',
      '总造价(元) cost_yuan',
      '补贴(元) subsidy_yuan',
      '业主分摊(元) owners_yuan',
      '造价为估算 estimated',
    ];
    const lines = units
      .filter((u) => s.unitIds.includes(u.unitId))
      .map((u) => {
        const cost = unitCost(u);
        return [
          u.buildingName,
          u.unitName,
          u.stage ?? '',
          standing(u.consent),
          u.hasElevator ? 0 : unitGain(u, s.settings).stranded,
          u.households.length,
          (cost.totalFen / 100).toFixed(2),
          (cost.subsidyFen / 100).toFixed(2),
          ((cost.totalFen - cost.subsidyFen) / 100).toFixed(2),
          cost.estimated ? 'yes' : 'no',
        ];
      });
    // The byte-order mark lets Excel open the UTF-8 Chinese headers correctly.
    const csv = `\uFEFF${[header, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
    return { fileName: `scenario-${s.id}.csv`, csv };
  }),
});
