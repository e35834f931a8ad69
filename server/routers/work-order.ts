import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, gte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { alarms, communities, grids, workOrderEvents, workOrders } from '~/db/schema';
import { PUBLIC_AREAS, WORK_ORDER_ACTIONS, WORK_ORDER_SOURCES, WORK_ORDER_STATES } from '~/db/vocab';
import { localToday } from '~/db/local-day';
import { isOverdue, rates, ratesByGridMonth } from '../domain/work-order-flow';
import { appendAlarmEvent } from '../ops/alarm-ops';
import { moveWorkOrder, openWorkOrder } from '../ops/work-order-ops';
import { createTRPCRouter, publicProcedure, staffProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

const idInput = z.object({ id: z.number().int().positive() });

export const workOrderRouter = createTRPCRouter({
  list: staffProcedure
    .input(
      slugInput.extend({
        state: z.enum(WORK_ORDER_STATES).optional(),
        source: z.enum(WORK_ORDER_SOURCES).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const where: SQL[] = [eq(workOrders.communityId, community.id)];
      if (input.state) where.push(eq(workOrders.state, input.state));
      if (input.source) where.push(eq(workOrders.source, input.source));
      const rows = await ctx.db.select().from(workOrders).where(and(...where)).orderBy(desc(workOrders.openedAt)).limit(input.limit);
      const now = new Date();
      return rows.map((r) => ({ ...r, overdue: isOverdue(r, now) }));
    }),

  /** Per grid over all time: 办结率, 解决率 and 满意率, each shown on its own (server/domain/work-order-flow.ts). */
  rates: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const rows = await ctx.db
      .select({ gridId: workOrders.gridId, grid: grids.name, openedAt: workOrders.openedAt, state: workOrders.state, resolved: workOrders.resolved, satisfaction: workOrders.satisfaction })
      .from(workOrders).leftJoin(grids, eq(grids.id, workOrders.gridId)).where(eq(workOrders.communityId, community.id));
    const names = new Map(rows.map((r) => [r.gridId, r.grid]));
    const byGrid = new Map<number | null, typeof rows>();
    for (const r of rows) byGrid.set(r.gridId, [...(byGrid.get(r.gridId) ?? []), r]);
    return [...byGrid].sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity)).map(([gridId, list]) => {
      const { total, completionRate, resolutionRate, satisfactionRate } = rates(list);
      return { gridId, grid: names.get(gridId) ?? null, total, completionRate, resolutionRate, satisfactionRate };
    });
  }),

  /** The same rates per grid and local month of receipt, for the last `months` months. */
  monthly: staffProcedure.input(slugInput.extend({ months: z.number().int().min(1).max(24).default(3) })).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const since = new Date(Date.now() - input.months * 31 * 86_400_000);
    const rows = await ctx.db
      .select({ gridId: workOrders.gridId, openedAt: workOrders.openedAt, state: workOrders.state, resolved: workOrders.resolved, satisfaction: workOrders.satisfaction })
      .from(workOrders).where(and(eq(workOrders.communityId, community.id), gte(workOrders.openedAt, since)));
    return ratesByGridMonth(rows);
  }),

  history: staffProcedure.input(idInput).query(({ ctx, input }) =>
    ctx.db.select().from(workOrderEvents).where(eq(workOrderEvents.workOrderId, input.id)).orderBy(asc(workOrderEvents.at), asc(workOrderEvents.id)),
  ),

  /** Opened by staff: a grid member's finding or a 12345 hotline order (residents use /report). */
  create: staffProcedure
    .input(slugInput.extend({
      source: z.enum(['grid', 'hotline_12345']),
      category: z.string().trim().min(1).max(40),
      description: z.string().trim().min(1).max(1000),
      buildingId: z.number().int().positive().optional(),
      unitId: z.number().int().positive().optional(),
      floor: z.number().int().min(-5).max(120).optional(),
      publicArea: z.enum(PUBLIC_AREAS).optional(),
    }))
    .mutation(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      return openWorkOrder(ctx.db, {
        communityId: community.id, source: input.source, category: input.category, description: input.description,
        place: { buildingId: input.buildingId, unitId: input.unitId, floor: input.floor, publicArea: input.publicArea }, actor: ctx.user.email,
      });
    }),

  /** One click on the alarm desk: a work order at the alarm's place, linked back in the alarm's trail. */
  fromAlarm: staffProcedure.input(z.object({ alarmId: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    const [alarm] = await ctx.db.select().from(alarms).where(eq(alarms.id, input.alarmId));
    if (!alarm) throw new TRPCError({ code: 'NOT_FOUND', message: `没有这条告警 / No alarm ${input.alarmId}` });
    const [existing] = await ctx.db.select({ code: workOrders.code }).from(workOrders).where(eq(workOrders.alarmId, alarm.id));
    if (existing) throw new TRPCError({ code: 'CONFLICT', message: `已有工单 ${existing.code} / Work order ${existing.code} already exists` });
    const { deviceBuildingId } = await deviceBuilding(ctx.db, alarm.deviceId);
    const order = await openWorkOrder(ctx.db, {
      communityId: alarm.communityId, source: 'sensor_alarm', category: alarm.kind === 'smoke' ? '烟感报警处置' : '设施维修', description: alarm.title,
      place: deviceBuildingId ? { buildingId: deviceBuildingId } : { publicArea: 'road' }, alarmId: alarm.id, actor: ctx.user.email,
    });
    await appendAlarmEvent(ctx.db, alarm, 'work_order', ctx.user.email, order.code);
    return order;
  }),

  transition: staffProcedure
    .input(idInput.extend({
      action: z.enum(WORK_ORDER_ACTIONS),
      note: z.string().trim().min(1).max(500).optional(),
      photo: z.string().trim().min(1).max(200).optional(),
      satisfaction: z.number().int().min(1).max(5).optional(),
      resolved: z.enum(['yes', 'no']).optional(),
    }))
    .mutation(({ ctx, input }) => moveWorkOrder(ctx.db, input.id, input.action, ctx.user.email, input)),

  /** What a resident may see of their own report: its state, nothing else (DESIGN.md §5). */
  track: publicProcedure
    .input(slugInput.extend({ reference: z.string().regex(/^R-[A-Z2-9]{8}$/, '编号格式不对 / Not a report reference') }))
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select({ reference: workOrders.code, state: workOrders.state, category: workOrders.category, openedAt: workOrders.openedAt })
        .from(workOrders).innerJoin(communities, eq(communities.id, workOrders.communityId))
        .where(and(eq(communities.slug, input.slug), eq(workOrders.code, input.reference), eq(workOrders.source, 'resident')));
      if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: '没有这个编号 / No report with this reference' });
      return { reference: row.reference, state: row.state, category: row.category, receivedOn: localToday(row.openedAt) };
    }),
});

async function deviceBuilding(db: Parameters<typeof openWorkOrder>[0], deviceId: number | null) {
  if (deviceId === null) return { deviceBuildingId: null };
  const { devices } = await import('~/db/schema');
  const [d] = await db.select({ b: devices.buildingId }).from(devices).where(eq(devices.id, deviceId));
  return { deviceBuildingId: d?.b ?? null };
}
