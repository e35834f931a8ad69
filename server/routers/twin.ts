// The console's 3D twin (issue #3). Staff tier: device places, patrol points
// and routes, and throwing incidents by window are operational data that
// docs/DOMAIN.md § Privacy keeps off public surfaces.
import { TRPCError } from '@trpc/server';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { deviceEvents, devices, incidents } from '~/db/schema';
import { twinScene } from '../queries/twin-scene';
import { createTRPCRouter, staffProcedure } from '../trpc';
import { communityBySlug, localDate, slugInput } from './_inputs';

const idInput = z.object({ id: z.number().int().positive() });

export const twinRouter = createTRPCRouter({
  /** Everything the scene draws, read once when the twin opens. */
  scene: staffProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const community = await communityBySlug(ctx.db, input.slug);
    return twinScene(ctx.db, community);
  }),

  /** Throwing incidents of a period (local days, inclusive) for the façade heat strip; trajectories come one at a time. */
  incidents: staffProcedure
    .input(slugInput.extend({ from: localDate, to: localDate }))
    .query(async ({ ctx, input }) => {
      const community = await communityBySlug(ctx.db, input.slug);
      const i = incidents;
      return ctx.db
        .select({
          id: i.id,
          buildingId: i.buildingId,
          facade: i.facade,
          floor: i.floor,
          floorBandFrom: i.floorBandFrom,
          floorBandTo: i.floorBandTo,
          windowColumn: i.windowColumn,
          occurredAt: i.occurredAt,
          reviewState: i.reviewState,
        })
        .from(i)
        .where(
          and(
            eq(i.communityId, community.id),
            eq(i.kind, 'throwing'),
            // Local days in Asia/Shanghai, as the incident rollups count them.
            gte(i.occurredAt, sql`(${input.from}::date)::timestamp at time zone 'Asia/Shanghai'`),
            lt(i.occurredAt, sql`(${input.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`),
          ),
        )
        .orderBy(desc(i.occurredAt))
        .limit(5000);
    }),

  /** One incident with its trajectory, for the replay and the review panel. */
  incident: staffProcedure.input(idInput).query(async ({ ctx, input }) => {
    const [row] = await ctx.db
      .select({
        id: incidents.id,
        kind: incidents.kind,
        buildingId: incidents.buildingId,
        facade: incidents.facade,
        floor: incidents.floor,
        floorBandFrom: incidents.floorBandFrom,
        floorBandTo: incidents.floorBandTo,
        windowColumn: incidents.windowColumn,
        occurredAt: incidents.occurredAt,
        reviewState: incidents.reviewState,
        trajectory: incidents.trajectory,
        evidenceCount: sql<number>`jsonb_array_length(${incidents.evidence})`.mapWith(Number),
        deviceId: incidents.deviceId,
      })
      .from(incidents)
      .where(eq(incidents.id, input.id));
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `没有这条事件 / No incident ${input.id}` });
    return row;
  }),

  /** A device for the side panel: its latest telemetry and recent events as status history. */
  device: staffProcedure.input(idInput).query(async ({ ctx, input }) => {
    const [device] = await ctx.db
      .select({
        id: devices.id,
        code: devices.code,
        name: devices.name,
        class: devices.class,
        status: devices.status,
        statusSince: devices.statusSince,
        lastSeenAt: devices.lastSeenAt,
        heartbeatSeconds: devices.heartbeatSeconds,
        telemetry: devices.telemetry,
        buildingId: devices.buildingId,
        unitId: devices.unitId,
        floor: devices.floor,
      })
      .from(devices)
      .where(eq(devices.id, input.id));
    if (!device) throw new TRPCError({ code: 'NOT_FOUND', message: `没有这台设备 / No device ${input.id}` });
    const events = await ctx.db
      .select({ eventId: deviceEvents.eventId, kind: deviceEvents.kind, at: deviceEvents.at, data: deviceEvents.data })
      .from(deviceEvents)
      .where(eq(deviceEvents.deviceId, input.id))
      .orderBy(desc(deviceEvents.at))
      .limit(20);
    return { ...device, events };
  }),
});
