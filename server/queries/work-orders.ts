// The work-order desk's reads: the filtered list, one order and its trail,
// what the "new order" form offers, the 12345 rates, and what a resident may
// see of their own report.
import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '~/db/client';
import { alarms, buildings, communities, grids, units, workOrderEvents, workOrders } from '~/db/schema';
import { PUBLIC_AREAS, type WorkOrderSource, type WorkOrderState } from '~/db/vocab';
import { localDay, startOfLocalMonth } from '~/lib/calendar';
import { DomainError } from '../domain/errors';
import { displayNames, nameOf } from './alarms';
import {
  DUE_HOURS,
  isOverdue,
  legalMoves,
  rates,
  ratesByGridMonth,
  WORK_ORDER_CATEGORIES,
} from '../domain/work-order-flow';

export type WorkOrderFilter = {
  communityId: number;
  state?: WorkOrderState;
  source?: WorkOrderSource;
  /** A grid's id, or "none" for orders outside every grid (public areas). */
  grid?: number | 'none';
  /** Only orders finished late or still open past their due time (isOverdue). */
  overdue?: boolean;
  limit: number;
};

export async function workOrderList(db: Db, f: WorkOrderFilter, now = new Date()) {
  const where: SQL[] = [eq(workOrders.communityId, f.communityId)];
  if (f.state) where.push(eq(workOrders.state, f.state));
  if (f.source) where.push(eq(workOrders.source, f.source));
  if (f.grid === 'none') where.push(isNull(workOrders.gridId));
  else if (f.grid !== undefined) where.push(eq(workOrders.gridId, f.grid));
  if (f.overdue) {
    // The same rule as isOverdue, in SQL so the limit applies after it.
    where.push(
      or(
        and(isNotNull(workOrders.doneAt), gt(workOrders.doneAt, workOrders.dueAt)),
        and(isNull(workOrders.doneAt), notInArray(workOrders.state, ['returned', 'closed']), lt(workOrders.dueAt, now)),
      )!,
    );
  }
  const rows = await db
    .select({ order: workOrders, grid: grids.name })
    .from(workOrders)
    .leftJoin(grids, eq(grids.id, workOrders.gridId))
    .where(and(...where))
    .orderBy(desc(workOrders.openedAt), desc(workOrders.id))
    .limit(f.limit);
  return rows.map(({ order, grid }) => ({
    ...order,
    grid,
    overdue: isOverdue(order, now),
    moves: legalMoves(order.state),
  }));
}

/** What the "new work order" form offers: categories with their due hours, the community's buildings and units, grids and public areas. */
export async function workOrderFormOptions(db: Db, communityId: number) {
  const [rows, gridRows] = await Promise.all([
    db
      .select({
        buildingId: buildings.id,
        building: buildings.name,
        floors: buildings.floors,
        unitId: units.id,
        unit: units.name,
      })
      .from(buildings)
      .leftJoin(units, eq(units.buildingId, buildings.id))
      .where(eq(buildings.communityId, communityId))
      .orderBy(asc(buildings.id), asc(units.id)),
    db
      .select({ id: grids.id, name: grids.name })
      .from(grids)
      .where(eq(grids.communityId, communityId))
      .orderBy(asc(grids.id)),
  ]);
  const list: Array<{ id: number; name: string; floors: number; units: Array<{ id: number; name: string }> }> = [];
  for (const r of rows) {
    let b = list.at(-1);
    if (!b || b.id !== r.buildingId)
      list.push((b = { id: r.buildingId, name: r.building, floors: r.floors, units: [] }));
    if (r.unitId !== null && r.unit !== null) b.units.push({ id: r.unitId, name: r.unit });
  }
  return {
    categories: WORK_ORDER_CATEGORIES.map((name) => ({ name, dueHours: DUE_HOURS[name] as number })),
    buildings: list,
    grids: gridRows,
    publicAreas: PUBLIC_AREAS,
  };
}

