// Opening and moving work orders; each move appends to work_order_events and,
// once committed, reaches every console as a live frame.
import { randomInt } from 'node:crypto';
import { REFERENCE_ALPHABET } from '~/lib/report-reference';
import { and, eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import {
  alarms,
  buildings,
  devices,
  gridBuildings,
  units,
  workOrderEvents,
  workOrders,
  type WorkOrder,
} from '~/db/schema';
import type { PublicArea, WorkOrderAction, WorkOrderSource } from '~/db/vocab';
import { DomainError } from '../domain/errors';
import { dueAt, workOrderTransition, type MoveInput } from '../domain/work-order-flow';
import type { LivePublisher } from '../live/publisher';
import { alarmKindZh } from './alarm-kind-words';
import { appendAlarmEvent } from './alarm-ops';

/** Tells every console an order was opened or moved. */
export function publishWorkOrders(live: LivePublisher, rows: readonly WorkOrder[]): void {
  if (rows.length === 0) return;
  const by = new Map<number, WorkOrder[]>();
  for (const r of rows) by.set(r.communityId, [...(by.get(r.communityId) ?? []), r]);
  live.publish(
    [...by].map(([communityId, list]) => ({
      communityId,
      receivedAt: Date.now(),
      events: 0,
      devices: [],
      alarms: [],
      incidents: [],
      workOrders: list.map((o) => ({ id: o.id, state: o.state })),
    })),
  );
}

export const PUBLIC_AREA_ZH: Record<PublicArea, string> = {
  garage: '地下车库',
  gate: '小区大门',
  garden: '中心花园',
  road: '小区道路',
  charging_shed: '电动车充电棚',
  waste_point: '垃圾分类点',
  lobby: '单元大堂',
};

/** Not guessable, so a reference found in a URL says nothing about other reports; no look-alike characters. */
export function newReference(prefix: string): string {
  return `${prefix}-${Array.from({ length: 8 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('')}`;
}

export type NewWorkOrder = {
  communityId: number;
  source: WorkOrderSource;
  category: string;
  description: string;
  place: { buildingId?: number; unitId?: number; floor?: number; publicArea?: PublicArea };
  alarmId?: number;
  reporterName?: string | null;
  reporterPhone?: string | null;
  actor: string;
  now?: Date;
};

export async function openWorkOrder(db: Db, live: LivePublisher, o: NewWorkOrder): Promise<WorkOrder> {
  const now = o.now ?? new Date();
  let label = o.place.publicArea ? PUBLIC_AREA_ZH[o.place.publicArea] : '';
  let gridId: number | null = null;
  let buildingId = o.place.buildingId ?? null;
  if (o.place.unitId) {
    const [u] = await db
      .select({ buildingId: units.buildingId, name: units.name })
      .from(units)
      .where(eq(units.id, o.place.unitId));
    if (!u) throw new DomainError('place.unitNotFound');
    buildingId = u.buildingId;
    label = u.name;
  }
  if (buildingId) {
    const [b] = await db
      .select({ name: buildings.name, communityId: buildings.communityId })
      .from(buildings)
      .where(eq(buildings.id, buildingId));
    if (!b || b.communityId !== o.communityId) throw new DomainError('place.buildingNotInCommunity');
    label = `${b.name}${label}${o.place.floor ? `${o.place.floor}层` : ''}`;
    const [g] = await db
      .select({ gridId: gridBuildings.gridId })
      .from(gridBuildings)
      .where(eq(gridBuildings.buildingId, buildingId))
      .limit(1);
    gridId = g?.gridId ?? null;
  }
  if (!label) throw new DomainError('place.required');
  const [row] = await db
    .insert(workOrders)
    .values({
      communityId: o.communityId,
      gridId,
      code: newReference(o.source === 'resident' ? 'R' : 'W'),
      source: o.source,
      category: o.category,
      buildingId,
      unitId: o.place.unitId ?? null,
      floor: o.place.floor ?? null,
      publicArea: o.place.publicArea ?? null,
      place: label,
      description: o.description,
      alarmId: o.alarmId ?? null,
      reporterName: o.reporterName ?? null,
      reporterPhone: o.reporterPhone ?? null,
      state: 'pending',
      openedAt: now,
      dueAt: dueAt(o.category, now),
    })
    .returning();
  if (!row) throw new Error('work order insert returned nothing');
  await db
    .insert(workOrderEvents)
    .values({ workOrderId: row.id, action: 'create', fromState: null, toState: 'pending', actor: o.actor, at: now });
  publishWorkOrders(live, [row]);
  return row;
}

/** A staff member's order (not from an alarm): the place is checked before it is opened. */
export type StaffWorkOrder = Omit<NewWorkOrder, 'alarmId' | 'now'>;

/**
 * Opened by staff: a grid member's finding, a 12345 hotline order, or a
 * resident's report taken by phone or at the desk. The place is a building
 * (optionally a unit and floor) or a public area, never both; the due time
 * follows from the category.
 */
export async function createWorkOrder(db: Db, live: LivePublisher, o: StaffWorkOrder): Promise<WorkOrder> {
  const { buildingId, unitId, floor, publicArea } = o.place;
  const inBuilding = buildingId !== undefined || unitId !== undefined;
  if (inBuilding === (publicArea !== undefined)) throw new DomainError('place.buildingOrArea');
  if (floor !== undefined && !inBuilding) throw new DomainError('place.floorNeedsBuilding');
  if (unitId !== undefined && buildingId !== undefined) {
    const [u] = await db.select({ buildingId: units.buildingId }).from(units).where(eq(units.id, unitId));
    if (u?.buildingId !== buildingId) throw new DomainError('place.unitNotInBuilding');
  }
  if (floor !== undefined && buildingId !== undefined) {
    const [b] = await db.select({ floors: buildings.floors }).from(buildings).where(eq(buildings.id, buildingId));
    if (b && (floor > b.floors || floor === 0)) throw new DomainError('place.floorOutOfRange', { floors: b.floors });
  }
  return openWorkOrder(db, live, o);
}

/** One click on the alarm desk: a work order at the alarm's place, linked back in the alarm's trail. */
export async function openWorkOrderFromAlarm(
  db: Db,
  live: LivePublisher,
  alarmId: number,
  actor: string,
): Promise<WorkOrder> {
  const [alarm] = await db.select().from(alarms).where(eq(alarms.id, alarmId));
  if (!alarm) throw new DomainError('alarm.notFound', { id: alarmId });
  const [existing] = await db
    .select({ code: workOrders.code })
    .from(workOrders)
    .where(eq(workOrders.alarmId, alarm.id));
  if (existing) throw new DomainError('workOrder.existsForAlarm', { code: existing.code });
  const [device] =
    alarm.deviceId === null
      ? []
      : await db
          .select({ buildingId: devices.buildingId, name: devices.name })
          .from(devices)
          .where(eq(devices.id, alarm.deviceId));
  const deviceBuildingId = device?.buildingId ?? null;
  // The order, like every other, is written in Chinese, naming the device.
  const title = alarmKindZh(alarm.kind);
  const order = await openWorkOrder(db, live, {
    communityId: alarm.communityId,
    source: 'sensor_alarm',
    category: alarm.kind === 'smoke' ? '烟感报警处置' : '设施维修',
    description: device && !title.includes(device.name) ? `${title}（${device.name}）` : title,
    place: deviceBuildingId ? { buildingId: deviceBuildingId } : { publicArea: 'road' },
    alarmId: alarm.id,
    actor,
  });
  await appendAlarmEvent(db, alarm, 'work_order', actor, order.code);
  return order;
}

export type MoveExtra = MoveInput & {
  /** A photo reference for the move: before the work when accepting, after it when finishing. */
  photo?: string;
  beforePhoto?: string;
  afterPhoto?: string;
};

/**
 * Photo references (storage keys or URLs; there is no upload service) go
 * with the moves that take them: "before" when accepting or finishing, "after"
 * only when finishing.
 */
function photosFor(
  action: WorkOrderAction,
  extra: MoveExtra,
): { before: string[]; after: string[] } | { error: DomainError } {
  const before = [extra.beforePhoto, action === 'accept' ? extra.photo : undefined].filter((p): p is string => !!p);
  const after = [extra.afterPhoto, action === 'finish' ? extra.photo : undefined].filter((p): p is string => !!p);
  if (before.length > 0 && action !== 'accept' && action !== 'finish')
    return { error: new DomainError('workOrder.beforePhotoMove') };
  if (after.length > 0 && action !== 'finish') return { error: new DomainError('workOrder.afterPhotoMove') };
  if (extra.photo && action !== 'accept' && action !== 'finish')
    return { error: new DomainError('workOrder.photoMove') };
  return { before, after };
}

export async function moveWorkOrder(
  db: Db,
  live: LivePublisher,
  id: number,
  action: WorkOrderAction,
  actor: string,
  extra: MoveExtra = {},
  now = new Date(),
): Promise<WorkOrder> {
  const photos = photosFor(action, extra);
  if ('error' in photos) throw photos.error;
  const moved = await db.transaction(async (tx) => {
    const [o] = await tx.select().from(workOrders).where(eq(workOrders.id, id)).for('update');
    if (!o) throw new DomainError('workOrder.notFound', { id });
    const result = workOrderTransition(o.state, action, extra);
    if (!result.ok) throw result.error;
    const set: Partial<typeof workOrders.$inferInsert> = { state: result.to };
    if (action === 'accept') set.acceptedAt = now;
    if (action === 'finish') set.doneAt = now;
    if (photos.before.length > 0) set.beforePhotos = [...o.beforePhotos, ...photos.before];
    if (photos.after.length > 0) set.afterPhotos = [...o.afterPhotos, ...photos.after];
    if (action === 'visit') {
      set.visitedAt = now;
      set.satisfaction = extra.satisfaction;
      set.resolved = extra.resolved;
    }
    if (action === 'close') set.closedAt = now;
    const [row] = await tx
      .update(workOrders)
      .set(set)
      .where(and(eq(workOrders.id, id), eq(workOrders.state, o.state)))
      .returning();
    if (!row) throw new DomainError('workOrder.changed');
    await tx.insert(workOrderEvents).values({
      workOrderId: id,
      action,
      fromState: o.state,
      toState: result.to,
      actor,
      note: extra.note?.trim() || null,
      at: now,
    });
    return row;
  });
  publishWorkOrders(live, [moved]);
  return moved;
}
