// The district map (app/_map): street boundaries and community status over the caller's reach,
// and importing a street's boundary (an admin, or the district role of that street). Audited.
import { z } from 'zod';
import { DEFAULT_LOCALE } from '~/lib/locales';
import { DomainError } from '../domain/errors';
import { CRS_NAMES } from '../geo/crs';
import { BoundaryError, boundaryProblemWords } from '../map/boundary';
import { districtMapLayers, importStreetBoundary } from '../queries/district-map';
import { createTRPCRouter, reachProcedure, streetProcedure } from '../trpc';

/** A boundary file as text: a detailed street outline is tens of kilobytes; 5 MB is plenty. */
const boundaryFile = z.object({
  street: z.string().trim().min(1).max(60),
  district: z.string().trim().max(60).nullable().optional(),
  content: z
    .string()
    .min(1)
    .max(5 * 1024 * 1024),
  crs: z.enum(CRS_NAMES),
  fileName: z.string().max(200).optional(),
});

export const mapRouter = createTRPCRouter({
  /** The boundaries of the streets the caller's communities are on, and each community's status for its marker. */
  layers: reachProcedure('viewer').query(({ ctx }) => districtMapLayers(ctx.db, ctx.reach)),

  /** Replaces a street's boundary from a GeoJSON Polygon/MultiPolygon file: all or nothing, audited. */
  importStreetBoundary: streetProcedure.input(boundaryFile).mutation(async ({ ctx, input }) => {
    try {
      return await importStreetBoundary(ctx.db, input, ctx.user.email);
    } catch (error) {
      if (error instanceof BoundaryError) {
        throw new DomainError('import.unreadable', {
          detail: boundaryProblemWords(error.problem, ctx.locale ?? DEFAULT_LOCALE),
        });
      }
      throw error;
    }
  }),
});
