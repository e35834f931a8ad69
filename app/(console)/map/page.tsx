import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { pageTitle } from '~/app/_i18n/page-title';
import { getSessionUser } from '~/server/auth/instance';
import { env } from '~/server/env';
import { ConsoleMap } from './console-map';

export const generateMetadata = pageTitle('map');
export const dynamic = 'force-dynamic';

export default async function MapPage() {
  const user = await getSessionUser(await headers());
  if (!user || user.role === 'resident') redirect('/sign-in?next=/map');
  return <ConsoleMap settings={{ mapboxToken: env.MAPBOX_TOKEN ?? null, tileUrl: env.MAP_TILE_URL ?? null }} />;
}