/** Per grid over all time: 办结率, 解决率 and 满意率, each shown on its own (server/domain/work-order-flow.ts). */
export async function workOrderRates(db: Db, communityId: number) {
  const rows = await db
    .select({
      gridId: workOrders.gridId,
      grid: grids.name,
      openedAt: workOrders.openedAt,
      state: workOrders.state,
      resolved: workOrders.resolved,
      satisfaction: workOrders.satisfaction,
    })
    .from(workOrders)
    .leftJoin(grids, eq(grids.id, workOrders.gridId))
    .where(eq(workOrders.communityId, communityId));
  const names = new Map(rows.map((r) => [r.gridId, r.grid]));
  const byGrid = new Map<number | null, typeof rows>();
  for (const r of rows) byGrid.set(r.gridId, [...(byGrid.get(r.gridId) ?? []), r]);
  return [...byGrid]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([gridId, list]) => ({ gridId, grid: names.get(gridId) ?? null, ...rates(list) }));
}

/** The same rates per grid and local month of receipt, for the current month and the `months` − 1 before it (whole months). */
export async function workOrderMonthlyRates(db: Db, communityId: number, months: number, now = new Date()) {
  const since = startOfLocalMonth(now, months - 1);
  const [rows, gridRows] = await Promise.all([
    db
      .select({
        gridId: workOrders.gridId,
        openedAt: workOrders.openedAt,
        state: workOrders.state,
        resolved: workOrders.resolved,
        satisfaction: workOrders.satisfaction,
      })
      .from(workOrders)
      .where(and(eq(workOrders.communityId, communityId), gte(workOrders.openedAt, since))),
    db.select({ id: grids.id, name: grids.name }).from(grids).where(eq(grids.communityId, communityId)),
  ]);
  const names = new Map(gridRows.map((g) => [g.id, g.name]));
  return ratesByGridMonth(rows).map((r) => ({ ...r, grid: r.gridId === null ? null : (names.get(r.gridId) ?? null) }));
}

/** One order for the desk's detail panel: its grid, the alarm it came from, the overdue flag and the legal next moves. */
export async function workOrderDetail(db: Db, id: number, now = new Date()) {
  const [row] = await db
    .select({ order: workOrders, grid: grids.name, alarmKind: alarms.kind })
    .from(workOrders)
    .leftJoin(grids, eq(grids.id, workOrders.gridId))
    .leftJoin(alarms, eq(alarms.id, workOrders.alarmId))
    .where(eq(workOrders.id, id));
  if (!row) throw new DomainError('workOrder.notFound', { id });
  return {
    ...row.order,
    grid: row.grid,
    alarmKind: row.alarmKind,
    overdue: isOverdue(row.order, now),
    moves: legalMoves(row.order.state),
  };
}

/** The order's trail, oldest first, each actor also as the desk names them (an account's name, never its e-mail). */
export async function workOrderHistory(db: Db, id: number) {
  const rows = await db
    .select()
    .from(workOrderEvents)
    .where(eq(workOrderEvents.workOrderId, id))
    .orderBy(asc(workOrderEvents.at), asc(workOrderEvents.id));
  const names = await displayNames(
    db,
    rows.map((r) => r.actor),
  );
  return rows.map((r) => ({ ...r, actorName: nameOf(names, r.actor)! }));
}

/** What a resident may see of their own report: its state, nothing else (docs/DOMAIN.md, privacy). */
export async function trackReport(db: Db, slug: string, reference: string) {
  const [row] = await db
    .select({
      reference: workOrders.code,
      state: workOrders.state,
      category: workOrders.category,
      openedAt: workOrders.openedAt,
    })
    .from(workOrders)
    .innerJoin(communities, eq(communities.id, workOrders.communityId))
    .where(and(eq(communities.slug, slug), eq(workOrders.code, reference), eq(workOrders.source, 'resident')));
  if (!row) throw new DomainError('report.notFound');
  return { reference: row.reference, state: row.state, category: row.category, receivedOn: localDay(row.openedAt) };
}
