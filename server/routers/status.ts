// Public aggregates for residents (DESIGN.md §5). Only counts over the whole
// community leave here; nothing names, locates or dates a person.
import { sql } from 'drizzle-orm';
import { selectRows } from '~/db/client';
import { DEVICE_CLASSES, type DeviceClass } from '~/db/vocab';
import { z } from 'zod';
import { suppressSmall } from '../domain/privacy';
import { localToday } from '~/lib/calendar';
import { publicFacilities, publicRetrofit, publicSafety, publicService } from '../queries/public-community';
import { publicUnit } from '../queries/public-unit';
import { createTRPCRouter, publicProcedure } from '../trpc';
import { communityBySlug } from '../queries/communities';
import { slugInput } from './_inputs';

// Every procedure here is public-tier and reads only the public-* queries;
// public-privacy.test.ts crawls them all for planted personal data and pins
// their output fields to an allow-list.
const unitInput = slugInput.extend({
  /** The number painted on the building: "5", "14", "A2". */
  building: z
    .string()
    .regex(/^[0-9A-Za-z-]{1,16}$/, '楼号只含字母、数字和连字符 / a building number is letters, digits and dashes'),
  unit: z.coerce.number().int().min(1).max(99),
});

export const statusRouter = createTRPCRouter({
  community: publicProcedure.input(slugInput).query(async ({ ctx, input }) => {
    const c = await communityBySlug(ctx.db, input.slug);
    const [totals] = await selectRows<{
      buildings: number;
      units: number;
      households: number;
      retrofitCases: number;
      elevatorsInService: number;
      originalElevators: number;
    }>(
      ctx.db,
      sql`select
            (select count(*)::int from buildings b where b.community_id = ${c.id}) as buildings,
            (select count(*)::int from units u join buildings b on b.id = u.building_id where b.community_id = ${c.id}) as units,
            (select count(*)::int from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id where b.community_id = ${c.id}) as households,
            (select count(*)::int from retrofit_cases r join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
               where b.community_id = ${c.id}) as "retrofitCases",
            (select count(*)::int from retrofit_cases r join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
               where b.community_id = ${c.id} and r.stage = 'in_service') as "elevatorsInService",
            (select count(*)::int from units u join buildings b on b.id = u.building_id
               where b.community_id = ${c.id} and u.has_original_elevator) as "originalElevators"`,
    );
    const byClass = await selectRows<{ class: DeviceClass; total: number; online: number }>(
      ctx.db,
      sql`select class, count(*)::int as total, count(*) filter (where status = 'online')::int as online
          from devices where community_id = ${c.id} group by class`,
    );
    byClass.sort((a, b) => DEVICE_CLASSES.indexOf(a.class) - DEVICE_CLASSES.indexOf(b.class));
    return {
      community: {
        slug: c.slug,
        name: c.name,
        nameEn: c.nameEn,
        neighbourhood: c.neighbourhood,
        street: c.street,
        district: c.district,
      },
      buildings: totals?.buildings ?? 0,
      units: totals?.units ?? 0,
      households: suppressSmall(totals?.households ?? 0),
      retrofitCases: totals?.retrofitCases ?? 0,
      elevatorsInService: totals?.elevatorsInService ?? 0,
      originalElevators: totals?.originalElevators ?? 0,
      devices: {
        total: byClass.reduce((n, r) => n + r.total, 0),
        online: byClass.reduce((n, r) => n + r.online, 0),
        byClass,
      },
    };
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
    return { community: { slug: c.slug, name: c.name, nameEn: c.nameEn }, ...u };
  }),
});
