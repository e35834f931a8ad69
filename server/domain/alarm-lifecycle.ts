// The alarm lifecycle (docs/DOMAIN.md § Alarms) as pure functions: which staff move is
// legal from which state, and which alarms are due to escalate. The router
// applies a move under a row lock and appends it to alarm_events; the live
// sweep runs dueEscalations with the server clock, tests with their own.
import { ALARM_STATES } from '~/db/vocab';
import type { AlarmAction, AlarmSeverity, AlarmState, ReviewState } from '~/db/vocab';
import { DomainError } from './errors';

export type AlarmMove = 'acknowledge' | 'start' | 'resolve' | 'close';

const MOVES: Record<AlarmMove, { from: AlarmState; to: AlarmState }> = {
  acknowledge: { from: 'open', to: 'acknowledged' },
  start: { from: 'acknowledged', to: 'in_progress' },
  resolve: { from: 'in_progress', to: 'resolved' },
  close: { from: 'resolved', to: 'closed' },
};

export type MoveResult = { ok: true; to: AlarmState } | { ok: false; error: DomainError };

/** Whether `move` is legal from `state`; a refusal carries its code (already there, or the state it needs first). */
export function alarmTransition(state: AlarmState, move: AlarmMove): MoveResult {
  const rule = MOVES[move];
  if (state === rule.from) return { ok: true, to: rule.to };
  if (state === rule.to) return { ok: false, error: new DomainError('alarm.alreadyInState', { state }) };
  return { ok: false, error: new DomainError('alarm.moveIllegal', { move, state, from: rule.from }) };
}

/**
 * The review of a throwing alarm's incident: a pending one is confirmed or
 * judged a false alarm; a confirmed one may then be referred to the police.
 */
export function reviewAllowed(state: ReviewState, decision: Exclude<ReviewState, 'pending'>): boolean {
  return state === 'pending' || (state === 'confirmed' && decision === 'referred_police');
}

/** The desk's order: most severe first (0), then oldest first within a severity. */
export const SEVERITY_RANK: Record<AlarmSeverity, number> = { critical: 0, major: 1, minor: 2, warning: 3 };

/** The timestamp column each move stamps. */
export const MOVE_STAMP: Record<AlarmMove, 'acknowledgedAt' | 'startedAt' | 'resolvedAt' | 'closedAt'> = {
  acknowledge: 'acknowledgedAt',
  start: 'startedAt',
  resolve: 'resolvedAt',
  close: 'closedAt',
};

export const MOVE_ACTION: Record<AlarmMove, AlarmAction> = {
  acknowledge: 'acknowledge',
  start: 'start',
  resolve: 'resolve',
  close: 'close',
};

export type EscalationPolicy = {
  /** Minutes a critical alarm may stay unacknowledged before the duty supervisor is paged. */
  criticalAfterMinutes: number;
  /** Same for major alarms; null never escalates them. */
  majorAfterMinutes: number | null;
};

export type EscalationCandidate = {
  id: number;
  severity: AlarmSeverity;
  state: AlarmState;
  openedAt: Date;
  escalationLevel: number;
};

/**
 * Alarms to raise to level 1 (the second role, the duty supervisor) at `now`:
 * still open — nobody acknowledged them — past their severity's limit, and
 * not escalated yet. Idempotent: a sweep that runs twice escalates once.
 */
export function dueEscalations<T extends EscalationCandidate>(
  alarms: readonly T[],
  now: Date,
  policy: EscalationPolicy,
): T[] {
  return alarms.filter((a) => {
    if (a.state !== 'open' || a.escalationLevel >= 1) return false;
    const limit =
      a.severity === 'critical'
        ? policy.criticalAfterMinutes
        : a.severity === 'major'
          ? policy.majorAfterMinutes
          : null;
    return limit !== null && now.getTime() - a.openedAt.getTime() >= limit * 60_000;
  });
}

/*
 * The one lifecycle both sides follow: staff moves (alarmTransition above, each
 * one step forward) and a device's all-clear (the ingest resolves the alarm
 * from whichever active state it is in, skipping the staff steps between).
 */

/**
 * Forward only: open → acknowledged → in progress → resolved → closed.
 * Moving to the state an alarm is already in is allowed and changes nothing,
 * so retries are harmless.
 */
export function canAdvanceAlarm(from: AlarmState, to: AlarmState): boolean {
  return ALARM_STATES.indexOf(to) >= ALARM_STATES.indexOf(from);
}

/** States in which an alarm still needs someone; a device clearing its condition resolves it from any of them. */
export const ACTIVE_ALARM_STATES: readonly AlarmState[] = ALARM_STATES.filter(
  (s) => s !== 'resolved' && canAdvanceAlarm(s, 'resolved'),
);

/** Whether a device's all-clear resolves an alarm in `state`. */
export function resolvedByDevice(state: AlarmState): boolean {
  return ACTIVE_ALARM_STATES.includes(state);
}
