// Opening and moving work orders; each move appends to work_order_events and,
// once committed, reaches every console as a live frame.
import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { buildings, gridBuildings, units, workOrderEvents, workOrders, type WorkOrder } from '~/db/schema';
import type { PublicArea, WorkOrderAction, WorkOrderSource } from '~/db/vocab';
import { dueAt, workOrderTransition, type MoveInput } from '../domain/work-order-flow';
import type { LivePublisher } from '../live/publisher';

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

/** Not guessable, so a reference found in a URL says nothing about other reports; no 0/O/1/I to misread. */
export function newReference(prefix: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `${prefix}-${[...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('')}`;
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
    if (!u) throw new TRPCError({ code: 'BAD_REQUEST', message: '没有这个单元 / No such unit' });
    buildingId = u.buildingId;
    label = u.name;
  }
  if (buildingId) {
    const [b] = await db
      .select({ name: buildings.name, communityId: buildings.communityId })
      .from(buildings)
      .where(eq(buildings.id, buildingId));
    if (!b || b.communityId !== o.communityId)
      throw new TRPCError({ code: 'BAD_REQUEST', message: '楼栋不属于该社区 / The building is not in this community' });
    label = `${b.name}${label}${o.place.floor ? `${o.place.floor}层` : ''}`;
    const [g] = await db
      .select({ gridId: gridBuildings.gridId })
      .from(gridBuildings)
      .where(eq(gridBuildings.buildingId, buildingId))
      .limit(1);
    gridId = g?.gridId ?? null;
  }
  if (!label) throw new TRPCError({ code: 'BAD_REQUEST', message: '请选择地点 / Choose a place' });
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
): { before: string[]; after: string[] } | { error: string } {
  const before = [extra.beforePhoto, action === 'accept' ? extra.photo : undefined].filter((p): p is string => !!p);
  const after = [extra.afterPhoto, action === 'finish' ? extra.photo : undefined].filter((p): p is string => !!p);
  if (before.length > 0 && action !== 'accept' && action !== 'finish')
    return { error: '处置前照片随受理或办结登记 / Before photos go with accepting or finishing' };
  if (after.length > 0 && action !== 'finish')
    return { error: '处置后照片随办结登记 / After photos go with finishing' };
  if (extra.photo && action !== 'accept' && action !== 'finish')
    return { error: '照片随受理或办结登记 / Photos go with accepting or finishing' };
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
  if ('error' in photos) throw new TRPCError({ code: 'BAD_REQUEST', message: photos.error });
  const moved = await db.transaction(async (tx) => {
    const [o] = await tx.select().from(workOrders).where(eq(workOrders.id, id)).for('update');
    if (!o) throw new TRPCError({ code: 'NOT_FOUND', message: `没有这张工单 / No work order ${id}` });
    const result = workOrderTransition(o.state, action, extra);
    if (!result.ok) throw new TRPCError({ code: 'CONFLICT', message: result.reason });
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
    if (!row) throw new TRPCError({ code: 'CONFLICT', message: '工单刚被他人更改 / The work order just changed' });
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
