import { redirect } from 'next/navigation';
import { pageTitle } from '~/app/_i18n/page-title';
import { signedInMember } from '~/app/_trpc/access';
import { reachesAny } from '~/server/domain/access';
import { env } from '~/server/env';
import { ConsoleMap } from './console-map';

export const generateMetadata = pageTitle('map');
export const dynamic = 'force-dynamic';

export default async function MapPage() {
  const me = await signedInMember('/map');
  if (!reachesAny(me.standing, 'viewer')) redirect('/');
  return <ConsoleMap settings={{ mapboxToken: env.MAPBOX_TOKEN ?? null, tileUrl: env.MAP_TILE_URL ?? null }} />;
}
