'use client';
// The district map: community sites, extruded buildings tinted by their worst
// open alarm, and a label per community that opens its screen. MapLibre draws
// it by default with no network; a Mapbox token switches to mapbox-gl. Only
// the chosen library (and its react-map-gl binding) is loaded.
import { useTranslations } from 'next-intl';
import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import type { DistrictData } from './district-features';
import { boundsOf, buildingsGeoJson, sitesGeoJson, type MapCommunity } from './geo';
import styles from './map.module.css';

export type MapSettings = { mapboxToken: string | null; tileUrl: string | null };

const MaplibreView = dynamic(() => import('./maplibre-view').then((m) => m.MaplibreView), { ssr: false });
const MapboxView = dynamic(() => import('./mapbox-view').then((m) => m.MapboxView), { ssr: false });

export function DistrictMap({
  communities,
  settings,
  hrefFor,
}: {
  communities: MapCommunity[];
  settings: MapSettings;
  hrefFor: (slug: string) => string;
}) {
  const t = useTranslations('screen');
  const sites = useMemo(() => sitesGeoJson(communities), [communities]);
  const buildings = useMemo(() => buildingsGeoJson(communities), [communities]);
  const data: DistrictData = useMemo(
    () => ({
      sites,
      buildings,
      bounds: boundsOf(sites),
      labels: communities.map((c) => ({
        slug: c.slug,
        lng: c.anchorLng,
        lat: c.anchorLat,
        href: hrefFor(c.slug),
        name: t('mapName', { name: c.name, nameEn: c.nameEn ?? c.name }),
        figures: t('mapFigures', {
          online: c.online,
          devices: c.devices,
          alarms: c.openAlarms,
          throwing: c.throwingThisMonth,
        }),
      })),
    }),
    [sites, buildings, communities, hrefFor, t],
  );
  return (
    <div data-testid="district-map" className={styles.frame}>
      {settings.mapboxToken ? (
        <MapboxView data={data} token={settings.mapboxToken} />
      ) : (
        <MaplibreView data={data} tileUrl={settings.tileUrl} />
      )}
    </div>
  );
}
