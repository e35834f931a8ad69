import { redirect } from 'next/navigation';
import { pageTitle } from '~/app/_i18n/page-title';
import { LiveProvider } from '~/app/_live/live-provider';
import { env } from '~/server/env';
import { DistrictScreen } from '../../_components/screen-view';
import { screenCaller } from '../../_components/screen-access';

export const generateMetadata = pageTitle('districtScreen');
export const dynamic = 'force-dynamic';

export default async function DistrictScreenPage() {
  if (!(await screenCaller(null))) redirect('/sign-in?next=/screen/district');
  // Map settings travel as props from the server: no NEXT_PUBLIC variables.
  const map = { mapboxToken: env.MAPBOX_TOKEN ?? null, tileUrl: env.MAP_TILE_URL ?? null };
  return (
    <LiveProvider>
      <DistrictScreen map={map} />
    </LiveProvider>
  );
}
