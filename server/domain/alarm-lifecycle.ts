// The alarm lifecycle (docs/DOMAIN.md § Alarms) as pure functions: which staff move is
// legal from which state, and which alarms are due to escalate. The router
// applies a move under a row lock and appends it to alarm_events; the live
// sweep runs dueEscalations with the server clock, tests with their own.
import { ALARM_STATES } from '~/db/vocab';
import type { AlarmAction, AlarmSeverity, AlarmState } from '~/db/vocab';

export type AlarmMove = 'acknowledge' | 'start' | 'resolve' | 'close';

const MOVES: Record<AlarmMove, { from: AlarmState; to: AlarmState }> = {
  acknowledge: { from: 'open', to: 'acknowledged' },
  start: { from: 'acknowledged', to: 'in_progress' },
  resolve: { from: 'in_progress', to: 'resolved' },
  close: { from: 'resolved', to: 'closed' },
};

const STATE_LABEL: Record<AlarmState, string> = {
  open: '待确认 / open',
  acknowledged: '已确认 / acknowledged',
  in_progress: '处置中 / in progress',
  resolved: '已解决 / resolved',
  closed: '已关闭 / closed',
};

export type MoveResult = { ok: true; to: AlarmState } | { ok: false; reason: string };

/** Whether `move` is legal from `state`; a refusal says why, in both languages. */
export function alarmTransition(state: AlarmState, move: AlarmMove): MoveResult {
  const rule = MOVES[move];
  if (state === rule.from) return { ok: true, to: rule.to };
  if (state === rule.to)
    return {
      ok: false,
      reason: `告警已是${STATE_LABEL[state].split(' / ')[0]} / The alarm is already ${STATE_LABEL[state].split(' / ')[1]}`,
    };
  return {
    ok: false,
    reason: `${STATE_LABEL[state].split(' / ')[0]}的告警不能${MOVE_ZH[move]}，须先为${STATE_LABEL[rule.from].split(' / ')[0]} / Cannot ${move} an alarm that is ${STATE_LABEL[state].split(' / ')[1]}; it must be ${STATE_LABEL[rule.from].split(' / ')[1]} first`,
  };
}

const MOVE_ZH: Record<AlarmMove, string> = {
  acknowledge: '确认',
  start: '开始处置',
  resolve: '标记解决',
  close: '关闭',
};

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
