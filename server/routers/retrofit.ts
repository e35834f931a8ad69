import { asc, eq, inArray, sql } from 'drizzle-orm';
import { buildings, households, retrofitCases, retrofitStageChanges, retrofitVotes, units } from '~/db/schema';
import type { Vote } from '~/db/vocab';
import { createTRPCRouter, plannerProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

type Tally = Record<Vote, { households: number; areaM2: number }>;

function emptyTally(): Tally {
  return {
    agree: { households: 0, areaM2: 0 },
    oppose: { households: 0, areaM2: 0 },
    abstain: { households: 0, areaM2: 0 },
    not_voted: { households: 0, areaM2: 0 },
  };
}

export const retrofitRouter = createTRPCRouter({
  /** Every unit's retrofit case: stage, the date of each stage change, and the vote tally. */
  byUnit: plannerProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const cases = await ctx.db
      .select({
        caseId: retrofitCases.id, unitId: units.id, unitName: units.name, buildingId: buildings.id,
        buildingNumber: buildings.number, buildingName: buildings.name, stage: retrofitCases.stage,
        stalledReason: retrofitCases.stalledReason, publicityDays: retrofitCases.publicityDays,
        consentRule: retrofitCases.consentRule, totalCostFen: retrofitCases.totalCostFen, subsidyRule: retrofitCases.subsidyRule,
      })
      .from(retrofitCases)
      .innerJoin(units, eq(units.id, retrofitCases.unitId))
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(eq(buildings.communityId, community.id))
      .orderBy(asc(buildings.id), asc(units.ordinal));
    const caseIds = cases.map((c) => c.caseId);
    if (caseIds.length === 0) return [];
    const [changes, votes] = await Promise.all([
      ctx.db
        .select({ caseId: retrofitStageChanges.caseId, stage: retrofitStageChanges.stage, on: retrofitStageChanges.on })
        .from(retrofitStageChanges)
        .where(inArray(retrofitStageChanges.caseId, caseIds))
        .orderBy(asc(retrofitStageChanges.on), asc(retrofitStageChanges.id)),
      ctx.db
        .select({
          caseId: retrofitVotes.caseId, vote: retrofitVotes.vote,
          households: sql<number>`count(*)::int`, areaM2: sql<number>`coalesce(sum(${households.areaM2}), 0)::float8`,
        })
        .from(retrofitVotes)
        .innerJoin(households, eq(households.id, retrofitVotes.householdId))
        .where(inArray(retrofitVotes.caseId, caseIds))
        .groupBy(retrofitVotes.caseId, retrofitVotes.vote),
    ]);
    return cases.map((c) => {
      const tally = emptyTally();
      for (const v of votes) if (v.caseId === c.caseId) tally[v.vote] = { households: v.households, areaM2: v.areaM2 };
      return { ...c, history: changes.filter((h) => h.caseId === c.caseId).map(({ stage, on }) => ({ stage, on })), tally };
    });
  }),
});
