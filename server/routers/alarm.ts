import { z } from 'zod';
import { ALARM_STATES } from '~/db/vocab';
import { responseTargetTable } from '../domain/response-targets';
import { applyAlarmAction, reviewAlarm } from '../ops/alarm-ops';
import { setResponseTargets } from '../ops/threshold-ops';
import { alarmAssignees, alarmDesk, alarmHistory } from '../queries/alarms';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { idInput, inputError, slugInput } from './_inputs';

const note = z.string().trim().min(1).max(500);

/** Minutes, or null for the default; each severity's bounds are checked in server/ops/threshold-ops.ts. */
const target = z.number().int().positive().nullable().optional();

export const alarmRouter = createTRPCRouter({
  /** Alarms in the given states, most severe first, then oldest first (the desk's order). */
  list: communityProcedure('staff', 'slug')
    .input(
      slugInput.extend({
        states: z.array(z.enum(ALARM_STATES)).min(1).default(['open', 'acknowledged', 'in_progress']),
        limit: z.number().int().min(1).max(500).default(100),
        /** Only this device's alarms: the twin's 查看告警 opens the desk with ?device=<code>. */
        deviceCode: z
          .string()
          .regex(/^[A-Z0-9-]{1,64}$/, inputError('input.deviceCode'))
          .optional(),
      }),
    )
    .query(({ ctx, input }) =>
      alarmDesk(ctx.db, {
        communityId: ctx.community.id,
        states: input.states,
        limit: input.limit,
        deviceCode: input.deviceCode,
        thresholds: ctx.community.thresholds,
      }),
    ),

  /** How long each severity may wait for acknowledgement before the desk shows 超时, with defaults and bounds. */
  responseTargets: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => responseTargetTable(ctx.community.thresholds)),

  /** Sets response targets (null: back to the default), each within its bounds; audited with the thresholds. */
  setResponseTargets: communityProcedure('staff', 'slug')
    .input(
      slugInput.extend({
        values: z.object({ critical: target, major: target, minor: target, warning: target }),
      }),
    )
    .mutation(({ ctx, input }) => setResponseTargets(ctx.db, ctx.community.id, input.values, ctx.user.email)),

  /** Who did what when: the alarm's audit trail, oldest first. */
  history: communityProcedure('staff', 'alarm:id')
    .input(idInput)
    .query(({ ctx, input }) => alarmHistory(ctx.db, input.id)),

  /** A lifecycle move (open → acknowledged → in progress → resolved → closed), refused with a reason when illegal. */
  transition: communityProcedure('staff', 'alarm:id')
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

  /** Staff and admin accounts, and the free-text names already used as assignees here. */
  assignees: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => alarmAssignees(ctx.db, ctx.community.id)),

  assign: communityProcedure('staff', 'alarm:id')
    .input(idInput.extend({ assignee: z.string().trim().min(1).max(100) }))
    .mutation(({ ctx, input }) =>
      applyAlarmAction(ctx.db, ctx.live, input.id, ctx.user.email, { assignee: input.assignee }),
    ),

  note: communityProcedure('staff', 'alarm:id')
    .input(idInput.extend({ note }))
    .mutation(({ ctx, input }) => applyAlarmAction(ctx.db, ctx.live, input.id, ctx.user.email, { note: input.note })),

  /** The review of a throwing alarm's incident, citing the evidence clip it was judged on (server/ops/alarm-ops.ts). */
  review: communityProcedure('staff', 'alarm:id')
    .input(
      idInput.extend({
        decision: z.enum(['confirmed', 'false_alarm', 'referred_police']),
        evidence: z.string().trim().min(1).max(200),
        note: note.optional(),
      }),
    )
    .mutation(({ ctx, input }) => reviewAlarm(ctx.db, input.id, ctx.user.email, input)),
});
