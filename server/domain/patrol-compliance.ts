// Missed and late patrol checks, derived from plans × local days × route
// points against the check-ins actually made. Under Civil Code art. 1254 a
// property service company that failed to take necessary safety measures
// (such as patrols) bears liability for high-altitude throwing, so these
// derived records are evidence: they are computed from stored check-ins
// every time, never typed in.
import type { PatrolFrequency } from '~/db/vocab';
import {
  addLocalDays,
  localDateTime,
  localDaysBetween,
  localToday,
  localWeekday,
  startOfLocalDay,
} from '~/lib/calendar';
import { DomainError } from './errors';

export type PlanSpec = {
  id: number;
  routeId: number;
  frequency: PatrolFrequency;
  /** ISO weekdays (1 = Monday) for weekly plans. */
  weekdays: readonly number[];
  /** Local start "HH:MM". */
  startTime: string;
  /** First local day of an every-other-day plan. */
  anchorDate: string | null;
  shift: string | null;
};
export type RoutePointSpec = {
  routeId: number;
  seq: number;
  pointId: number;
  dueMinutes: number;
  windowMinutes: number;
};
export type CheckinSpec = { pointId: number; at: Date };

export type CheckStatus = 'on_time' | 'late' | 'missed' | 'pending';
export type CheckResult = {
  planId: number;
  day: string;
  seq: number;
  pointId: number;
  due: Date;
  status: CheckStatus;
  checkedAt: Date | null;
};

/** After the window closes, a check-in still counts — as late — for this long. */
export const LATE_LIMIT_MINUTES = 60;

/** The instant of local wall-clock time `hhmm` on local day `day`. */
export function localInstant(day: string, hhmm: string): Date {
  return localDateTime(day, hhmm);
}

export function runsOn(plan: PlanSpec, day: string): boolean {
  if (plan.frequency === 'daily') return true;
  if (plan.frequency === 'weekly') return plan.weekdays.includes(localWeekday(startOfLocalDay(day)));
  const diff = localDaysBetween(plan.anchorDate ?? day, day);
  return diff >= 0 && diff % 2 === 0;
}

/** Local days from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addLocalDays(day, 1)) out.push(day);
  return out;
}

/** The longest period a compliance report covers, in local days. */
export const MAX_PERIOD_DAYS = 31;

/**
 * The report's period: `to` defaults to today and `from` to the week ending
 * on `to`; a period runs forwards and spans at most MAX_PERIOD_DAYS days.
 */
export function compliancePeriod(
  input: { from?: string; to?: string },
  now: Date = new Date(),
): { from: string; to: string } {
  const to = input.to ?? localToday(now);
  const from = input.from ?? addLocalDays(to, -6);
  if (from > to || localDaysBetween(from, to) > MAX_PERIOD_DAYS) throw new DomainError('patrol.period');
  return { from, to };
}

/** Check-ins that can satisfy a period's checks: a run may close up to a day after it starts (night rounds cross midnight). */
export function checkinWindow(period: { from: string; to: string }): { since: Date; until: Date } {
  return { since: startOfLocalDay(period.from), until: startOfLocalDay(addLocalDays(period.to, 2)) };
}

/**
 * Every scheduled check of every plan run starting on a day in [from, to].
 * A run belongs to the day it starts: a 22:00 round whose points fall due at
 * 00:30 is judged against check-ins after midnight. Each check-in satisfies
 * at most one scheduled check, the earliest due one whose acceptance span
 * [due − window, due + window + LATE_LIMIT] contains it; within the window it
 * is on time, after it late. A check whose span has not closed yet at `now`
 * and has no check-in is pending, not missed.
 */
export function patrolChecks(input: {
  plans: readonly PlanSpec[];
  routePoints: readonly RoutePointSpec[];
  checkins: readonly CheckinSpec[];
  from: string;
  to: string;
  now: Date;
}): CheckResult[] {
  const byPoint = new Map<number, Array<{ at: number; used: boolean }>>();
  for (const c of [...input.checkins].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const list = byPoint.get(c.pointId) ?? [];
    list.push({ at: c.at.getTime(), used: false });
    byPoint.set(c.pointId, list);
  }
  const scheduled: Array<Omit<CheckResult, 'status' | 'checkedAt'> & { window: number }> = [];
  for (const day of daysBetween(input.from, input.to)) {
    for (const plan of input.plans) {
      if (!runsOn(plan, day)) continue;
      const start = localInstant(day, plan.startTime).getTime();
      for (const p of input.routePoints) {
        if (p.routeId !== plan.routeId) continue;
        scheduled.push({
          planId: plan.id,
          day,
          seq: p.seq,
          pointId: p.pointId,
          due: new Date(start + p.dueMinutes * 60_000),
          window: p.windowMinutes,
        });
      }
    }
  }
  scheduled.sort((a, b) => a.due.getTime() - b.due.getTime() || a.planId - b.planId || a.seq - b.seq);
  const now = input.now.getTime();
  return scheduled.map(({ window, ...s }) => {
    const due = s.due.getTime();
    const open = due - window * 60_000;
    const onTimeUntil = due + window * 60_000;
    const lateUntil = onTimeUntil + LATE_LIMIT_MINUTES * 60_000;
    const hit = (byPoint.get(s.pointId) ?? []).find((c) => !c.used && c.at >= open && c.at <= lateUntil);
    if (hit) {
      hit.used = true;
      return { ...s, status: hit.at <= onTimeUntil ? 'on_time' : 'late', checkedAt: new Date(hit.at) };
    }
    return { ...s, status: now > lateUntil ? 'missed' : 'pending', checkedAt: null };
  });
}

export type ComplianceRow = {
  planId: number;
  shift: string | null;
  due: number;
  onTime: number;
  late: number;
  missed: number;
  pending: number;
  rate: number | null;
};

/** Per plan (a route's guard shift): on time / (due − pending). */
export function complianceByPlan(plans: readonly PlanSpec[], checks: readonly CheckResult[]): ComplianceRow[] {
  return plans.map((plan) => {
    const mine = checks.filter((c) => c.planId === plan.id);
    const count = (s: CheckStatus) => mine.filter((c) => c.status === s).length;
    const [onTime, late, missed, pending] = [count('on_time'), count('late'), count('missed'), count('pending')];
    const judged = onTime + late + missed;
    return {
      planId: plan.id,
      shift: plan.shift,
      due: mine.length,
      onTime,
      late,
      missed,
      pending,
      rate: judged === 0 ? null : onTime / judged,
    };
  });
}
