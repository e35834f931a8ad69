// Public aggregates for residents. Only counts over the whole community leave
// here; nothing names, locates or dates a person.
import { z } from 'zod';
import { localToday } from '~/lib/calendar';
import { communityBySlug } from '../queries/communities';
import {
  committeeContact,
  publicCommunity,
  publicFacilities,
  publicRetrofit,
  publicSafety,
  publicService,
} from '../queries/public-community';
import { publicUnit } from '../queries/public-unit';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { inputError, slugInput } from './_inputs';

// Every procedure here is public-tier and reads only the public-* queries;
// public-privacy.test.ts crawls them all for planted personal data and pins
// their output fields to an allow-list.
const unitInput = slugInput.extend({
  /** The number painted on the building: "5", "14", "A2". */
  building: z.string().regex(/^[0-9A-Za-z-]{1,16}$/, inputError('input.buildingNumber')),
  unit: z.coerce.number().int().min(1).max(99),
});

export const statusRouter = createTRPCRouter({
  community: publicProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const c = await communityBySlug(ctx.db, input.slug);
    return publicCommunity(ctx.db, c);
  }),

  /** Stage of every unit by building, and which elevators run. */
  retrofit: publicProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const c = await communityBySlug(ctx.db, input.slug);
    return publicRetrofit(ctx.db, c.id);
  }),

  /** Elevators running or stopped; fire-safety devices healthy by class. */
  facilities: publicProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const c = await communityBySlug(ctx.db, input.slug);
    return publicFacilities(ctx.db, c.id);
  }),

  /** Throwing by building × floor band × month, e-bike blocks by month, and the yearly trend. */
  safety: publicProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const c = await communityBySlug(ctx.db, input.slug);
    return publicSafety(ctx.db, c.id, localToday());
  }),

  /** Work-order completion, resolution and satisfaction over the community. */
  service: publicProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const c = await communityBySlug(ctx.db, input.slug);
    return publicService(ctx.db, c.id);
  }),

  /** One unit: retrofit timeline, publicity notice, elevator, next step. */
  unit: publicProcedure.input(unitInput).query(async ({ ctx, input }) => {
    const c = await communityBySlug(ctx.db, input.slug);
    const u = await publicUnit(ctx.db, c.id, input.building, input.unit, localToday());
    return { community: { slug: c.slug, name: c.name, nameEn: c.nameEn, contact: committeeContact(c) }, ...u };
  }),
});
