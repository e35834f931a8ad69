// When a retrofit case may move to another stage (docs/DOMAIN.md § Retrofit stages). The order is
// 意愿登记 → 表决 → 签约 → 设计/图审 → 公示 → 施工许可 → 施工 → 验收/登记 →
// 投入使用, one stage at a time, or 搁置 (stalled) with a reason from any stage
// before service. Every refusal carries its reason as a DomainError code
// (`stage.<reason>`) with the dates or counts its message names.
import { RETROFIT_STAGES, stageIndex, type RetrofitStage } from '~/db/vocab';
import { addLocalDays, localDay, localDaysBetween, startOfLocalDay } from '~/lib/calendar';
import { DomainError, type DomainErrorParams } from './errors';

export type CaseState = {
  stage: RetrofitStage;
  /** Stage changes, oldest first, as dated (YYYY-MM-DD). */
  history: readonly { stage: RetrofitStage; on: string }[];
  publicityDays: number;
  /** Consent under the case's rule, occupied-space veto included. */
  consentMet: boolean;
  openObjections: number;
};

export type Move = { to: RetrofitStage; on: string; note?: string | null; publicityProposal?: string | null };

type StageCode = Extract<keyof DomainErrorParams, `stage.${string}`>;

export type MoveCheck = { ok: true } | { ok: false; error: DomainError<StageCode> };

/** Whole days from a to b (YYYY-MM-DD), b − a. */
export function daysBetween(a: string, b: string): number {
  return localDaysBetween(a, b);
}

export function addDays(date: string, days: number): string {
  return addLocalDays(date, days);
}

/** The publicity period: from the day it was posted, `publicityDays` natural days; a permit may follow on `endsOn`. */
export function publicityPeriod(state: Pick<CaseState, 'history' | 'publicityDays'>, today: string) {
  const posted = [...state.history].reverse().find((h) => h.stage === 'publicity');
  if (!posted) return null;
  const endsOn = addDays(posted.on, state.publicityDays);
  return { startsOn: posted.on, endsOn, daysLeft: Math.max(0, daysBetween(today, endsOn)) };
}

const refuse = (error: DomainError<StageCode>): MoveCheck => ({ ok: false, error });

function validDate(d: string): boolean {
  // A day that does not exist (2026-02-30) rolls over to another one and fails the round trip.
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && localDay(startOfLocalDay(d)) === d;
}

/** The stage a stalled case had reached before it stalled. */
function stageBeforeStall(history: CaseState['history']): RetrofitStage | null {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.stage !== 'stalled') return history[i]!.stage;
  return null;
}

export function checkMove(state: CaseState, move: Move, today: string): MoveCheck {
  const { on } = move;
  if (!validDate(on)) return refuse(new DomainError('stage.bad_date', { on }));
  if (on > today) return refuse(new DomainError('stage.future', { on, today }));
  const last = state.history.at(-1);
  if (last && on < last.on) return refuse(new DomainError('stage.before_previous', { on, last: last.on }));
  if (move.to === state.stage) return refuse(new DomainError('stage.same_stage'));
  if (state.stage === 'in_service') return refuse(new DomainError('stage.finished'));

  if (move.to === 'stalled') {
    if (!move.note?.trim()) return refuse(new DomainError('stage.reason_required'));
    return { ok: true };
  }

  // Resuming: back to the stage it stalled at, or on to the next one.
  const from = state.stage === 'stalled' ? stageBeforeStall(state.history) : state.stage;
  const fromIdx = from === null ? -1 : stageIndex(from);
  const toIdx = stageIndex(move.to);
  const resumeSame = state.stage === 'stalled' && move.to === from;
  if (!resumeSame && toIdx !== fromIdx + 1) {
    return toIdx < fromIdx
      ? refuse(new DomainError('stage.backwards'))
      : refuse(new DomainError('stage.skips', { next: RETROFIT_STAGES[fromIdx + 1] ?? 'none' }));
  }

  // Civil Code art. 278 (or the local rule the case names) decides whether the owners agreed.
  if (move.to === 'signed' && !state.consentMet) return refuse(new DomainError('stage.consent_not_met'));
  if (move.to === 'publicity' && !move.publicityProposal?.trim())
    return refuse(new DomainError('stage.proposal_required'));
  if (move.to === 'permit' || move.to === 'construction') {
    const period = publicityPeriod(state, today);
    if (!period) return refuse(new DomainError('stage.no_publicity'));
    if (on < period.endsOn) return refuse(new DomainError('stage.publicity_running', { endsOn: period.endsOn }));
    if (move.to === 'permit' && state.openObjections > 0)
      return refuse(new DomainError('stage.open_objections', { count: state.openObjections }));
  }
  return { ok: true };
}

/**
 * How long a case may sit in one stage before it is flagged 卡住 (stuck) on the pipeline
 * (docs/DOMAIN.md § Retrofit stages, "Stuck"). Publicity is measured from the end of its own
 * period (`publicityDays`): a permit should be applied for within `PUBLICITY_GRACE_DAYS` of it.
 * A case in service is finished; a stalled one is already flagged by its stage.
 */
export const STUCK_AFTER_DAYS = {
  intent: 90,
  vote: 90,
  signed: 90,
  design: 120,
  permit: 60,
  construction: 180,
  acceptance: 60,
} as const satisfies Partial<Record<RetrofitStage, number>>;
export const PUBLICITY_GRACE_DAYS = 30;

export type Stuck = { since: string; days: number; limitDays: number };

/** The limit for `stage` in days (publicity: its period plus the grace), or null where none applies. */
export function stuckLimitDays(stage: RetrofitStage, publicityDays: number): number | null {
  if (stage === 'publicity') return publicityDays + PUBLICITY_GRACE_DAYS;
  return (STUCK_AFTER_DAYS as Partial<Record<RetrofitStage, number>>)[stage] ?? null;
}

/**
 * Whether a case has stayed in its current stage longer than that stage's limit on `today`:
 * since when, how many days, and the limit; null when it is moving (or finished, or stalled).
 */
export function stuckCase(state: Pick<CaseState, 'stage' | 'history' | 'publicityDays'>, today: string): Stuck | null {
  const limitDays = stuckLimitDays(state.stage, state.publicityDays);
  if (limitDays === null) return null;
  const entered = [...state.history].reverse().find((h) => h.stage === state.stage);
  if (!entered) return null;
  const days = daysBetween(entered.on, today);
  return days > limitDays ? { since: entered.on, days, limitDays } : null;
}
