'use client';
// The district map: the street's boundary, each community's boundary and building
// footprints, and a marker per community coloured by its status with its counts, clustered
// when zoomed out; a marker opens the community. MapLibre draws it by default with no network;
// MAP_TILE_URL puts raster tiles (天地图 …) underneath, MAPBOX_TOKEN switches to mapbox-gl and
// its base maps. Only the chosen library (and its react-map-gl binding) is loaded.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useCallback, useMemo, useState } from 'react';
import { useTRPC } from '~/app/_trpc/client';
import { SEVERITY_TINT, STATUS_COLOR } from '~/lib/status-palette';
import type { DistrictData, MapTheme } from './district-features';
import {
  boundariesGeoJson,
  boundsOf,
  buildingsGeoJson,
  pointsGeoJson,
  statusOf,
  streetsGeoJson,
  type MapCommunity,
  type MapStatus,
} from './geo';
import styles from './map.module.css';

export type MapSettings = { mapboxToken: string | null; tileUrl: string | null };

const MaplibreView = dynamic(() => import('./maplibre-view').then((m) => m.MaplibreView), { ssr: false });
const MapboxView = dynamic(() => import('./mapbox-view').then((m) => m.MapboxView), { ssr: false });

/** How often the status colours and counts are read again (the big screen's panels refetch as often). */
const REFRESH_MS = 60_000;

type Drawn = { boundaries: number; footprints: number; streets: number };

export function DistrictMap({
  communities,
  settings,
  hrefFor,
  theme = 'dark',
}: {
  communities: MapCommunity[];
  settings: MapSettings;
  hrefFor: (slug: string) => string;
  /** Dark for the wall, light for the console. */
  theme?: MapTheme;
}) {
  const t = useTranslations('districtMap');
  const trpc = useTRPC();
  const layers = useQuery({ ...trpc.map.layers.queryOptions(), refetchInterval: REFRESH_MS });
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const onDrawn = useCallback(
    (d: Drawn) =>
      setDrawn((prev) =>
        prev && prev.boundaries === d.boundaries && prev.footprints === d.footprints && prev.streets === d.streets
          ? prev
          : d,
      ),
    [],
  );

  const streets = useMemo(() => layers.data?.streets ?? [], [layers.data]);
  const data: DistrictData = useMemo(() => {
    const statusBySlug = new Map<string, MapStatus>((layers.data?.status ?? []).map((s) => [s.slug, s]));
    const streetShapes = streetsGeoJson(streets);
    const boundaries = boundariesGeoJson(communities, statusBySlug);
    return {
      streets: streetShapes,
      boundaries,
      buildings: buildingsGeoJson(communities),
      points: pointsGeoJson(communities, boundaries, statusBySlug),
      bounds: boundsOf(boundaries, streetShapes),
      labels: communities.map((c) => {
        const s = statusOf(c, statusBySlug.get(c.slug));
        return {
          slug: c.slug,
          lng: c.anchorLng,
          lat: c.anchorLat,
          href: hrefFor(c.slug),
          name: t('name', { name: c.name, nameEn: c.nameEn ?? c.name }),
          figures: t('figures', { alarms: s.openAlarms, faults: s.faults, offline: s.offline }),
        };
      }),
      clusterName: (count) => t('cluster', { count }),
      clusterFigures: (p) => t('clusterFigures', p),
    };
  }, [communities, streets, layers.data, hrefFor, t]);

  // The map opens once its data is there, so it is fitted to the street with its boundary.
  const ready = layers.isSuccess || layers.isError;
  return (
    <div
      data-testid="district-map"
      data-theme={theme}
      data-communities={communities.length}
      data-drawn-boundaries={drawn?.boundaries}
      data-drawn-footprints={drawn?.footprints}
      data-drawn-streets={drawn?.streets}
      className={`${styles.frame} ${styles[`frame-${theme}`]}`}
    >
      {!ready ? (
        <p className={styles.state} aria-busy="true">
          {t('loading')}
        </p>
      ) : settings.mapboxToken ? (
        <MapboxView data={data} token={settings.mapboxToken} theme={theme} onDrawn={onDrawn} />
      ) : (
        <MaplibreView data={data} tileUrl={settings.tileUrl} theme={theme} onDrawn={onDrawn} />
      )}
      {layers.isError ? (
        <p className={styles.state} role="alert">
          {t('error')}
        </p>
      ) : null}
      {ready && !communities.length ? <p className={styles.state}>{t('empty')}</p> : null}
      {ready ? (
        <div className={`${styles.legend} ${styles[theme]}`}>
          {streets.length ? (
            <div className={styles.legendTitle}>
              {streets
                .map((s) => (s.district ? t('streetIn', { street: s.street, district: s.district }) : s.street))
                .join(' · ')}
            </div>
          ) : null}
          <ul>
            <li>
              <i style={{ background: SEVERITY_TINT.major }} />
              {t('legend.alarm')}
            </li>
            <li>
              <i style={{ background: SEVERITY_TINT.minor }} />
              {t('legend.minor')}
            </li>
            <li>
              <i style={{ background: SEVERITY_TINT.warning }} />
              {t('legend.notice')}
            </li>
            <li>
              <i style={{ background: STATUS_COLOR.fault }} />
              {t('legend.fault')}
            </li>
            <li>
              <i style={{ background: STATUS_COLOR.online }} />
              {t('legend.ok')}
            </li>
            {streets.some((s) => s.boundary) ? (
              <li>
                <i className={styles.dashed} />
                {t('legend.street')}
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
