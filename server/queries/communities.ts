// Communities: the lookup every slug-addressed procedure starts from, the
// public list, and the console's one line of key figures per community.
import { asc, eq, sql } from 'drizzle-orm';
import { selectRows, type Db } from '~/db/client';
import { communities } from '~/db/schema';
import type { Reach } from '../domain/access';
import { DomainError } from '../domain/errors';
import { inReach } from './access';

/** The community a URL names; refused as `community.notFound` when there is none. */
export async function communityBySlug(db: Db, slug: string) {
  const [community] = await db.select().from(communities).where(eq(communities.slug, slug));
  if (!community) throw new DomainError('community.notFound', { slug });
  return community;
}

export type Community = Awaited<ReturnType<typeof communityBySlug>>;

const publicFields = {
  id: communities.id,
  slug: communities.slug,
  name: communities.name,
  nameEn: communities.nameEn,
  neighbourhood: communities.neighbourhood,
  street: communities.street,
  district: communities.district,
};

/** Every community with the fields anyone may see. */
export function communityList(db: Db) {
  return db.select(publicFields).from(communities).orderBy(asc(communities.id));
}

/** One community's public fields and its place on the map. */
export async function publicCommunityBySlug(db: Db, slug: string) {
  const c = await communityBySlug(db, slug);
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    nameEn: c.nameEn,
    neighbourhood: c.neighbourhood,
    street: c.street,
    district: c.district,
    anchorLng: c.anchorLng,
    anchorLat: c.anchorLat,
  };
}

/** The console's community list: one line of key figures per community. */
/** The console's community list: the communities in `reach`, with their key figures. */
export function communityOverview(db: Db, reach: Reach) {
  return selectRows<{
    id: number;
    slug: string;
    name: string;
    nameEn: string;
    street: string;
    buildings: number;
    units: number;
    households: number;
    devices: number;
    devicesOnline: number;
    openAlarms: number;
    retrofitSigned: number;
    elevatorsInService: number;
  }>(
    db,
    sql`
      select c.id, c.slug, c.name, c.name_en as "nameEn", c.street,
        (select count(*)::int from buildings b where b.community_id = c.id) as buildings,
        (select count(*)::int from units u join buildings b on b.id = u.building_id where b.community_id = c.id) as units,
        (select count(*)::int from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id where b.community_id = c.id) as households,
        (select count(*)::int from devices d where d.community_id = c.id) as devices,
        (select count(*)::int from devices d where d.community_id = c.id and d.status = 'online') as "devicesOnline",
        (select count(*)::int from alarms a where a.community_id = c.id and a.state in ('open', 'acknowledged', 'in_progress')) as "openAlarms",
        (select count(*)::int from retrofit_cases r join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
           where b.community_id = c.id and r.stage in ('signed','design','publicity','permit','construction','acceptance','in_service')) as "retrofitSigned",
        (select count(*)::int from retrofit_cases r join units u on u.id = r.unit_id join buildings b on b.id = u.building_id
           where b.community_id = c.id and r.stage = 'in_service') as "elevatorsInService"
      from communities c where ${inReach(sql`c.id`, reach)} order by c.id`,
  );
}
