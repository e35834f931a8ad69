import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { alarms, buildings, communities, devices, grids, units, workOrderEvents, workOrders } from '~/db/schema';
import { PUBLIC_AREAS, WORK_ORDER_ACTIONS, WORK_ORDER_SOURCES, WORK_ORDER_STATES } from '~/db/vocab';
import { localToday } from '~/lib/calendar';
import {
  DUE_HOURS,
  isOverdue,
  legalMoves,
  localMonth,
  rates,
  ratesByGridMonth,
  WORK_ORDER_CATEGORIES,
} from '../domain/work-order-flow';
import { alarmKindZh } from '../ops/alarm-kind-words';
import { appendAlarmEvent } from '../ops/alarm-ops';
import { moveWorkOrder, openWorkOrder } from '../ops/work-order-ops';
import { createTRPCRouter, publicProcedure, staffProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

const idInput = z.object({ id: z.number().int().positive() });

/** A photo reference: a storage key or a URL, no spaces (there is no upload service; the photo lives elsewhere). */
const photoRef = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^\S+$/, '照片编号不能含空格 / A photo reference has no spaces');

/** The first instant of the local (UTC+8) month `back` months before the current one. */
function monthStart(now: Date, back: number): Date {
  const [y, m] = localMonth(now).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - back, 1) - 8 * 3_600_000);
}

