import { z } from 'zod';
import { ALARM_STATES } from '~/db/vocab';
import { applyAlarmAction, reviewAlarm } from '../ops/alarm-ops';
import { alarmAssignees, alarmDesk, alarmHistory } from '../queries/alarms';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { idInput, slugInput } from './_inputs';

const note = z.string().trim().min(1).max(500);

export const alarmRouter = createTRPCRouter({
  /** Alarms in the given states, most severe first, then oldest first (the desk's order). */
  list: communityProcedure('staff', 'slug')
    .input(
      slugInput.extend({
        states: z.array(z.enum(ALARM_STATES)).min(1).default(['open', 'acknowledged', 'in_progress']),
        limit: z.number().int().min(1).max(500).default(100),
      }),
    )
    .query(({ ctx, input }) =>
      alarmDesk(ctx.db, { communityId: ctx.community.id, states: input.states, limit: input.limit }),
    ),

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
