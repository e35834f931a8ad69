import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { pageTitle } from '~/app/_i18n/page-title';
import { signedInMember } from '~/app/_trpc/access';
import { holds, reachesAny } from '~/server/domain/access';
import { env } from '~/server/env';
import { ConsoleMap } from './console-map';

export const generateMetadata = pageTitle('map');
export const dynamic = 'force-dynamic';

export default async function MapPage() {
  const me = await signedInMember('/map');
  if (!reachesAny(me.standing, 'viewer')) redirect('/');
  // A marker opens the community's twin where the member is its staff, else its big screen.
  const twinSlugs = me.standing.admin
    ? 'all'
    : me.standing.communities.filter((c) => holds(me.standing, c.slug, 'staff')).map((c) => c.slug);
  return (
    <ConsoleMap
      title={(await getTranslations('pageTitle'))('map')}
      settings={{ mapboxToken: env.MAPBOX_TOKEN ?? null, tileUrl: env.MAP_TILE_URL ?? null }}
      twinSlugs={twinSlugs}
    />
  );
}
