// Missed and late patrol checks, derived from plans × local days × route
// points against the check-ins actually made. Under Civil Code art. 1254 a
// property service company that failed to take necessary safety measures
// (such as patrols) bears liability for high-altitude throwing, so these
// derived records are evidence: they are computed from stored check-ins
// every time, never typed in.
import type { PatrolFrequency } from '~/db/vocab';

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

const DAY_MS = 86_400_000;

/** Asia/Shanghai has kept UTC+8 with no daylight saving since 1991. */
export function localInstant(day: string, hhmm: string): Date {
  return new Date(`${day}T${hhmm}:00+08:00`);
}

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function runsOn(plan: PlanSpec, day: string): boolean {
  if (plan.frequency === 'daily') return true;
  if (plan.frequency === 'weekly') return plan.weekdays.includes(isoWeekday(day));
  const anchor = plan.anchorDate ?? day;
  const diff = dayNumber(day) - dayNumber(anchor);
  return diff >= 0 && diff % 2 === 0;
}

/** Local days from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from); n <= dayNumber(to); n++) out.push(new Date(n * DAY_MS).toISOString().slice(0, 10));
  return out;
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
