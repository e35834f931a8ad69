'use client';
// The anchor picker: a plain background (no basemap unless MAP_TILE_URL names one) with the
// existing communities as markers for orientation; a click sets the anchor in WGS84.
import 'maplibre-gl/dist/maplibre-gl.css';
import { useMemo } from 'react';
import { Layer, Map, Marker, Source, type StyleSpecification } from 'react-map-gl/maplibre';

const WORKER_URL = '/api/map-worker';

function style(tileUrl: string | null): StyleSpecification {
  return {
    version: 8,
    sources: tileUrl ? { base: { type: 'raster', tiles: [tileUrl], tileSize: 256 } } : {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0b1a2c' } },
      ...(tileUrl ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : []),
    ],
  };
}

export type MapCommunityMark = { slug: string; name: string; anchorLng: number; anchorLat: number };

export function AnchorMap({
  communities,
  picked,
  onPick,
  tileUrl,
}: {
  communities: MapCommunityMark[];
  picked: { lng: number; lat: number } | null;
  onPick: (lng: number, lat: number) => void;
  tileUrl: string | null;
}) {
  const mapStyle = useMemo(() => style(tileUrl), [tileUrl]);
  const first = communities[0];
  const grid = useMemo(() => {
    // A faint 0.01° graticule, so a bare background still shows scale and movement.
    const lines: GeoJSON.Feature<GeoJSON.LineString>[] = [];
    const [lng0, lat0] = [
      Math.round((first?.anchorLng ?? 114.3) * 10) / 10,
      Math.round((first?.anchorLat ?? 30.5) * 10) / 10,
    ];
    for (let i = -50; i <= 50; i++) {
      lines.push({
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'LineString',
          coordinates: [
            [lng0 + i / 100, lat0 - 0.5],
            [lng0 + i / 100, lat0 + 0.5],
          ],
        },
      });
      lines.push({
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'LineString',
          coordinates: [
            [lng0 - 0.5, lat0 + i / 100],
            [lng0 + 0.5, lat0 + i / 100],
          ],
        },
      });
    }
    return { type: 'FeatureCollection' as const, features: lines };
  }, [first]);
  return (
    <Map
      mapStyle={mapStyle}
      workerUrl={WORKER_URL}
      initialViewState={{
        longitude: picked?.lng ?? first?.anchorLng ?? 114.3,
        latitude: picked?.lat ?? first?.anchorLat ?? 30.55,
        zoom: 12,
      }}
      attributionControl={false}
      // The container may get its width after the map starts (inside a fieldset, on a phone).
      onLoad={(e) => e.target.resize()}
      cursor="crosshair"
      onClick={(e) => onPick(Math.round(e.lngLat.lng * 1e6) / 1e6, Math.round(e.lngLat.lat * 1e6) / 1e6)}
    >
      <Source id="graticule" type="geojson" data={grid}>
        <Layer id="graticule" type="line" paint={{ 'line-color': '#1d3350', 'line-width': 1 }} />
      </Source>
      {communities.map((c) => (
        <Marker key={c.slug} longitude={c.anchorLng} latitude={c.anchorLat} anchor="bottom">
          <span style={{ color: '#9fc3ee', fontSize: 12, whiteSpace: 'nowrap' }}>● {c.name}</span>
        </Marker>
      ))}
      {picked && (
        <Marker longitude={picked.lng} latitude={picked.lat} anchor="bottom">
          <span
            aria-hidden
            style={{
              display: 'block',
              width: 14,
              height: 14,
              borderRadius: '50% 50% 50% 0',
              transform: 'rotate(-45deg)',
              background: '#ffd666',
              border: '2px solid #0b1a2c',
            }}
          />
        </Marker>
      )}
    </Map>
  );
}
