// Grids (网格) of a community, set up in the onboarding wizard and edited after it.
import { z } from 'zod';
import { GRID_KINDS } from '~/db/vocab';
import { createGrid, deleteGrid, updateGrid } from '../ops/grid-ops';
import { gridList } from '../queries/grids';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { idInput, slugInput } from './_inputs';

const gridFields = z.object({
  name: z.string().trim().min(1).max(60),
  kind: z.enum(GRID_KINDS),
  headName: z.string().trim().min(1).max(40),
  headRole: z.string().trim().min(1).max(40),
  buildingIds: z.array(z.number().int().positive()).max(2000),
});

export const gridRouter = createTRPCRouter({
  /** The community's grids with their buildings, and the buildings to choose from. */
  list: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => gridList(ctx.db, ctx.community.id)),

  /** Makes a grid over some of the community's buildings. Audited. */
  create: communityProcedure('staff', 'slug')
    .input(slugInput.merge(gridFields))
    .mutation(({ ctx, input: { slug: _slug, ...grid } }) => createGrid(ctx.db, ctx.community.id, grid, ctx.user.email)),

  /** Changes a grid's name, kind, head or buildings. Audited. */
  update: communityProcedure('staff', 'grid:id')
    .input(idInput.merge(gridFields.partial()))
    .mutation(({ ctx, input: { id, ...patch } }) => updateGrid(ctx.db, id, patch, ctx.user.email)),

  /** Deletes a grid (its work orders stay, without a grid). Audited. */
  delete: communityProcedure('staff', 'grid:id')
    .input(idInput)
    .mutation(({ ctx, input }) => deleteGrid(ctx.db, input.id, ctx.user.email)),
});
