// The public pages read their aggregates through here: one anonymous caller
// (so only public-tier procedures answer), cached for a minute per slug/unit
// across requests. The data holds both community names and no words of the
// interface, so one cached copy serves Chinese and English alike.
// (No `server-only` marker: the Pages Router refuses it. Only the pages'
// getServerSideProps import this file, and Next drops those from the browser build.)
import { TRPCError } from '@trpc/server';
import { unstable_cache } from 'next/cache';
import { getDb } from '~/server/db';
import { createCaller } from '~/server/root';
import { appLive } from '~/server/runtime/app-runtime';

const REVALIDATE_S = 60;

async function anonymous() {
  return createCaller({ db: await getDb(), user: null, live: appLive });
}

const communityCached = unstable_cache(
  async (slug: string) => {
    const c = await anonymous();
    const [summary, retrofit, facilities, safety, service] = await Promise.all([
      c.status.community({ slug }),
      c.status.retrofit({ slug }),
      c.status.facilities({ slug }),
      c.status.safety({ slug }),
      c.status.service({ slug }),
    ]);
    return { summary, retrofit, facilities, safety, service };
  },
  ['public-community-v3'],
  { revalidate: REVALIDATE_S },
);

const unitCached = unstable_cache(
  async (slug: string, building: string, unit: number) => (await anonymous()).status.unit({ slug, building, unit }),
  ['public-unit-v3'],
  { revalidate: REVALIDATE_S },
);

export type CommunityData = Awaited<ReturnType<typeof communityCached>>;
export type UnitData = Awaited<ReturnType<typeof unitCached>>;

/** A missing community or unit, or a malformed address, is null (a 404 page), not an error. */
async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) return null;
    throw error;
  }
}

export const loadCommunity = (slug: string) => orNull(() => communityCached(slug));

export function loadUnit(slug: string, building: string, unit: string) {
  // The router's zod schema checks these again; a non-number is simply not a unit.
  if (!/^\d{1,2}$/.test(unit) || !/^[0-9A-Za-z-]{1,16}$/.test(building)) return Promise.resolve(null);
  return orNull(() => unitCached(slug, building, Number(unit)));
}
