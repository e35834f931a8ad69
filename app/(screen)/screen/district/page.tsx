import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { pageTitle } from '~/app/_i18n/page-title';
import { LiveProvider } from '~/app/_live/live-provider';
import { env } from '~/server/env';
import { DistrictScreen } from '../../_components/screen-view';
import { screenViewer } from '../../_components/screen-access';
import styles from '../../_components/screen.module.css';

export const generateMetadata = pageTitle('districtScreen');
export const dynamic = 'force-dynamic';

export default async function DistrictScreenPage() {
  const viewer = await screenViewer(null);
  if (viewer === 'visitor') redirect('/sign-in?next=/screen/district');
  if (viewer === 'refused')
    return <p className={styles.refused}>{(await getTranslations('screen'))('notViewerDistrict')}</p>;
  // Map settings travel as props from the server: no NEXT_PUBLIC variables.
  const map = { mapboxToken: env.MAPBOX_TOKEN ?? null, tileUrl: env.MAP_TILE_URL ?? null };
  return (
    <LiveProvider>
      <DistrictScreen map={map} />
    </LiveProvider>
  );
}
