import { TRPCError } from '@trpc/server';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  buildings,
  households,
  retrofitCases,
  retrofitMeetings,
  retrofitStageChanges,
  retrofitVotes,
  units,
} from '~/db/schema';
import { RETROFIT_STAGES_ALL, stageIndex, type Vote } from '~/db/vocab';
import { CostShareError, costShares } from '../domain/cost-share';
import { checkMove, publicityPeriod } from '../domain/stage-rules';
import { validateImport, type ImportTarget } from '../domain/vote-import';
import { localToday } from '~/lib/calendar';
import { readTable, UnreadableFileError } from '../import/read-table';
import { loadCases, type LoadedCase } from '../queries/retrofit-cases';
import { createTRPCRouter, plannerProcedure, staffProcedure } from '../trpc';
import { communityBySlug, localDate, slugInput } from './_inputs';

type Tally = Record<Vote, { households: number; areaM2: number }>;

function emptyTally(): Tally {
  return {
    agree: { households: 0, areaM2: 0 },
    oppose: { households: 0, areaM2: 0 },
    abstain: { households: 0, areaM2: 0 },
    not_voted: { households: 0, areaM2: 0 },
  };
}

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

async function caseOf(db: Parameters<typeof loadCases>[0], caseId: number): Promise<LoadedCase> {
  const [row] = await db
    .select({ communityId: buildings.communityId })
    .from(retrofitCases)
    .innerJoin(units, eq(units.id, retrofitCases.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(eq(retrofitCases.id, caseId));
  const [found] = row ? await loadCases(db, { communityId: row.communityId, caseId }) : [];
  if (!found)
    throw new TRPCError({ code: 'NOT_FOUND', message: `没有编号为 ${caseId} 的加梯案件 / No retrofit case ${caseId}` });
  return found;
}

/** The pipeline view of a case: planners see rooms and areas, never owners. */
function pipelineCase(c: LoadedCase, today: string) {
  const period = publicityPeriod(c, today);
  return {
    caseId: c.caseId,
    unitId: c.unitId,
    buildingNumber: c.buildingNumber,
    buildingName: c.buildingName,
    unitName: c.unitName,
    floors: c.floors,
    stage: c.stage,
    stalledReason: c.stalledReason,
    consentRule: c.consentRule,
    totalCostFen: c.totalCostFen,
    subsidyFen: c.subsidyFen,
    history: c.history,
    publicity: period && {
      ...period,
      days: c.publicityDays,
      proposal: c.publicityProposal,
      objectionChannel: c.objectionChannel,
      running: c.stage === 'publicity',
    },
    objections: c.objections,
    consent: c.consent,
    intentRegistered: c.households.filter((h) => h.intentRegistered).length,
    households: c.households.length,
  };
}

export const retrofitRouter = createTRPCRouter({
  /** Every unit's retrofit case: stage, the date of each stage change, and the vote tally. */
  byUnit: plannerProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const cases = await ctx.db
      .select({
        caseId: retrofitCases.id,
        unitId: units.id,
        unitName: units.name,
        buildingId: buildings.id,
        buildingNumber: buildings.number,
        buildingName: buildings.name,
        stage: retrofitCases.stage,
        stalledReason: retrofitCases.stalledReason,
        publicityDays: retrofitCases.publicityDays,
        consentRule: retrofitCases.consentRule,
        totalCostFen: retrofitCases.totalCostFen,
        subsidyRule: retrofitCases.subsidyRule,
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
          caseId: retrofitVotes.caseId,
          vote: retrofitVotes.vote,
          households: sql<number>`count(*)::int`,
          areaM2: sql<number>`coalesce(sum(${households.areaM2}), 0)::float8`,
        })
        .from(retrofitVotes)
        .innerJoin(households, eq(households.id, retrofitVotes.householdId))
        .where(inArray(retrofitVotes.caseId, caseIds))
        .groupBy(retrofitVotes.caseId, retrofitVotes.vote),
    ]);
    return cases.map((c) => {
      const tally = emptyTally();
      for (const v of votes) if (v.caseId === c.caseId) tally[v.vote] = { households: v.households, areaM2: v.areaM2 };
      return {
        ...c,
        history: changes.filter((h) => h.caseId === c.caseId).map(({ stage, on }) => ({ stage, on })),
        tally,
      };
    });
  }),

  /** The pipeline by unit: stages with dates and notes, publicity, objections, consent, and the joint-meeting log. */
  pipeline: plannerProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const today = localToday();
    const [cases, meetings] = await Promise.all([
      loadCases(ctx.db, { communityId: community.id }),
      ctx.db
        .select({
          id: retrofitMeetings.id,
          heldOn: retrofitMeetings.heldOn,
          attendees: retrofitMeetings.attendees,
          concerns: retrofitMeetings.concerns,
        })
        .from(retrofitMeetings)
        .where(eq(retrofitMeetings.communityId, community.id))
        .orderBy(sql`${retrofitMeetings.heldOn} desc`),
    ]);
    return {
      today,
      community: { slug: community.slug, name: community.name, nameEn: community.nameEn },
      cases: cases.map((c) => pipelineCase(c, today)),
      meetings,
    };
  }),

  /** Each household's share of a case's cost, by room, floor and area. */
  costShares: plannerProcedure.input(caseInput).query(async ({ ctx, input }) => {
    const c = await caseOf(ctx.db, input.caseId);
    if (c.totalCostFen === null) return null;
    try {
      return costShares({
        totalFen: c.totalCostFen,
        subsidy: c.subsidyRule,
        households: c.households,
        coefficients: c.floorCoefficients,
      });
    } catch (error) {
      if (error instanceof CostShareError)
        throw new TRPCError({
          code: 'UNPROCESSABLE_CONTENT',
          message: `无法分摊费用：${error.message} / Cannot share the cost: ${error.message}`,
        });
      throw error;
    }
  }),

  /** Moves a case to another stage, dated, with a note; refused with the reason when it breaks a rule. */
  move: staffProcedure.input(moveInput).mutation(async ({ ctx, input }) => {
    const c = await caseOf(ctx.db, input.caseId);
    const today = localToday();
    const check = checkMove(
      {
        stage: c.stage,
        history: c.history,
        publicityDays: c.publicityDays,
        consentMet: c.consent.met,
        openObjections: c.objections.filter((o) => o.resolvedOn === null).length,
      },
      {
        to: input.to,
        on: input.on,
        note: input.note,
        publicityProposal: input.publicityProposal ?? c.publicityProposal,
      },
      today,
    );
    if (!check.ok) {
      // A malformed or impossible request is BAD_REQUEST; a sound one the case's state forbids is CONFLICT.
      const code = ['bad_date', 'future', 'before_previous', 'reason_required', 'proposal_required'].includes(
        check.reason,
      )
        ? 'BAD_REQUEST'
        : 'CONFLICT';
      throw new TRPCError({ code, message: `${check.zh} / ${check.en}`, cause: new Error(check.reason) });
    }
    await ctx.db.transaction(async (tx) => {
      await tx
        .insert(retrofitStageChanges)
        .values({ caseId: c.caseId, stage: input.to, on: input.on, note: input.note || null, by: ctx.user.name });
      await tx
        .update(retrofitCases)
        .set({
          stage: input.to,
          stalledReason: input.to === 'stalled' ? (input.note ?? null) : null,
          ...(input.to === 'publicity'
            ? {
                publicityProposal: input.publicityProposal ?? c.publicityProposal,
                objectionChannel: input.objectionChannel ?? c.objectionChannel,
              }
            : {}),
        })
        .where(eq(retrofitCases.id, c.caseId));
    });
    return { caseId: c.caseId, stage: input.to, on: input.on };
  }),

  /**
   * Imports willingness registrations and votes from CSV or .xlsx. Every row
   * is checked first; if any row is bad, nothing is written and every bad row
   * is reported. Otherwise all rows are written in one transaction.
   */
  importVotes: staffProcedure.input(importInput).mutation(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    let table: string[][];
    try {
      table = await readTable(input.format, input.content);
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `文件无法读取，请上传 CSV 或 .xlsx：${error.message} / The file cannot be read; upload CSV or .xlsx: ${error.message}`,
        });
      }
      throw error;
    }
    const cases = await loadCases(ctx.db, { communityId: community.id });
    const ordinals = await ctx.db
      .select({ id: units.id, ordinal: units.ordinal })
      .from(units)
      .where(inArray(units.id, cases.length ? cases.map((c) => c.unitId) : [-1]));
    const targets: ImportTarget[] = cases.map((c) => ({
      caseId: c.caseId,
      unitId: c.unitId,
      buildingNumber: c.buildingNumber,
      unitName: c.unitName,
      unitOrdinal: ordinals.find((o) => o.id === c.unitId)?.ordinal ?? 0,
      open: c.stage === 'stalled' || stageIndex(c.stage) < stageIndex('signed'),
      households: new Map(c.households.map((h) => [h.room, { householdId: h.householdId, areaM2: h.areaM2 }])),
    }));
    const { rows, errors } = validateImport(table, targets);
    if (errors.length > 0) return { written: 0, rows: table.length - 1, errors };
    const now = new Date();
    await ctx.db.transaction(async (tx) => {
      for (const r of rows) {
        await tx
          .update(retrofitVotes)
          .set({
            ...(r.vote ? { vote: r.vote, votedAt: r.vote === 'not_voted' ? null : now } : {}),
            ...(r.intent ? { intentRegistered: true } : {}),
          })
          .where(and(eq(retrofitVotes.caseId, r.caseId), eq(retrofitVotes.householdId, r.householdId)));
      }
    });
    return { written: rows.length, rows: rows.length, errors };
  }),
});