export const workOrderRouter = createTRPCRouter({
  list: staffProcedure
    .input(
      slugInput.extend({
        state: z.enum(WORK_ORDER_STATES).optional(),
        source: z.enum(WORK_ORDER_SOURCES).optional(),
        /** A grid's id, or "none" for orders outside every grid (public areas). */
        grid: z.union([z.number().int().positive(), z.literal('none')]).optional(),
        /** Only orders finished late or still open past their due time (server/domain/work-order-flow.ts isOverdue). */
        overdue: z.boolean().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const now = new Date();
      const where: SQL[] = [eq(workOrders.communityId, community.id)];
      if (input.state) where.push(eq(workOrders.state, input.state));
      if (input.source) where.push(eq(workOrders.source, input.source));
      if (input.grid === 'none') where.push(isNull(workOrders.gridId));
      else if (input.grid !== undefined) where.push(eq(workOrders.gridId, input.grid));
      if (input.overdue) {
        // The same rule as isOverdue, in SQL so the limit applies after it.
        where.push(
          or(
            and(isNotNull(workOrders.doneAt), gt(workOrders.doneAt, workOrders.dueAt)),
            and(
              isNull(workOrders.doneAt),
              notInArray(workOrders.state, ['returned', 'closed']),
              lt(workOrders.dueAt, now),
            ),
          )!,
        );
      }
      const rows = await ctx.db
        .select({ order: workOrders, grid: grids.name })
        .from(workOrders)
        .leftJoin(grids, eq(grids.id, workOrders.gridId))
        .where(and(...where))
        .orderBy(desc(workOrders.openedAt), desc(workOrders.id))
        .limit(input.limit);
      return rows.map(({ order, grid }) => ({
        ...order,
        grid,
        overdue: isOverdue(order, now),
        moves: legalMoves(order.state),
      }));
    }),

  /** What the "new work order" form offers: categories with their due hours, the community's buildings and units, grids and public areas. */
  formOptions: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const [rows, gridRows] = await Promise.all([
      ctx.db
        .select({
          buildingId: buildings.id,
          building: buildings.name,
          floors: buildings.floors,
          unitId: units.id,
          unit: units.name,
        })
        .from(buildings)
        .leftJoin(units, eq(units.buildingId, buildings.id))
        .where(eq(buildings.communityId, community.id))
        .orderBy(asc(buildings.id), asc(units.id)),
      ctx.db
        .select({ id: grids.id, name: grids.name })
        .from(grids)
        .where(eq(grids.communityId, community.id))
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
  }),

  /** Per grid over all time: 办结率, 解决率 and 满意率, each shown on its own (server/domain/work-order-flow.ts). */
  rates: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const rows = await ctx.db
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
      .where(eq(workOrders.communityId, community.id));
    const names = new Map(rows.map((r) => [r.gridId, r.grid]));
    const byGrid = new Map<number | null, typeof rows>();
    for (const r of rows) byGrid.set(r.gridId, [...(byGrid.get(r.gridId) ?? []), r]);
    return [...byGrid]
      .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
      .map(([gridId, list]) => {
        return { gridId, grid: names.get(gridId) ?? null, ...rates(list) };
      });
  }),

  /** The same rates per grid and local month of receipt, for the current month and the `months` − 1 before it (whole months). */
  monthly: staffProcedure
    .input(slugInput.extend({ months: z.number().int().min(1).max(24).default(3) }))
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const since = monthStart(new Date(), input.months - 1);
      const [rows, gridRows] = await Promise.all([
        ctx.db
          .select({
            gridId: workOrders.gridId,
            openedAt: workOrders.openedAt,
            state: workOrders.state,
            resolved: workOrders.resolved,
            satisfaction: workOrders.satisfaction,
          })
          .from(workOrders)
          .where(and(eq(workOrders.communityId, community.id), gte(workOrders.openedAt, since))),
        ctx.db.select({ id: grids.id, name: grids.name }).from(grids).where(eq(grids.communityId, community.id)),
      ]);
      const names = new Map(gridRows.map((g) => [g.id, g.name]));
      return ratesByGridMonth(rows).map((r) => ({
        ...r,
        grid: r.gridId === null ? null : (names.get(r.gridId) ?? null),
      }));
    }),

  /** One order for the desk's detail panel: its grid, the alarm it came from, the overdue flag and the legal next moves. */
  detail: staffProcedure.input(idInput).query(async ({ ctx, input }) => {
    const [row] = await ctx.db
      .select({ order: workOrders, grid: grids.name, alarmKind: alarms.kind })
      .from(workOrders)
      .leftJoin(grids, eq(grids.id, workOrders.gridId))
      .leftJoin(alarms, eq(alarms.id, workOrders.alarmId))
      .where(eq(workOrders.id, input.id));
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `没有这张工单 / No work order ${input.id}` });
    return {
      ...row.order,
      grid: row.grid,
      alarmKind: row.alarmKind,
      overdue: isOverdue(row.order, new Date()),
      moves: legalMoves(row.order.state),
    };
  }),

  history: staffProcedure
    .input(idInput)
    .query(({ ctx, input }) =>
      ctx.db
        .select()
        .from(workOrderEvents)
        .where(eq(workOrderEvents.workOrderId, input.id))
        .orderBy(asc(workOrderEvents.at), asc(workOrderEvents.id)),
    ),

  /**
   * Opened by staff: a grid member's finding, a 12345 hotline order, or a
   * resident's report taken by phone or at the desk (residents themselves use
   * /report). The place is a building (optionally a unit and floor) or a
   * public area, never both; the due time follows from the category.
   */
  create: staffProcedure
    .input(
      slugInput.extend({
        source: z.enum(['grid', 'hotline_12345', 'resident']),
        category: z.enum(WORK_ORDER_CATEGORIES as [string, ...string[]], {
          error: '请选择工单类别 / Choose a category from the list',
        }),
        description: z.string().trim().min(1).max(1000),
        buildingId: z.number().int().positive().optional(),
        unitId: z.number().int().positive().optional(),
        floor: z.number().int().min(-5).max(120).optional(),
        publicArea: z.enum(PUBLIC_AREAS).optional(),
        /** Who reported it, for the return visit; staff-only personal data (docs/DOMAIN.md § Privacy). */
        reporterName: z.string().trim().min(1).max(40).optional(),
        reporterPhone: z
          .string()
          .trim()
          .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不对 / Not a phone number')
          .optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const inBuilding = input.buildingId !== undefined || input.unitId !== undefined;
      if (inBuilding === (input.publicArea !== undefined)) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message:
            '地点须为楼栋（单元、楼层）或一处公共区域 / The place is either a building (unit, floor) or a public area',
        });
      }
      if (input.floor !== undefined && !inBuilding)
        throw new TRPCError({ code: 'BAD_REQUEST', message: '楼层须随楼栋填写 / A floor needs a building' });
      if (input.unitId !== undefined && input.buildingId !== undefined) {
        const [u] = await ctx.db.select({ buildingId: units.buildingId }).from(units).where(eq(units.id, input.unitId));
        if (u?.buildingId !== input.buildingId)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: '单元不属于所选楼栋 / The unit is not in that building',
          });
      }
      if (input.floor !== undefined && input.buildingId !== undefined) {
        const [b] = await ctx.db
          .select({ floors: buildings.floors })
          .from(buildings)
          .where(eq(buildings.id, input.buildingId));
        if (b && (input.floor > b.floors || input.floor === 0))
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `该楼只有 ${b.floors} 层 / The building has ${b.floors} floors`,
          });
      }
      return openWorkOrder(ctx.db, ctx.live, {
        communityId: community.id,
        source: input.source,
        category: input.category,
        description: input.description,
        place: { buildingId: input.buildingId, unitId: input.unitId, floor: input.floor, publicArea: input.publicArea },
        reporterName: input.reporterName ?? null,
        reporterPhone: input.reporterPhone ?? null,
        actor: ctx.user.email,
      });
    }),

  /** One click on the alarm desk: a work order at the alarm's place, linked back in the alarm's trail. */
  fromAlarm: staffProcedure
    .input(z.object({ alarmId: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const [alarm] = await ctx.db.select().from(alarms).where(eq(alarms.id, input.alarmId));
      if (!alarm) throw new TRPCError({ code: 'NOT_FOUND', message: `没有这条告警 / No alarm ${input.alarmId}` });
      const [existing] = await ctx.db
        .select({ code: workOrders.code })
        .from(workOrders)
        .where(eq(workOrders.alarmId, alarm.id));
      if (existing)
        throw new TRPCError({
          code: 'CONFLICT',
          message: `已有工单 ${existing.code} / Work order ${existing.code} already exists`,
        });
      const [device] =
        alarm.deviceId === null
          ? []
          : await ctx.db
              .select({ buildingId: devices.buildingId, name: devices.name })
              .from(devices)
              .where(eq(devices.id, alarm.deviceId));
      const deviceBuildingId = device?.buildingId ?? null;
      // The order, like every other, is written in Chinese, naming the device.
      const title = alarmKindZh(alarm.kind);
      const order = await openWorkOrder(ctx.db, ctx.live, {
        communityId: alarm.communityId,
        source: 'sensor_alarm',
        category: alarm.kind === 'smoke' ? '烟感报警处置' : '设施维修',
        description: device && !title.includes(device.name) ? `${title}（${device.name}）` : title,
        place: deviceBuildingId ? { buildingId: deviceBuildingId } : { publicArea: 'road' },
        alarmId: alarm.id,
        actor: ctx.user.email,
      });
      await appendAlarmEvent(ctx.db, alarm, 'work_order', ctx.user.email, order.code);
      return order;
    }),

  transition: staffProcedure
    .input(
      idInput.extend({
        action: z.enum(WORK_ORDER_ACTIONS),
        note: z.string().trim().min(1).max(500).optional(),
        photo: photoRef.optional(),
        beforePhoto: photoRef.optional(),
        afterPhoto: photoRef.optional(),
        satisfaction: z.number().int().min(1).max(5).optional(),
        resolved: z.enum(['yes', 'no']).optional(),
      }),
    )
    .mutation(({ ctx, input }) => moveWorkOrder(ctx.db, ctx.live, input.id, input.action, ctx.user.email, input)),

  /** What a resident may see of their own report: its state, nothing else (docs/DOMAIN.md § Privacy). */
  track: publicProcedure
    .input(
      slugInput.extend({ reference: z.string().regex(/^R-[A-Z2-9]{8}$/, '编号格式不对 / Not a report reference') }),
    )
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select({
          reference: workOrders.code,
          state: workOrders.state,
          category: workOrders.category,
          openedAt: workOrders.openedAt,
        })
        .from(workOrders)
        .innerJoin(communities, eq(communities.id, workOrders.communityId))
        .where(
          and(
            eq(communities.slug, input.slug),
            eq(workOrders.code, input.reference),
            eq(workOrders.source, 'resident'),
          ),
        );
      if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: '没有这个编号 / No report with this reference' });
      return {
        reference: row.reference,
        state: row.state,
        category: row.category,
        receivedOn: localToday(row.openedAt),
      };
    }),
});
