// The alarm desk's reads: open alarms in the desk's order, an alarm's audit
// trail, whom an alarm can be assigned to, and the community's response targets.
import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { alarmEvents, alarms, communities, devices, incidents, memberships, users, workOrders } from '~/db/schema';
import type { AlarmState } from '~/db/vocab';
import { SEVERITY_RANK } from '../domain/alarm-lifecycle';
import { responseClock, responseTargetsWith } from '../domain/response-targets';
import { membershipCovers } from './access';

/** An e-mail's local part: what to call an account that has no name. */
const localPart = (email: string) => email.slice(0, email.indexOf('@'));

/**
 * What the desk calls the people it names: an account (stored by e-mail, as actors and
 * assignees are) by its display name, or its e-mail's local part when it has none; anything
 * else (a guard's free-text name, "system") as stored. Staff-only: names of staff accounts.
 */
export async function displayNames(db: Db, stored: Iterable<string | null>): Promise<Map<string, string>> {
  const emails = [...new Set([...stored].filter((s): s is string => !!s && s.includes('@')))];
  const names = new Map<string, string>();
  if (emails.length === 0) return names;
  const rows = await db
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.email, emails));
  for (const r of rows) names.set(r.email, r.name.trim() || localPart(r.email));
  for (const e of emails) if (!names.has(e)) names.set(e, localPart(e));
  return names;
}

/** `stored` as the desk names it (displayNames), null kept. */
export const nameOf = (names: Map<string, string>, stored: string | null) =>
  stored === null ? null : (names.get(stored) ?? stored);

/** The severity's rank in SQL, so the limit applies after the desk's order, not before it. */
const severityRank = sql`case ${alarms.severity} ${sql.join(
  Object.entries(SEVERITY_RANK).map(([severity, rank]) => sql`when ${severity} then ${rank}::int`),
  sql` `,
)} end`;

/** Alarms in the given states, most severe first, then oldest first (the desk's order), at most `limit`. */
export async function alarmDesk(
  db: Db,
  q: {
    communityId: number;
    states: AlarmState[];
    limit: number;
    /** Only this device's alarms (the twin's 查看告警). */
    deviceCode?: string;
    /** The community's thresholds, which hold its response targets (server/domain/response-targets.ts). */
    thresholds?: Readonly<Record<string, unknown>>;
  },
  now = new Date(),
) {
  const where: SQL[] = [eq(alarms.communityId, q.communityId), inArray(alarms.state, q.states)];
  if (q.deviceCode) where.push(eq(devices.code, q.deviceCode));
  const targets = responseTargetsWith(q.thresholds);
  const rows = await db
    .select({
      alarm: alarms,
      reviewState: incidents.reviewState,
      evidence: incidents.evidence,
      buildingId: incidents.buildingId,
      workOrderId: workOrders.id,
      workOrderCode: workOrders.code,
      deviceName: devices.name,
      deviceCode: devices.code,
    })
    .from(alarms)
    .leftJoin(incidents, eq(incidents.id, alarms.incidentId))
    .leftJoin(workOrders, eq(workOrders.alarmId, alarms.id))
    .leftJoin(devices, eq(devices.id, alarms.deviceId))
    .where(and(...where))
    .orderBy(severityRank, asc(alarms.openedAt), asc(alarms.id))
    .limit(q.limit);
  const names = await displayNames(
    db,
    rows.map((r) => r.alarm.assignee),
  );
  return rows.map((r) => ({
    ...r.alarm,
    /** The assignee as the desk names them: an account's display name, never its e-mail. */
    assigneeName: nameOf(names, r.alarm.assignee),
    /** The response target's deadline (server/domain/response-targets.ts); the desk ticks the rest. */
    respondBy: responseClock(r.alarm, targets, now).respondBy,
    /** The severity's response target in minutes. */
    targetMinutes: targets[r.alarm.severity],
    reviewState: r.reviewState,
    evidence: r.evidence ?? [],
    buildingId: r.buildingId,
    deviceName: r.deviceName,
    deviceCode: r.deviceCode,
    /** The work order opened from it, if any (one per alarm). */
    workOrder: r.workOrderId === null || r.workOrderCode === null ? null : { id: r.workOrderId, code: r.workOrderCode },
  }));
}

/**
 * Who did what when: the alarm's audit trail, oldest first, each actor (and an assignment's
 * assignee, which its note holds) also as the desk names them; the trail itself is as written.
 */
export async function alarmHistory(db: Db, alarmId: number) {
  const rows = await db
    .select()
    .from(alarmEvents)
    .where(eq(alarmEvents.alarmId, alarmId))
    .orderBy(asc(alarmEvents.at), asc(alarmEvents.id));
  const names = await displayNames(db, [
    ...rows.map((r) => r.actor),
    ...rows.filter((r) => r.action === 'assign').map((r) => r.note),
  ]);
  return rows.map((r) => ({
    ...r,
    actorName: nameOf(names, r.actor)!,
    assigneeName: r.action === 'assign' ? nameOf(names, r.note) : null,
  }));
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
  return {
    accounts: accounts.map((a) => ({ ...a, name: a.name.trim() || localPart(a.email) })),
    names: recent.map((r) => r.name as string).filter((n) => !emails.has(n) && !n.includes('@')),
  };
}
