// Retrofit cases of a community with what the domain rules need: stage
// history, each household's ballot (room, floor, area, vote, occupied flag)
// and age-band counts, and objections. Owner names and phones are never read.
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '~/db/client';
import {
  buildings,
  households,
  retrofitCases,
  retrofitObjections,
  retrofitStageChanges,
  retrofitVotes,
  units,
} from '~/db/schema';
import type { Vote } from '~/db/vocab';
import { evaluateConsent } from '../domain/consent';
import { subsidyFen } from '../domain/cost-share';

export type CaseHousehold = {
  householdId: number;
  room: string;
  floor: number;
  areaM2: number;
  shaftOccupied: boolean;
  vote: Vote;
  intentRegistered: boolean;
  occupants0to59: number;
  occupants60to79: number;
  occupants80plus: number;
  mobilityImpaired: number;
};

export async function loadCases(db: Db, where: { communityId: number; caseId?: number }) {
  const filters: SQL[] = [eq(buildings.communityId, where.communityId)];
  if (where.caseId !== undefined) filters.push(eq(retrofitCases.id, where.caseId));
  const cases = await db
    .select({
      caseId: retrofitCases.id,
      unitId: units.id,
      unitName: units.name,
      buildingNumber: buildings.number,
      buildingName: buildings.name,
      floors: buildings.floors,
      hasOriginalElevator: units.hasOriginalElevator,
      stage: retrofitCases.stage,
      stalledReason: retrofitCases.stalledReason,
      publicityDays: retrofitCases.publicityDays,
      consentRule: retrofitCases.consentRule,
      totalCostFen: retrofitCases.totalCostFen,
      subsidyRule: retrofitCases.subsidyRule,
      floorCoefficients: retrofitCases.floorCoefficients,
      publicityProposal: retrofitCases.publicityProposal,
      objectionChannel: retrofitCases.objectionChannel,
    })
    .from(retrofitCases)
    .innerJoin(units, eq(units.id, retrofitCases.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(and(...filters))
    .orderBy(asc(buildings.id), asc(units.ordinal));
  const caseIds = cases.map((c) => c.caseId);
  const unitIds = cases.map((c) => c.unitId);
  if (caseIds.length === 0) return [];
  const [history, homes, votes, objections] = await Promise.all([
    db
      .select({
        caseId: retrofitStageChanges.caseId,
        stage: retrofitStageChanges.stage,
        on: retrofitStageChanges.on,
        note: retrofitStageChanges.note,
        by: retrofitStageChanges.by,
      })
      .from(retrofitStageChanges)
      .where(inArray(retrofitStageChanges.caseId, caseIds))
      .orderBy(asc(retrofitStageChanges.on), asc(retrofitStageChanges.id)),
    db
      .select({
        householdId: households.id,
        unitId: households.unitId,
        room: households.room,
        floor: households.floor,
        areaM2: households.areaM2,
        shaftOccupied: households.shaftOccupied,
        occupants0to59: households.occupants0to59,
        occupants60to79: households.occupants60to79,
        occupants80plus: households.occupants80plus,
        mobilityImpaired: households.mobilityImpaired,
      })
      .from(households)
      .where(inArray(households.unitId, unitIds))
      .orderBy(asc(households.floor), asc(households.door)),
    db
      .select({
        caseId: retrofitVotes.caseId,
        householdId: retrofitVotes.householdId,
        vote: retrofitVotes.vote,
        intentRegistered: retrofitVotes.intentRegistered,
      })
      .from(retrofitVotes)
      .where(inArray(retrofitVotes.caseId, caseIds)),
    db
      .select({
        id: retrofitObjections.id,
        caseId: retrofitObjections.caseId,
        receivedOn: retrofitObjections.receivedOn,
        channel: retrofitObjections.channel,
        summary: retrofitObjections.summary,
        resolvedOn: retrofitObjections.resolvedOn,
        response: retrofitObjections.response,
      })
      .from(retrofitObjections)
      .where(inArray(retrofitObjections.caseId, caseIds))
      .orderBy(asc(retrofitObjections.receivedOn), asc(retrofitObjections.id)),
  ]);
  const voteOf = new Map(votes.map((v) => [`${v.caseId}:${v.householdId}`, v]));
  return cases.map((c) => {
    const members: CaseHousehold[] = homes
      .filter((h) => h.unitId === c.unitId)
      .map(({ unitId: _u, ...h }) => {
        const v = voteOf.get(`${c.caseId}:${h.householdId}`);
        return { ...h, vote: v?.vote ?? 'not_voted', intentRegistered: v?.intentRegistered ?? false };
      });
    const consent = evaluateConsent(members, c.consentRule);
    return {
      ...c,
      history: history.filter((h) => h.caseId === c.caseId).map(({ caseId: _c, ...h }) => h),
      households: members,
      objections: objections.filter((o) => o.caseId === c.caseId).map(({ caseId: _c, ...o }) => o),
      consent,
      subsidyFen: c.totalCostFen === null ? null : subsidyFen(c.totalCostFen, c.subsidyRule),
    };
  });
}

export type LoadedCase = Awaited<ReturnType<typeof loadCases>>[number];
