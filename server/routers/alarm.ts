import { TRPCError } from '@trpc/server';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { alarmEvents, alarms, devices, incidents, users, workOrders } from '~/db/schema';
import { ALARM_STATES } from '~/db/vocab';
import { appendAlarmEvent, applyAlarmAction } from '../ops/alarm-ops';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { communityBySlug, slugInput } from './_inputs';

const SEVERITY_ORDER = { critical: 0, major: 1, minor: 2, warning: 3 } as const;
const idInput = z.object({ id: z.number().int().positive() });
const note = z.string().trim().min(1).max(500);

export const alarmRouter = createTRPCRouter({
  /** Alarms in the given states, most severe first, then oldest first (the desk's order). */
  list: staffProcedure
    .input(
      slugInput.extend({
        states: z.array(z.enum(ALARM_STATES)).min(1).default(['open', 'acknowledged', 'in_progress']),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const rows = await ctx.db
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
        .where(and(eq(alarms.communityId, community.id), inArray(alarms.state, input.states)))
        .orderBy(desc(alarms.openedAt))
        .limit(input.limit);
      return rows
        .map((r) => ({
          ...r.alarm,
          reviewState: r.reviewState,
          evidence: r.evidence ?? [],
          buildingId: r.buildingId,
          deviceName: r.deviceName,
          /** The work order opened from it, if any (one per alarm). */
          workOrder:
            r.workOrderId === null || r.workOrderCode === null ? null : { id: r.workOrderId, code: r.workOrderCode },
        }))
        .sort(
          (a, b) =>
            SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.openedAt.getTime() - b.openedAt.getTime(),
        );
    }),

  /** Who did what when: the alarm's audit trail, oldest first. */
  history: staffProcedure
    .input(idInput)
    .query(({ ctx, input }) =>
      ctx.db
        .select()
        .from(alarmEvents)
        .where(eq(alarmEvents.alarmId, input.id))
        .orderBy(asc(alarmEvents.at), asc(alarmEvents.id)),
    ),

  /** A lifecycle move (open → acknowledged → in progress → resolved → closed), refused with a reason when illegal. */
  transition: staffProcedure
    .input(
      idInput.extend({
        move: z.enum(['acknowledge', 'start', 'resolve', 'close']),
        note: note.optional(),
        assignee: z.string().trim().min(1).max(100).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      applyAlarmAction(ctx.db, ctx.live, input.id, ctx.user.email, {
        move: input.move,
        note: input.note,
        assignee: input.assignee,
      }),
    ),

  /**
   * Whom an alarm can go to: the staff and admin accounts, and the names
   * already used as assignees in this community (guards on duty often have
   * no account, so the desk also takes a free-text name).
   */
  assignees: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    const [accounts, recent] = await Promise.all([
      ctx.db
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(inArray(users.role, ['staff', 'admin']))
        .orderBy(asc(users.email)),
      ctx.db
        .selectDistinct({ name: alarms.assignee })
        .from(alarms)
        .where(and(eq(alarms.communityId, community.id), isNotNull(alarms.assignee)))
        .orderBy(asc(alarms.assignee))
        .limit(50),
    ]);
    const emails = new Set(accounts.map((a) => a.email));
    return { accounts, names: recent.map((r) => r.name as string).filter((n) => !emails.has(n)) };
  }),

  assign: staffProcedure
    .input(idInput.extend({ assignee: z.string().trim().min(1).max(100) }))
    .mutation(({ ctx, input }) =>
      applyAlarmAction(ctx.db, ctx.live, input.id, ctx.user.email, { assignee: input.assignee }),
    ),

  note: staffProcedure
    .input(idInput.extend({ note }))
    .mutation(({ ctx, input }) => applyAlarmAction(ctx.db, ctx.live, input.id, ctx.user.email, { note: input.note })),

  /**
   * The review of a throwing alarm's incident: confirmed, a false alarm, or
   * referred to the police (pending → confirmed | false alarm → referred),
   * citing the evidence clip it was judged on.
   */
  review: staffProcedure
    .input(
      idInput.extend({
        decision: z.enum(['confirmed', 'false_alarm', 'referred_police']),
        evidence: z.string().trim().min(1).max(200),
        note: note.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const [alarm] = await ctx.db.select().from(alarms).where(eq(alarms.id, input.id));
      if (!alarm) throw new TRPCError({ code: 'NOT_FOUND', message: `没有这条告警 / No alarm ${input.id}` });
      if (alarm.incidentId === null)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: '此告警没有事件可复核 / This alarm has no incident to review',
        });
      const [incident] = await ctx.db.select().from(incidents).where(eq(incidents.id, alarm.incidentId));
      if (!incident) throw new TRPCError({ code: 'NOT_FOUND', message: '事件已不存在 / The incident is gone' });
      const legal =
        incident.reviewState === 'pending' ||
        (incident.reviewState === 'confirmed' && input.decision === 'referred_police');
      if (!legal)
        throw new TRPCError({
          code: 'CONFLICT',
          message: `事件已复核为 ${incident.reviewState} / The incident was already reviewed as ${incident.reviewState}`,
        });
      await ctx.db.update(incidents).set({ reviewState: input.decision }).where(eq(incidents.id, incident.id));
      await appendAlarmEvent(
        ctx.db,
        alarm,
        'review',
        ctx.user.email,
        `${input.decision} · ${input.evidence}${input.note ? ` · ${input.note}` : ''}`,
      );
      return { incidentId: incident.id, reviewState: input.decision };
    }),
});
