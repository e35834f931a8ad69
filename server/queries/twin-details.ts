// What the console's twin reads after the scene: throwing incidents of a
// period for the façade heat strip, one incident with its trajectory, and one
// device with its recent events.
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { deviceEvents, devices, incidents } from '~/db/schema';
import { DomainError } from '../domain/errors';
import { LOCAL_ZONE } from './local-zone';

/** Throwing incidents of [from, to] (local days, inclusive), newest first; trajectories come one at a time. */
export function throwingIncidents(db: Db, q: { communityId: number; from: string; to: string }) {
  const i = incidents;
  return db
    .select({
      id: i.id,
      buildingId: i.buildingId,
      facade: i.facade,
      floor: i.floor,
      floorBandFrom: i.floorBandFrom,
      floorBandTo: i.floorBandTo,
      windowColumn: i.windowColumn,
      occurredAt: i.occurredAt,
      reviewState: i.reviewState,
    })
    .from(i)
    .where(
      and(
        eq(i.communityId, q.communityId),
        eq(i.kind, 'throwing'),
        // Local days, as the incident rollups count them.
        gte(i.occurredAt, sql`(${q.from}::date)::timestamp at time zone ${LOCAL_ZONE}`),
        lt(i.occurredAt, sql`(${q.to}::date + 1)::timestamp at time zone ${LOCAL_ZONE}`),
      ),
    )
    .orderBy(desc(i.occurredAt))
    .limit(5000);
}

/** One incident with its trajectory, for the replay and the review panel. */
export async function incidentDetail(db: Db, id: number) {
  const [row] = await db
    .select({
      id: incidents.id,
      kind: incidents.kind,
      buildingId: incidents.buildingId,
      facade: incidents.facade,
      floor: incidents.floor,
      floorBandFrom: incidents.floorBandFrom,
      floorBandTo: incidents.floorBandTo,
      windowColumn: incidents.windowColumn,
      occurredAt: incidents.occurredAt,
      reviewState: incidents.reviewState,
      trajectory: incidents.trajectory,
      evidenceCount: sql<number>`jsonb_array_length(${incidents.evidence})`.mapWith(Number),
      deviceId: incidents.deviceId,
    })
    .from(incidents)
    .where(eq(incidents.id, id));
  if (!row) throw new DomainError('incident.notFound', { id });
  return row;
}

/** A device for the side panel: its latest telemetry and recent events as status history. */
export async function deviceDetail(db: Db, id: number) {
  const [device] = await db
    .select({
      id: devices.id,
      code: devices.code,
      name: devices.name,
      class: devices.class,
      status: devices.status,
      statusSince: devices.statusSince,
      lastSeenAt: devices.lastSeenAt,
      heartbeatSeconds: devices.heartbeatSeconds,
      telemetry: devices.telemetry,
      buildingId: devices.buildingId,
      unitId: devices.unitId,
      floor: devices.floor,
    })
    .from(devices)
    .where(eq(devices.id, id));
  if (!device) throw new DomainError('device.notFound', { device: String(id) });
  const events = await db
    .select({ eventId: deviceEvents.eventId, kind: deviceEvents.kind, at: deviceEvents.at, data: deviceEvents.data })
    .from(deviceEvents)
    .where(eq(deviceEvents.deviceId, id))
    .orderBy(desc(deviceEvents.at))
    .limit(20);
  return { ...device, events };
}
