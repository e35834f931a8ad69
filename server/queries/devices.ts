import { and, asc, count, desc, eq, gt, ilike, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { buildings, deadLetters, devices, units } from '~/db/schema';
import type { DeviceClass, DeviceStatus } from '~/db/vocab';
import type { Reach } from '../domain/access';
import { DomainError } from '../domain/errors';
import { inReach } from './access';

/** Devices counted by class and status. */
export function deviceSummary(db: Db, communityId: number) {
  return db
    .select({ class: devices.class, status: devices.status, count: count() })
    .from(devices)
    .where(eq(devices.communityId, communityId))
    .groupBy(devices.class, devices.status)
    .orderBy(asc(devices.class), asc(devices.status));
}

/** Devices by class and status, a page at a time (keyset on id); `next` is the id to continue after. */
export async function devicePage(
  db: Db,
  q: {
    communityId: number;
    class?: DeviceClass;
    status?: DeviceStatus;
    buildingId?: number;
    /** Part of the device code, any case. */
    search?: string;
    after?: number;
    limit: number;
  },
) {
  const where: SQL[] = [eq(devices.communityId, q.communityId)];
  if (q.class) where.push(eq(devices.class, q.class));
  if (q.status) where.push(eq(devices.status, q.status));
  if (q.buildingId !== undefined) where.push(eq(devices.buildingId, q.buildingId));
  if (q.search) where.push(ilike(devices.code, `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.after !== undefined) where.push(gt(devices.id, q.after));
  const rows = await db
    .select({
      id: devices.id,
      code: devices.code,
      class: devices.class,
      name: devices.name,
      status: devices.status,
      statusSince: devices.statusSince,
      lastSeenAt: devices.lastSeenAt,
      buildingId: devices.buildingId,
      unitId: devices.unitId,
      floor: devices.floor,
      x: devices.x,
      y: devices.y,
      z: devices.z,
      poleId: devices.poleId,
      config: devices.config,
      telemetry: devices.telemetry,
      heartbeatSeconds: devices.heartbeatSeconds,
      hasToken: sql<boolean>`${devices.tokenHash} is not null`,
    })
    .from(devices)
    .where(and(...where))
    .orderBy(asc(devices.id))
    .limit(q.limit);
  return { items: rows, next: rows.length === q.limit ? rows.at(-1)?.id : undefined };
}

/** The community a device belongs to, by its code; refused as `device.notFound`. */
export async function deviceCommunity(db: Db, code: string): Promise<number> {
  const [device] = await db.select({ communityId: devices.communityId }).from(devices).where(eq(devices.code, code));
  if (!device) throw new DomainError('device.notFound', { device: code });
  return device.communityId;
}

/** Input the MQTT door refused, newest first. */
/**
 * Refused input, newest first: of the caller's communities' devices, and for admins
 * (reach 'all') also what no known device sent.
 */
export function deadLetterList(db: Db, reach: Reach, limit: number) {
  const mine =
    reach === 'all'
      ? sql`true`
      : sql`${deadLetters.deviceCode} in (select code from devices where ${inReach(sql`community_id`, reach)})`;
  return db.select().from(deadLetters).where(mine).orderBy(desc(deadLetters.id)).limit(limit);
}

/** The community's buildings and units, for choosing a device's place and filtering the device table. */
export async function devicePlaces(db: Db, communityId: number) {
  const rows = await db
    .select({
      buildingId: buildings.id,
      number: buildings.number,
      name: buildings.name,
      floors: buildings.floors,
      unitId: units.id,
      unitName: units.name,
    })
    .from(buildings)
    .leftJoin(units, eq(units.buildingId, buildings.id))
    .where(eq(buildings.communityId, communityId))
    .orderBy(asc(buildings.id), asc(units.ordinal));
  const out = new Map<
    number,
    { id: number; number: string; name: string; floors: number; units: { id: number; name: string }[] }
  >();
  for (const r of rows) {
    let b = out.get(r.buildingId);
    if (!b)
      out.set(r.buildingId, (b = { id: r.buildingId, number: r.number, name: r.name, floors: r.floors, units: [] }));
    if (r.unitId !== null) b.units.push({ id: r.unitId, name: r.unitName! });
  }
  return [...out.values()];
}
