// Elevator-retrofit cases: one per unit, a dated stage history, and a vote per
// household consistent with the stage the case has reached.
import { inArray } from 'drizzle-orm';
import { households, retrofitCases, retrofitStageChanges, retrofitVotes, type SubsidyRule } from '../schema';
import { RETROFIT_STAGES, type RetrofitStage, type Vote } from '../vocab';
import { addMinutes, type Clock } from './clock';
import type { SeededHousehold, SeededUnit } from './community';
import { insertIds, insertAll, type Seeder } from './insert';
import type { Rng } from './prng';

export type CaseScript = {
  unit: SeededUnit;
  stage: RetrofitStage;
  /** Days before today on which each stage of the path began, oldest first. */
  daysAgo: number[];
  stalledReason?: string;
  subsidy: SubsidyRule | null;
};

export const SUBSIDY_PERCENT: SubsidyRule = { kind: 'percent', percent: 40, capFen: 28_000_000 };
export const SUBSIDY_FIXED: SubsidyRule = { kind: 'fixed', amountFen: 10_000_000 };

const STAGE_BY: Partial<Record<RetrofitStage, string>> = {
  intent: '社区居委会',
  vote: '业主代表',
  signed: '加梯公司',
  design: '施工图审查机构',
  publicity: '社区居委会',
  permit: '区住建局',
  construction: '加梯公司',
  acceptance: '区住建局',
  in_service: '区市场监管局',
  stalled: '社区党委',
};

const STAGE_NOTE: Partial<Record<RetrofitStage, string>> = {
  intent: '千人大走访登记意愿',
  vote: '业主表决开始',
  signed: '业主与加梯公司签订协议',
  publicity: '方案在单元入口公示',
  in_service: '通过验收并办理使用登记',
};

/** The stages a case passed through, in order; a stalled case stops after the vote. */
export function stagePath(script: Pick<CaseScript, 'stage' | 'daysAgo'>): RetrofitStage[] {
  if (script.stage === 'stalled') {
    const before = RETROFIT_STAGES.slice(0, script.daysAgo.length - 1);
    return [...before, 'stalled'];
  }
  return RETROFIT_STAGES.slice(0, RETROFIT_STAGES.indexOf(script.stage) + 1);
}

type Ballot = { household: SeededHousehold; vote: Vote };

/**
 * Once a unit's shaft is sited (from the vote on), it stands against door 01
 * and takes part of that ground-floor flat's own space: that owner's consent
 * is required whatever the tally.
 */
export function shaftOccupiedHousehold(script: Pick<CaseScript, 'unit' | 'stage'>): SeededHousehold | undefined {
  if (script.stage === 'intent') return undefined;
  return script.unit.households.find((h) => h.floor === 1 && h.door === '01');
}

const PUBLICITY_PROPOSAL = '在本单元北侧楼梯间外加装一部无机房电梯，平层入户（一、二层不分摊费用）';
const OBJECTION_CHANNEL = '公示期内可书面提交至社区居委会，或拨打社区服务电话';

/**
 * Civil Code art. 278: owners holding at least 2/3 of the floor area and 2/3
 * of the heads take part, and at least 3/4 of the participating area and
 * heads agree.
 */
export function meetsArticle278(ballots: Ballot[]): boolean {
  const totalArea = ballots.reduce((s, b) => s + b.household.areaM2, 0);
  const voting = ballots.filter((b) => b.vote !== 'not_voted');
  const agreeing = voting.filter((b) => b.vote === 'agree');
  const area = (list: Ballot[]) => list.reduce((s, b) => s + b.household.areaM2, 0);
  const participating = area(voting) >= (2 / 3) * totalArea && voting.length >= (2 / 3) * ballots.length;
  if (!participating || voting.length === 0) return false;
  return area(agreeing) >= 0.75 * area(voting) && agreeing.length >= 0.75 * voting.length;
}

// Ground-floor owners gain nothing and lose light, so they agree least;
// top floors gain most.
function draw(rng: Rng, floor: number): Vote {
  if (floor === 1) return rng.weighted({ agree: 30, oppose: 40, abstain: 10, not_voted: 20 });
  if (floor === 2) return rng.weighted({ agree: 55, oppose: 15, abstain: 10, not_voted: 20 });
  return rng.weighted({ agree: 78, oppose: 3, abstain: 4, not_voted: 15 });
}

