'use client';
// The district map on MapLibre GL JS, the default: a local style with no
// network (a dark background, and raster tiles beneath our layers where
// MAP_TILE_URL names a source such as 天地图).
import 'maplibre-gl/dist/maplibre-gl.css';
import { useMemo, useState } from 'react';
import { Layer, Map, Marker, Source, type MapRef, type StyleSpecification } from 'react-map-gl/maplibre';
import { DistrictFeatures, fitOptions, initialView, type DistrictData, type MapKit } from './district-features';
import { useLabelLayout } from './labels';

const KIT: MapKit = { Source, Layer, Marker };

/** After a production build the bundler does not emit MapLibre's worker; this route serves it. */
const WORKER_URL = '/api/map-worker';

function localStyle(tileUrl: string | null): StyleSpecification {
  return {
    version: 8,
    sources: tileUrl ? { base: { type: 'raster', tiles: [tileUrl], tileSize: 256 } } : {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0b1a2c' } },
      ...(tileUrl ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : []),
    ],
  };
}

export function MaplibreView({ data, tileUrl }: { data: DistrictData; tileUrl: string | null }) {
  const [map, setMap] = useState<MapRef | null>(null);
  const layout = useLabelLayout(data.labels, map);
  // One style object per tile URL: a new one would make react-map-gl diff the style on every render.
  const style = useMemo(() => localStyle(tileUrl), [tileUrl]);
  return (
    <Map
      ref={setMap}
      mapStyle={style}
      workerUrl={WORKER_URL}
      initialViewState={initialView(data.bounds)}
      attributionControl={false}
      onLoad={(e) => data.bounds && e.target.fitBounds(data.bounds, fitOptions(e.target.getContainer()))}
      onMoveEnd={layout.relayout}
      onResize={layout.relayout}
    >
      <DistrictFeatures kit={KIT} data={data} layout={layout} />
    </Map>
  );
}
