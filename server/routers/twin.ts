// The console's 3D twin. Staff tier: device places, patrol points and routes,
// and throwing incidents by window are operational data kept off public
// surfaces.
import { deviceDetail, incidentDetail, throwingIncidents } from '../queries/twin-details';
import { twinScene } from '../queries/twin-scene';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { idInput, localDate, slugInput } from './_inputs';

export const twinRouter = createTRPCRouter({
  /** Everything the scene draws, read once when the twin opens. */
  scene: communityProcedure('viewer', 'slug')
    .input(slugInput)
    .query(({ ctx }) => twinScene(ctx.db, ctx.community)),

  /** Throwing incidents of a period (local days, inclusive) for the façade heat strip; trajectories come one at a time. */
  incidents: communityProcedure('staff', 'slug')
    .input(slugInput.extend({ from: localDate, to: localDate }))
    .query(({ ctx, input }) =>
      throwingIncidents(ctx.db, { communityId: ctx.community.id, from: input.from, to: input.to }),
    ),

  /** One incident with its trajectory, for the replay and the review panel. */
  incident: communityProcedure('staff', 'incident:id')
    .input(idInput)
    .query(({ ctx, input }) => incidentDetail(ctx.db, input.id)),

  /** A device for the side panel: its latest telemetry and recent events as status history. */
  device: communityProcedure('staff', 'device:id')
    .input(idInput)
    .query(({ ctx, input }) => deviceDetail(ctx.db, input.id)),
});