function ballotsFor(rng: Rng, script: CaseScript): Ballot[] {
  const households = script.unit.households;
  if (script.stage === 'intent') return households.map((household) => ({ household, vote: 'not_voted' }));
  const ballots = households.map((household) => ({ household, vote: draw(rng, household.floor) }));
  if (script.stage === 'stalled') {
    // The stall is the ground floor's refusal: make it so.
    for (const b of ballots) if (b.household.floor === 1) b.vote = 'oppose';
    return ballots;
  }
  if (script.stage === 'vote') return ballots;
  // A signed case had the occupied flat's owner on board first.
  const occupied = shaftOccupiedHousehold(script);
  for (const b of ballots) if (b.household === occupied) b.vote = 'agree';
  // Signed cases passed their vote: win over hesitant upper floors, as the
  // volunteers' home visits did, until art. 278 is met.
  for (let guard = 0; !meetsArticle278(ballots); guard++) {
    if (guard > 1000) throw new Error('consent unreachable');
    const undecided = ballots.filter((b) => b.vote !== 'agree' && b.household.floor >= 2);
    const target = rng.pick(undecided.length > 0 ? undecided : ballots.filter((b) => b.vote !== 'agree'));
    target.vote = 'agree';
  }
  return ballots;
}

/** Writes the cases, their histories and votes; returns the case ids in script order. */
export async function insertRetrofit(seeder: Seeder, clock: Clock, rng: Rng, scripts: CaseScript[]): Promise<number[]> {
  for (const s of scripts) {
    const path = stagePath(s);
    if (path.length !== s.daysAgo.length) throw new Error(`stage dates do not match the path of unit ${s.unit.id}`);
    if (s.daysAgo.some((d, i) => d < 1 || (i > 0 && d >= (s.daysAgo[i - 1] ?? Infinity)))) {
      throw new Error(`stage dates of unit ${s.unit.id} must be in the past and in order`);
    }
  }
  const caseIds = await insertIds(
    seeder,
    retrofitCases,
    scripts.map((s) => ({
      unitId: s.unit.id,
      stage: s.stage,
      stalledReason: s.stalledReason ?? null,
      publicityDays: 20,
      consentRule: 'civil_code_278' as const,
      // A quote exists once owners vote on a concrete offer.
      totalCostFen: s.stage === 'intent' ? null : rng.int(550, 700) * 100_000,
      subsidyRule: s.subsidy,
      floorCoefficients: null,
      ...(stagePath(s).includes('publicity')
        ? { publicityProposal: PUBLICITY_PROPOSAL, objectionChannel: OBJECTION_CHANNEL }
        : {}),
    })),
  );
  const occupiedIds = scripts
    .map(shaftOccupiedHousehold)
    .filter((h) => h !== undefined)
    .map((h) => h.id);
  if (occupiedIds.length > 0)
    await seeder.db
      .update(households)
      .set({ shaftOccupied: true, updatedAt: seeder.stamp })
      .where(inArray(households.id, occupiedIds));

  const changes = scripts.flatMap((s, i) =>
    stagePath(s).map((stage, k) => {
      const daysAgo = s.daysAgo[k] as number;
      return {
        caseId: caseIds[i] as number,
        stage,
        on: clock.date(daysAgo),
        note: stage === 'stalled' ? (s.stalledReason ?? null) : (STAGE_NOTE[stage] ?? null),
        by: STAGE_BY[stage] ?? null,
        recordedAt: clock.at(daysAgo, 17, 30),
      };
    }),
  );
  await insertAll(seeder, retrofitStageChanges, changes);

  const votes = scripts.flatMap((s, i) => {
    const voteOpened = s.daysAgo[1];
    // Voting runs from the vote stage to signing, or until now if still open.
    const voteClosed = s.daysAgo[2] ?? 0;
    return ballotsFor(rng, s).map((b) => ({
      caseId: caseIds[i] as number,
      householdId: b.household.id,
      vote: b.vote,
      // Registered wishes (意愿登记): every owner who went on to agree, and the upper floors of units still at registration.
      intentRegistered: b.vote === 'agree' || (s.stage === 'intent' && b.household.floor >= 3),
      votedAt:
        b.vote === 'not_voted' || voteOpened === undefined
          ? null
          : addMinutes(clock.at(voteOpened, 9), rng.int(0, Math.max(1, (voteOpened - voteClosed - 1) * 1440 + 600))),
    }));
  });
  await insertAll(seeder, retrofitVotes, votes);
  return caseIds;
}
