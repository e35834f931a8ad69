// Retrofit cases of a community with what the domain rules need: stage
// history, each household's ballot (room, floor, area, vote, occupied flag)
// and age-band counts, and objections. Owner names and phones are never read.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~/db/client';
import {
  buildings,
  households,
  retrofitCases,
  retrofitMeetings,
  retrofitObjections,
  retrofitStageChanges,
  retrofitVotes,
  units,
} from '~/db/schema';
import type { Vote } from '~/db/vocab';
import { localToday } from '~/lib/calendar';
import { evaluateConsent } from '../domain/consent';
import { costShares, subsidyFen } from '../domain/cost-share';
import { DomainError } from '../domain/errors';
import { PUBLICITY_GRACE_DAYS, publicityPeriod, STUCK_AFTER_DAYS, stuckCase } from '../domain/stage-rules';
import type { Community } from './communities';

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

/** One case, wherever it is; refused as `retrofit.caseNotFound`. */
export async function retrofitCase(db: Db, caseId: number): Promise<LoadedCase> {
  const [row] = await db
    .select({ communityId: buildings.communityId })
    .from(retrofitCases)
    .innerJoin(units, eq(units.id, retrofitCases.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(eq(retrofitCases.id, caseId));
  const [found] = row ? await loadCases(db, { communityId: row.communityId, caseId }) : [];
  if (!found) throw new DomainError('retrofit.caseNotFound', { id: caseId });
  return found;
}

type Tally = Record<Vote, { households: number; areaM2: number }>;

function emptyTally(): Tally {
  return {
    agree: { households: 0, areaM2: 0 },
    oppose: { households: 0, areaM2: 0 },
    abstain: { households: 0, areaM2: 0 },
    not_voted: { households: 0, areaM2: 0 },
  };
}

/** Every unit's retrofit case: stage, the date of each stage change, and the vote tally. */
export async function retrofitByUnit(db: Db, communityId: number) {
  const cases = await db
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
    .where(eq(buildings.communityId, communityId))
    .orderBy(asc(buildings.id), asc(units.ordinal));
  const caseIds = cases.map((c) => c.caseId);
  if (caseIds.length === 0) return [];
  const [changes, votes] = await Promise.all([
    db
      .select({ caseId: retrofitStageChanges.caseId, stage: retrofitStageChanges.stage, on: retrofitStageChanges.on })
      .from(retrofitStageChanges)
      .where(inArray(retrofitStageChanges.caseId, caseIds))
      .orderBy(asc(retrofitStageChanges.on), asc(retrofitStageChanges.id)),
    db
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
    /** 卡住: longer in this stage than its limit (server/domain/stage-rules.ts STUCK_AFTER_DAYS). */
    stuck: stuckCase(c, today),
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

/** The pipeline by unit: stages with dates and notes, publicity, objections, consent, and the joint-meeting log. */
export async function retrofitPipeline(db: Db, community: Community, now = new Date()) {
  const today = localToday(now);
  const [cases, meetings] = await Promise.all([
    loadCases(db, { communityId: community.id }),
    db
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
    /** The 卡住 limits the flags were judged by, for the page to state them. */
    stuckLimits: { days: STUCK_AFTER_DAYS, publicityGraceDays: PUBLICITY_GRACE_DAYS },
  };
}

/** Each household's share of a case's cost, by room, floor and area; null before the cost is known. */
export async function caseCostShares(db: Db, caseId: number) {
  const c = await retrofitCase(db, caseId);
  if (c.totalCostFen === null) return null;
  return costShares({
    totalFen: c.totalCostFen,
    subsidy: c.subsidyRule,
    households: c.households,
    coefficients: c.floorCoefficients,
  });
}

/** The retrofit setup page: every unit of the community, with its case's inputs if it has one. */
export async function retrofitSetup(db: Db, communityId: number) {
  const rows = await db
    .select({
      unitId: units.id,
      unitName: units.name,
      buildingNumber: buildings.number,
      buildingName: buildings.name,
      floors: buildings.floors,
      hasOriginalElevator: units.hasOriginalElevator,
      caseId: retrofitCases.id,
      stage: retrofitCases.stage,
      publicityDays: retrofitCases.publicityDays,
      consentRule: retrofitCases.consentRule,
      totalCostFen: retrofitCases.totalCostFen,
      subsidyRule: retrofitCases.subsidyRule,
      floorCoefficients: retrofitCases.floorCoefficients,
      households: sql<number>`(select count(*)::int from households h where h.unit_id = ${units.id})`,
    })
    .from(units)
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .leftJoin(retrofitCases, eq(retrofitCases.unitId, units.id))
    .where(eq(buildings.communityId, communityId))
    .orderBy(asc(buildings.id), asc(units.ordinal));
  return rows.map(
    ({ caseId, stage, publicityDays, consentRule, totalCostFen, subsidyRule, floorCoefficients, ...u }) => ({
      ...u,
      case:
        caseId === null
          ? null
          : {
              caseId,
              stage: stage!,
              publicityDays: publicityDays!,
              consentRule: consentRule!,
              totalCostFen,
              subsidyRule,
              floorCoefficients,
            },
    }),
  );
}
