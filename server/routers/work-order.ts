import { z } from 'zod';
import { REFERENCE_PATTERN } from '~/lib/report-reference';
import { PUBLIC_AREAS, WORK_ORDER_ACTIONS, WORK_ORDER_SOURCES, WORK_ORDER_STATES } from '~/db/vocab';
import { WORK_ORDER_CATEGORIES } from '../domain/work-order-flow';
import { createWorkOrder, moveWorkOrder, openWorkOrderFromAlarm } from '../ops/work-order-ops';
import {
  trackReport,
  workOrderDetail,
  workOrderFormOptions,
  workOrderHistory,
  workOrderList,
  workOrderMonthlyRates,
  workOrderRates,
} from '../queries/work-orders';
import { communityProcedure, createTRPCRouter, publicProcedure } from '../trpc';
import { idInput, inputError, slugInput } from './_inputs';

/** A photo reference: a storage key or a URL, no spaces (there is no upload service; the photo lives elsewhere). */
const photoRef = z.string().trim().min(1).max(200).regex(/^\S+$/, inputError('input.photoRef'));

const listInput = slugInput.extend({
  state: z.enum(WORK_ORDER_STATES).optional(),
  source: z.enum(WORK_ORDER_SOURCES).optional(),
  /** A grid's id, or "none" for orders outside every grid (public areas). */
  grid: z.union([z.number().int().positive(), z.literal('none')]).optional(),
  /** Only orders finished late or still open past their due time (server/domain/work-order-flow.ts isOverdue). */
  overdue: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

const createInput = slugInput.extend({
  source: z.enum(['grid', 'hotline_12345', 'resident']),
  category: z.enum(WORK_ORDER_CATEGORIES as [string, ...string[]], { error: inputError('input.category') }),
  description: z.string().trim().min(1).max(1000),
  buildingId: z.number().int().positive().optional(),
  unitId: z.number().int().positive().optional(),
  floor: z.number().int().min(-5).max(120).optional(),
  publicArea: z.enum(PUBLIC_AREAS).optional(),
  /** Who reported it, for the return visit; staff-only personal data. */
  reporterName: z.string().trim().min(1).max(40).optional(),
  reporterPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/, inputError('input.phone'))
    .optional(),
});

const transitionInput = idInput.extend({
  action: z.enum(WORK_ORDER_ACTIONS),
  note: z.string().trim().min(1).max(500).optional(),
  photo: photoRef.optional(),
  beforePhoto: photoRef.optional(),
  afterPhoto: photoRef.optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  resolved: z.enum(['yes', 'no']).optional(),
});

export const workOrderRouter = createTRPCRouter({
  list: communityProcedure('staff', 'slug')
    .input(listInput)
    .query(({ ctx, input }) => workOrderList(ctx.db, { ...input, communityId: ctx.community.id })),

  /** What the "new work order" form offers: categories with their due hours, buildings and units, grids, public areas. */
  formOptions: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => workOrderFormOptions(ctx.db, ctx.community.id)),

  /** Per grid over all time: 办结率, 解决率 and 满意率, each shown on its own. */
  rates: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => workOrderRates(ctx.db, ctx.community.id)),

  /** The same rates per grid and local month of receipt, for the current month and the `months` − 1 before it. */
  monthly: communityProcedure('staff', 'slug')
    .input(slugInput.extend({ months: z.number().int().min(1).max(24).default(3) }))
    .query(({ ctx, input }) => workOrderMonthlyRates(ctx.db, ctx.community.id, input.months)),

  /** One order for the desk's detail panel: its grid, the alarm it came from, the overdue flag and the legal next moves. */
  detail: communityProcedure('staff', 'workOrder:id')
    .input(idInput)
    .query(({ ctx, input }) => workOrderDetail(ctx.db, input.id)),

  history: communityProcedure('staff', 'workOrder:id')
    .input(idInput)
    .query(({ ctx, input }) => workOrderHistory(ctx.db, input.id)),

  /** Opened by staff (grid, 12345, or a resident at the desk); residents themselves use /report. */
  create: communityProcedure('staff', 'slug')
    .input(createInput)
    .mutation(({ ctx, input: { slug: _slug, buildingId, unitId, floor, publicArea, ...order } }) =>
      createWorkOrder(ctx.db, ctx.live, {
        ...order,
        communityId: ctx.community.id,
        place: { buildingId, unitId, floor, publicArea },
        reporterName: order.reporterName ?? null,
        reporterPhone: order.reporterPhone ?? null,
        actor: ctx.user.email,
      }),
    ),

  /** One click on the alarm desk: a work order at the alarm's place, linked back in the alarm's trail. */
  fromAlarm: communityProcedure('staff', 'alarm:alarmId')
    .input(z.object({ alarmId: z.number().int().positive() }))
    .mutation(({ ctx, input }) => openWorkOrderFromAlarm(ctx.db, ctx.live, input.alarmId, ctx.user.email)),

  transition: communityProcedure('staff', 'workOrder:id')
    .input(transitionInput)
    .mutation(({ ctx, input }) => moveWorkOrder(ctx.db, ctx.live, input.id, input.action, ctx.user.email, input)),

  /** What a resident may see of their own report: its state, nothing else. */
  track: publicProcedure
    .input(slugInput.extend({ reference: z.string().regex(REFERENCE_PATTERN, inputError('input.reference')) }))
    .query(({ ctx, input }) => trackReport(ctx.db, input.slug, input.reference)),
});
