'use client';
// The district map on MapLibre GL JS, the default: a local style with no network — a plain
// background under our own layers, and raster tiles beneath them where MAP_TILE_URL names a
// source such as 天地图.
import 'maplibre-gl/dist/maplibre-gl.css';
import { useMemo, useState } from 'react';
import {
  Layer,
  Map,
  Marker,
  NavigationControl,
  ScaleControl,
  Source,
  type StyleSpecification,
} from 'react-map-gl/maplibre';
import {
  backgroundOf,
  DistrictFeatures,
  fitOptions,
  initialView,
  type DistrictData,
  type FeatureMap,
  type MapKit,
  type MapTheme,
} from './district-features';

const KIT = { Source, Layer, Marker, ScaleControl, NavigationControl } as unknown as MapKit;

/** After a production build the bundler does not emit MapLibre's worker; this route serves it. */
const WORKER_URL = '/api/map-worker';

function localStyle(tileUrl: string | null, theme: MapTheme): StyleSpecification {
  return {
    version: 8,
    sources: tileUrl ? { base: { type: 'raster', tiles: [tileUrl], tileSize: 256, maxzoom: 18 } } : {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': backgroundOf(theme) } },
      ...(tileUrl
        ? [
            {
              id: 'base',
              type: 'raster' as const,
              source: 'base',
              // A day-time base map dimmed under a dark wall, so our colours still read.
              paint: theme === 'dark' ? { 'raster-brightness-max': 0.45, 'raster-saturation': -0.4 } : {},
            },
          ]
        : []),
    ],
  };
}

export function MaplibreView({
  data,
  tileUrl,
  theme,
  onDrawn,
}: {
  data: DistrictData;
  tileUrl: string | null;
  theme: MapTheme;
  onDrawn: (d: { boundaries: number; footprints: number; streets: number }) => void;
}) {
  const [map, setMap] = useState<FeatureMap | null>(null);
  // One style object per tile URL and theme: a new one would make react-map-gl diff the style on every render.
  const style = useMemo(() => localStyle(tileUrl, theme), [tileUrl, theme]);
  return (
    <Map
      mapStyle={style}
      workerUrl={WORKER_URL}
      initialViewState={initialView(data.bounds)}
      attributionControl={false}
      onLoad={(e) => {
        if (data.bounds) e.target.fitBounds(data.bounds, fitOptions(e.target.getContainer()));
        setMap(e.target as unknown as FeatureMap);
      }}
    >
      <DistrictFeatures kit={KIT} data={data} map={map} theme={theme} onDrawn={onDrawn} />
    </Map>
  );
}
