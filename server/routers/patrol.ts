import { z } from 'zod';
import { PATROL_FREQUENCIES } from '~/db/vocab';
import { compliancePeriod } from '../domain/patrol-compliance';
import {
  createPatrolPoint,
  createPatrolRoute,
  deletePatrolPoint,
  deletePatrolRoute,
  setPatrolPlans,
  updatePatrolPoint,
  updatePatrolRoute,
} from '../ops/patrol-ops';
import { patrolCompliance, patrolPoints, patrolRouteList, patrolSetup } from '../queries/patrol';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { idInput, localDate, slugInput } from './_inputs';

const pointFields = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/),
  name: z.string().trim().min(1).max(60),
  buildingId: z.number().int().positive().nullable().default(null),
  /** Local metres from the community's anchor (east, north). */
  x: z.number().finite().min(-5000).max(5000),
  y: z.number().finite().min(-5000).max(5000),
});

const stops = z
  .array(
    z.object({
      pointId: z.number().int().positive(),
      dueMinutes: z.number().int().min(0).max(1440),
      windowMinutes: z.number().int().min(1).max(240).default(15),
    }),
  )
  .min(1)
  .max(200);

const plan = z
  .object({
    id: z.number().int().positive().optional(),
    frequency: z.enum(PATROL_FREQUENCIES),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    anchorDate: localDate.nullable().default(null),
    shift: z.string().trim().max(20).nullable().default(null),
  })
  .refine((p) => p.frequency !== 'weekly' || p.weekdays.length > 0, { path: ['weekdays'] })
  .refine((p) => p.frequency !== 'every_other_day' || p.anchorDate !== null, { path: ['anchorDate'] });

export const patrolRouter = createTRPCRouter({
  /** Patrol points with their last check-in: the twin tints them by time since. */
  points: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => patrolPoints(ctx.db, ctx.community.id)),

  /** Routes with their plans and the last 7 days' check-ins against points due. */
  routes: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => patrolRouteList(ctx.db, ctx.community.id)),

  /**
   * Missed and late checks per route and guard shift over [from, to] (local
   * days, at most 31; the week to today by default), derived afresh from check-ins.
   */
  compliance: communityProcedure('staff', 'slug')
    .input(slugInput.extend({ from: localDate.optional(), to: localDate.optional() }))
    .query(({ ctx, input }) => patrolCompliance(ctx.db, ctx.community.id, compliancePeriod(input))),

  /** What the setup page edits: points, routes with stops and plans, building footprints. */
  setup: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => patrolSetup(ctx.db, ctx.community.id)),

  /** Places a patrol point (code unique). Audited. */
  createPoint: communityProcedure('staff', 'slug')
    .input(slugInput.merge(pointFields))
    .mutation(({ ctx, input: { slug: _slug, ...point } }) =>
      createPatrolPoint(ctx.db, ctx.community.id, point, ctx.user.email),
    ),

  /** Renames or moves a patrol point. Audited. */
  updatePoint: communityProcedure('staff', 'patrolPoint:id')
    .input(idInput.merge(pointFields.partial()))
    .mutation(({ ctx, input: { id, ...patch } }) => updatePatrolPoint(ctx.db, id, patch, ctx.user.email)),

  /** Deletes a patrol point with its check-ins and route stops. Audited. */
  deletePoint: communityProcedure('staff', 'patrolPoint:id')
    .input(idInput)
    .mutation(({ ctx, input }) => deletePatrolPoint(ctx.db, input.id, ctx.user.email)),

  /** Makes a route: its points in order, each due some minutes after the start, within a window. Audited. */
  createRoute: communityProcedure('staff', 'slug')
    .input(slugInput.extend({ name: z.string().trim().min(1).max(60), stops }))
    .mutation(({ ctx, input }) =>
      createPatrolRoute(ctx.db, ctx.community.id, { name: input.name, stops: input.stops }, ctx.user.email),
    ),

  /** Renames a route or replaces its stops. Audited. */
  updateRoute: communityProcedure('staff', 'patrolRoute:id')
    .input(idInput.extend({ name: z.string().trim().min(1).max(60).optional(), stops: stops.optional() }))
    .mutation(({ ctx, input: { id, ...patch } }) => updatePatrolRoute(ctx.db, id, patch, ctx.user.email)),

  /** Deletes a route with its stops and plans. Audited. */
  deleteRoute: communityProcedure('staff', 'patrolRoute:id')
    .input(idInput)
    .mutation(({ ctx, input }) => deletePatrolRoute(ctx.db, input.id, ctx.user.email)),

  /** Sets a route's plans (daily / weekly on weekdays / every other day from a date; start time; shift). Audited. */
  setPlans: communityProcedure('staff', 'patrolRoute:id')
    .input(idInput.extend({ plans: z.array(plan).max(20) }))
    .mutation(({ ctx, input }) => setPatrolPlans(ctx.db, input.id, input.plans, ctx.user.email)),
});
