// Staff actions on alarms, applied under a row lock and appended to the audit
// trail in the same transaction, then echoed to every console as a live frame.
import { TRPCError } from '@trpc/server';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { alarmEvents, alarms, type Alarm } from '~/db/schema';
import type { AlarmAction } from '~/db/vocab';
import {
  alarmTransition,
  dueEscalations,
  MOVE_STAMP,
  type AlarmMove,
  type EscalationPolicy,
} from '../domain/alarm-lifecycle';
import type { LivePublisher } from '../live/publisher';
import type { FrameAlarm, LiveChanges } from '../live/types';

export function frameAlarm(a: Alarm): FrameAlarm {
  return {
    id: a.id,
    deviceId: a.deviceId,
    incidentId: a.incidentId,
    kind: a.kind,
    severity: a.severity,
    state: a.state,
    openedAt: a.openedAt.toISOString(),
    escalationLevel: a.escalationLevel,
    assignee: a.assignee,
  };
}

export function alarmChanges(rows: readonly Alarm[]): LiveChanges[] {
  const by = new Map<number, Alarm[]>();
  for (const r of rows) by.set(r.communityId, [...(by.get(r.communityId) ?? []), r]);
  return [...by].map(([communityId, list]) => ({
    communityId,
    receivedAt: Date.now(),
    events: 0,
    devices: [],
    alarms: list.map(frameAlarm),
    incidents: [],
  }));
}

/** Sends changed alarms to every console (through the frame writer, in the app). */
export function publishAlarms(live: LivePublisher, rows: readonly Alarm[]): void {
  if (rows.length > 0) live.publish(alarmChanges(rows));
}

type Change = { move?: AlarmMove; assignee?: string; note?: string };

/** One staff action: a lifecycle move, an assignment, a note, or several at once; each is one audit entry. */
export async function applyAlarmAction(
  db: Db,
  live: LivePublisher,
  id: number,
  actor: string,
  change: Change,
  now = new Date(),
): Promise<Alarm> {
  const row = await db.transaction(async (tx) => {
    const [alarm] = await tx.select().from(alarms).where(eq(alarms.id, id)).for('update');
    if (!alarm) throw new TRPCError({ code: 'NOT_FOUND', message: `没有这条告警 / No alarm ${id}` });
    const set: Partial<typeof alarms.$inferInsert> = {};
    const trail: Array<typeof alarmEvents.$inferInsert> = [];
    const entry = (action: AlarmAction, note: string | null, to = alarm.state) =>
      trail.push({
        alarmId: id,
        communityId: alarm.communityId,
        action,
        fromState: alarm.state,
        toState: to,
        actor,
        note,
        at: now,
      });
    if (change.move) {
      const result = alarmTransition(alarm.state, change.move);
      if (!result.ok) throw new TRPCError({ code: 'CONFLICT', message: result.reason });
      set.state = result.to;
      set[MOVE_STAMP[change.move]] = now;
      // Whoever acknowledges takes the alarm unless it was assigned already.
      if (change.move === 'acknowledge' && !alarm.assignee && !change.assignee) set.assignee = actor;
      entry(change.move, change.note ?? null, result.to);
    }
    if (change.assignee !== undefined && change.assignee !== alarm.assignee) {
      set.assignee = change.assignee;
      entry('assign', change.assignee);
    }
    if (change.note && !change.move) entry('note', change.note);
    if (trail.length === 0)
      throw new TRPCError({ code: 'BAD_REQUEST', message: '没有要记录的操作 / Nothing to record' });
    await tx.insert(alarmEvents).values(trail);
    if (Object.keys(set).length === 0) return alarm;
    const [updated] = await tx.update(alarms).set(set).where(eq(alarms.id, id)).returning();
    return updated ?? alarm;
  });
  publishAlarms(live, [row]);
  return row;
}

/** Appends one audit entry with no state change (a review, a work order opened from the alarm). */
export async function appendAlarmEvent(
  db: Db,
  alarm: Alarm,
  action: AlarmAction,
  actor: string,
  note: string,
): Promise<void> {
  await db.insert(alarmEvents).values({
    alarmId: alarm.id,
    communityId: alarm.communityId,
    action,
    fromState: alarm.state,
    toState: alarm.state,
    actor,
    note,
  });
}

/**
 * The periodic escalation: open alarms past their limit go to level 1 (the
 * duty supervisor), each with an audit entry by "system". The update is
 * guarded by state and level, so two instances sweeping at once escalate once.
 */
export async function escalateDue(db: Db, now: Date, policy: EscalationPolicy): Promise<LiveChanges[]> {
  const open = await db
    .select({
      id: alarms.id,
      severity: alarms.severity,
      state: alarms.state,
      openedAt: alarms.openedAt,
      escalationLevel: alarms.escalationLevel,
    })
    .from(alarms)
    .where(
      and(eq(alarms.state, 'open'), eq(alarms.escalationLevel, 0), inArray(alarms.severity, ['critical', 'major'])),
    );
  const due = dueEscalations(open, now, policy);
  if (due.length === 0) return [];
  const escalated = await db.transaction(async (tx) => {
    const rows = await tx
      .update(alarms)
      .set({ escalationLevel: 1, escalatedAt: now })
      .where(
        and(
          inArray(
            alarms.id,
            due.map((d) => d.id),
          ),
          eq(alarms.state, 'open'),
          eq(alarms.escalationLevel, 0),
        ),
      )
      .returning();
    if (rows.length > 0) {
      await tx.insert(alarmEvents).values(
        rows.map((r) => ({
          alarmId: r.id,
          communityId: r.communityId,
          action: 'escalate' as const,
          fromState: r.state,
          toState: r.state,
          actor: 'system',
          note: `未确认超时，升级至值班主管 / Unacknowledged past its limit: escalated to the duty supervisor`,
          at: now,
        })),
      );
    }
    return rows;
  });
  return alarmChanges(escalated);
}
