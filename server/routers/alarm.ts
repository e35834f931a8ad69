import { z } from 'zod';
import { ALARM_STATES } from '~/db/vocab';
import { applyAlarmAction, reviewAlarm } from '../ops/alarm-ops';
import { alarmAssignees, alarmDesk, alarmHistory } from '../queries/alarms';
import { communityBySlug } from '../queries/communities';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { idInput, slugInput } from './_inputs';

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
      return alarmDesk(ctx.db, { communityId: community.id, states: input.states, limit: input.limit });
    }),

  /** Who did what when: the alarm's audit trail, oldest first. */
  history: staffProcedure.input(idInput).query(({ ctx, input }) => alarmHistory(ctx.db, input.id)),

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

  /** Staff and admin accounts, and the free-text names already used as assignees here. */
  assignees: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return alarmAssignees(ctx.db, community.id);
  }),

  assign: staffProcedure
    .input(idInput.extend({ assignee: z.string().trim().min(1).max(100) }))
    .mutation(({ ctx, input }) =>
      applyAlarmAction(ctx.db, ctx.live, input.id, ctx.user.email, { assignee: input.assignee }),
    ),

  note: staffProcedure
    .input(idInput.extend({ note }))
    .mutation(({ ctx, input }) => applyAlarmAction(ctx.db, ctx.live, input.id, ctx.user.email, { note: input.note })),

  /** The review of a throwing alarm's incident, citing the evidence clip it was judged on (server/ops/alarm-ops.ts). */
  review: staffProcedure
    .input(
      idInput.extend({
        decision: z.enum(['confirmed', 'false_alarm', 'referred_police']),
        evidence: z.string().trim().min(1).max(200),
        note: note.optional(),
      }),
    )
    .mutation(({ ctx, input }) => reviewAlarm(ctx.db, input.id, ctx.user.email, input)),
});
