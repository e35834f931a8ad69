// The alarm desk's reads: open alarms in the desk's order, an alarm's audit
// trail, and whom an alarm can be assigned to.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { alarmEvents, alarms, communities, devices, incidents, memberships, users, workOrders } from '~/db/schema';
import type { AlarmState } from '~/db/vocab';
import { SEVERITY_RANK } from '../domain/alarm-lifecycle';
import { membershipCovers } from './access';

/** The severity's rank in SQL, so the limit applies after the desk's order, not before it. */
const severityRank = sql`case ${alarms.severity} ${sql.join(
  Object.entries(SEVERITY_RANK).map(([severity, rank]) => sql`when ${severity} then ${rank}::int`),
  sql` `,
)} end`;

/** Alarms in the given states, most severe first, then oldest first (the desk's order), at most `limit`. */
export async function alarmDesk(db: Db, q: { communityId: number; states: AlarmState[]; limit: number }) {
  const rows = await db
    .select({
      alarm: alarms,
      reviewState: incidents.reviewState,
      evidence: incidents.evidence,
      buildingId: incidents.buildingId,
      workOrderId: workOrders.id,
      workOrderCode: workOrders.code,
      deviceName: devices.name,
    })
    .from(alarms)
    .leftJoin(incidents, eq(incidents.id, alarms.incidentId))
    .leftJoin(workOrders, eq(workOrders.alarmId, alarms.id))
    .leftJoin(devices, eq(devices.id, alarms.deviceId))
    .where(and(eq(alarms.communityId, q.communityId), inArray(alarms.state, q.states)))
    .orderBy(severityRank, asc(alarms.openedAt), asc(alarms.id))
    .limit(q.limit);
  return rows.map((r) => ({
    ...r.alarm,
    reviewState: r.reviewState,
    evidence: r.evidence ?? [],
    buildingId: r.buildingId,
    deviceName: r.deviceName,
    /** The work order opened from it, if any (one per alarm). */
    workOrder: r.workOrderId === null || r.workOrderCode === null ? null : { id: r.workOrderId, code: r.workOrderCode },
  }));
}

/** Who did what when: the alarm's audit trail, oldest first. */
export function alarmHistory(db: Db, alarmId: number) {
  return db
    .select()
    .from(alarmEvents)
    .where(eq(alarmEvents.alarmId, alarmId))
    .orderBy(asc(alarmEvents.at), asc(alarmEvents.id));
}

/**
 * Whom an alarm can go to: the community's staff (its own, and its street's district
 * members), enabled accounts only, and the names
 * already used as assignees in this community (guards on duty often have
 * no account, so the desk also takes a free-text name).
 */
export async function alarmAssignees(db: Db, communityId: number) {
  const [accounts, recent] = await Promise.all([
    db
      .selectDistinct({ name: users.name, email: users.email })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(communities, membershipCovers)
      .where(
        and(
          eq(communities.id, communityId),
          inArray(memberships.role, ['staff', 'district']),
          isNull(users.disabledAt),
        ),
      )
      .orderBy(asc(users.email)),
    db
      .selectDistinct({ name: alarms.assignee })
      .from(alarms)
      .where(and(eq(alarms.communityId, communityId), isNotNull(alarms.assignee)))
      .orderBy(asc(alarms.assignee))
      .limit(50),
  ]);
  const emails = new Set(accounts.map((a) => a.email));
  return { accounts, names: recent.map((r) => r.name as string).filter((n) => !emails.has(n)) };
}
