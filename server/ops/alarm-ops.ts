// Staff actions on alarms, applied under a row lock and appended to the audit
// trail in the same transaction, then echoed to every console as a live frame.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { alarmEvents, alarms, incidents, type Alarm } from '~/db/schema';
import type { AlarmAction } from '~/db/vocab';
import {
  alarmTransition,
  dueEscalations,
  MOVE_STAMP,
  reviewAllowed,
  type AlarmMove,
  type EscalationPolicy,
} from '../domain/alarm-lifecycle';
import { DomainError } from '../domain/errors';
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
    if (!alarm) throw new DomainError('alarm.notFound', { id });
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
      if (!result.ok) throw result.error;
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
    if (trail.length === 0) throw new DomainError('alarm.nothingToRecord');
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

export type ReviewDecision = 'confirmed' | 'false_alarm' | 'referred_police';

/**
 * The review of a throwing alarm's incident: confirmed, a false alarm, or
 * referred to the police (pending → confirmed | false alarm → referred),
 * citing the evidence clip it was judged on; one audit entry on the alarm.
 */
export async function reviewAlarm(
  db: Db,
  id: number,
  actor: string,
  review: { decision: ReviewDecision; evidence: string; note?: string },
): Promise<{ incidentId: number; reviewState: ReviewDecision }> {
  const [alarm] = await db.select().from(alarms).where(eq(alarms.id, id));
  if (!alarm) throw new DomainError('alarm.notFound', { id });
  if (alarm.incidentId === null) throw new DomainError('alarm.noIncident');
  const [incident] = await db.select().from(incidents).where(eq(incidents.id, alarm.incidentId));
  if (!incident) throw new DomainError('incident.notFound', { id: alarm.incidentId });
  if (!reviewAllowed(incident.reviewState, review.decision))
    throw new DomainError('incident.alreadyReviewed', { state: incident.reviewState });
  await db.update(incidents).set({ reviewState: review.decision }).where(eq(incidents.id, incident.id));
  await appendAlarmEvent(
    db,
    alarm,
    'review',
    actor,
    `${review.decision} · ${review.evidence}${review.note ? ` · ${review.note}` : ''}`,
  );
  return { incidentId: incident.id, reviewState: review.decision };
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
          // No note: the trail words the action itself (alarmActions.escalate in the messages).
          note: null,
          at: now,
        })),
      );
    }
    return rows;
  });
  return alarmChanges(escalated);
}
