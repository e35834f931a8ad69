// The buildings and units steps of onboarding, and editing them afterwards (docs/ONBOARDING.md):
// a footprint file previewed and written, buildings edited or given a glTF model, units with
// their stairwells, and the rooms the numbering rule generates.
import { z } from 'zod';
import { CRS_NAMES } from '../geo/crs';
import {
  clearBuildingModel,
  deleteBuilding,
  importBuildings,
  previewBuildingFile,
  updateBuilding,
  uploadBuildingModel,
} from '../ops/site-ops';
import { deleteRoom, generateRooms, renameRoom, setUnits, updateUnit } from '../ops/site-unit-ops';
import { buildingUnits, siteBuildings, unitRoomList } from '../queries/site';
import { communityProcedure, createTRPCRouter } from '../trpc';
import { inputError, slugInput } from './_inputs';

/** A footprint file as text: 1,500 buildings take about 1 MB; 20 MB leaves room for detailed outlines. */
const footprintFile = slugInput.extend({
  text: z
    .string()
    .min(1)
    .max(20 * 1024 * 1024),
  crs: z.enum(CRS_NAMES),
  floorHeightM: z.number().min(2).max(6).optional(),
});

const buildingNumber = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{1,12}$/, inputError('input.buildingNumber'));
const floors = z.number().int().min(1).max(200);
const name = z.string().trim().min(1).max(60);

const chosen = z.object({
  index: z.number().int().min(0),
  number: buildingNumber.optional(),
  name: name.optional(),
  floors: floors.optional(),
});

const unitSpec = z.object({
  name: z.string().trim().max(20).optional(),
  householdsPerFloor: z.number().int().min(1).max(12),
  hasOriginalElevator: z.boolean().optional(),
});

const metres = z.number().min(-5000).max(5000);

export const siteRouter = createTRPCRouter({
  /** Every feature of a footprint file, kept or skipped with its reason; nothing is written. */
  previewBuildings: communityProcedure('staff', 'slug')
    .input(footprintFile)
    .mutation(({ ctx, input }) => previewBuildingFile(ctx.community, input)),

  /** Writes the chosen features (with corrected numbers, names, floors), all or none. Audited. */
  importBuildings: communityProcedure('staff', 'slug')
    .input(footprintFile.extend({ choose: z.array(chosen).max(20_000), dryRun: z.boolean().optional() }))
    .mutation(({ ctx, input }) => importBuildings(ctx.db, ctx.community, input, ctx.user.email)),

  buildings: communityProcedure('staff', 'slug')
    .input(slugInput)
    .query(({ ctx }) => siteBuildings(ctx.db, ctx.community.id)),

  updateBuilding: communityProcedure('staff', 'building:id')
    .input(
      z.object({
        id: z.number().int().positive(),
        name: name.optional(),
        number: buildingNumber.optional(),
        floors: floors.optional(),
        floorHeight: z.number().min(2).max(6).optional(),
      }),
    )
    .mutation(({ ctx, input: { id, ...patch } }) => updateBuilding(ctx.db, id, patch, ctx.user.email)),

  deleteBuilding: communityProcedure('staff', 'building:id')
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => deleteBuilding(ctx.db, input.id, ctx.user.email)),

  /** A .glb or self-contained .gltf (≤ 10 MB, base64) replacing the building's massing. */
  uploadModel: communityProcedure('staff', 'building:id')
    .input(
      z.object({
        id: z.number().int().positive(),
        name: z.string().max(200),
        base64: z.string().max(14 * 1024 * 1024),
      }),
    )
    .mutation(({ ctx, input }) => uploadBuildingModel(ctx.db, input.id, input, ctx.user.email)),

  clearModel: communityProcedure('staff', 'building:id')
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => clearBuildingModel(ctx.db, input.id, ctx.user.email)),

  units: communityProcedure('staff', 'building:buildingId')
    .input(z.object({ buildingId: z.number().int().positive() }))
    .query(({ ctx, input }) => buildingUnits(ctx.db, input.buildingId)),

  /** The building's units in façade order; stairwells on the main façade when the count changes. Audited. */
  setUnits: communityProcedure('staff', 'building:buildingId')
    .input(z.object({ buildingId: z.number().int().positive(), units: z.array(unitSpec).min(1).max(12) }))
    .mutation(({ ctx, input }) => setUnits(ctx.db, input.buildingId, input.units, ctx.user.email)),

  updateUnit: communityProcedure('staff', 'unit:id')
    .input(
      z.object({
        id: z.number().int().positive(),
        name: z.string().trim().min(1).max(20).optional(),
        householdsPerFloor: z.number().int().min(1).max(12).optional(),
        hasOriginalElevator: z.boolean().optional(),
        stairX: metres.optional(),
        stairY: metres.optional(),
      }),
    )
    .mutation(({ ctx, input: { id, ...patch } }) => updateUnit(ctx.db, id, patch, ctx.user.email)),

  rooms: communityProcedure('staff', 'unit:unitId')
    .input(z.object({ unitId: z.number().int().positive() }))
    .query(({ ctx, input }) => unitRoomList(ctx.db, input.unitId)),

  /** Rooms by the numbering rule (floor + door) for the building's units, or one of them; existing rooms stay. */
  generateRooms: communityProcedure('staff', 'building:buildingId')
    .input(z.object({ buildingId: z.number().int().positive(), unitId: z.number().int().positive().optional() }))
    .mutation(({ ctx, input }) => generateRooms(ctx.db, input.buildingId, ctx.user.email, input.unitId)),

  renameRoom: communityProcedure('staff', 'household:id')
    .input(
      z.object({
        id: z.number().int().positive(),
        room: z
          .string()
          .trim()
          .regex(/^[0-9A-Za-z-]{1,10}$/),
      }),
    )
    .mutation(({ ctx, input }) => renameRoom(ctx.db, input.id, input.room, ctx.user.email)),

  deleteRoom: communityProcedure('staff', 'household:id')
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(({ ctx, input }) => deleteRoom(ctx.db, input.id, ctx.user.email)),
});
