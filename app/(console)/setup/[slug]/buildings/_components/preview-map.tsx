'use client';
// The footprint file on a plain map (no base map): chosen buildings filled, the rest outlined,
// skipped features in red, the community's anchor as a pin. An area drawn on it (a rectangle
// from two clicks, or a polygon closed by a double click) chooses the buildings inside.
import 'maplibre-gl/dist/maplibre-gl.css';
import { useMemo, useState } from 'react';
import { Layer, Map, Marker, Source, type StyleSpecification } from 'react-map-gl/maplibre';

/** After a production build the bundler does not emit MapLibre's worker; this route serves it. */
const WORKER_URL = '/api/map-worker';
const STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f6f8' } }],
};

export type MapFeature = { index: number; ring: [number, number][]; state: 'chosen' | 'kept' | 'skipped' };
export type DrawMode = 'none' | 'rectangle' | 'polygon';
type LngLat = [number, number];

export function PreviewMap({
  features,
  anchor,
  mode,
  onArea,
}: {
  features: MapFeature[];
  anchor: LngLat;
  mode: DrawMode;
  onArea: (area: LngLat[]) => void;
}) {
  const [draft, setDraft] = useState<LngLat[]>([]);
  const data = useMemo(
    () => ({
      type: 'FeatureCollection' as const,
      features: features
        .filter((f) => f.ring.length >= 3)
        .map((f) => ({
          type: 'Feature' as const,
          properties: { state: f.state, index: f.index },
          geometry: { type: 'Polygon' as const, coordinates: [[...f.ring, f.ring[0]!]] },
        })),
    }),
    [features],
  );
  const bounds = useMemo(() => {
    const pts = features.flatMap((f) => f.ring);
    if (pts.length === 0) return null;
    const lng = pts.map((p) => p[0]);
    const lat = pts.map((p) => p[1]);
    return [
      [Math.min(...lng, anchor[0]), Math.min(...lat, anchor[1])],
      [Math.max(...lng, anchor[0]), Math.max(...lat, anchor[1])],
    ] as [LngLat, LngLat];
  }, [features, anchor]);
  const draftShape = useMemo(() => {
    const ring = draft.length === 0 ? [] : [...draft, draft[0]!];
    return {
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'LineString' as const, coordinates: ring },
    };
  }, [draft]);

  const finish = (ring: LngLat[]) => {
    setDraft([]);
    if (ring.length >= 3) onArea(ring);
  };

  return (
    <div style={{ height: 420, cursor: mode === 'none' ? undefined : 'crosshair' }} data-testid="site-preview-map">
      <Map
        mapStyle={STYLE}
        workerUrl={WORKER_URL}
        initialViewState={
          bounds
            ? { bounds, fitBoundsOptions: { padding: 30 } }
            : { longitude: anchor[0], latitude: anchor[1], zoom: 16 }
        }
        attributionControl={false}
        doubleClickZoom={mode === 'none'}
        onClick={(e) => {
          if (mode === 'none') return;
          const p: LngLat = [e.lngLat.lng, e.lngLat.lat];
          if (mode === 'rectangle') {
            if (draft.length === 0) setDraft([p]);
            else {
              const [a] = draft as [LngLat];
              finish([a, [p[0], a[1]], p, [a[0], p[1]]]);
            }
          } else setDraft([...draft, p]);
        }}
        onDblClick={() => mode === 'polygon' && finish(draft)}
      >
        <Source id="footprints" type="geojson" data={data}>
          <Layer
            id="footprint-fill"
            type="fill"
            paint={{
              'fill-color': ['match', ['get', 'state'], 'chosen', '#2b5c8a', 'kept', '#9aa7b4', '#d64541'],
              'fill-opacity': ['match', ['get', 'state'], 'chosen', 0.75, 0.25],
            }}
          />
          <Layer
            id="footprint-line"
            type="line"
            paint={{
              'line-color': ['match', ['get', 'state'], 'chosen', '#16344f', 'kept', '#6b7785', '#b02a26'],
              'line-width': 1,
            }}
          />
        </Source>
        <Source id="draft" type="geojson" data={draftShape}>
          <Layer
            id="draft-line"
            type="line"
            paint={{ 'line-color': '#ffb300', 'line-width': 2, 'line-dasharray': [2, 1] }}
          />
        </Source>
        <Marker longitude={anchor[0]} latitude={anchor[1]} color="#ffb300" />
      </Map>
    </div>
  );
}

/** Whether `p` is inside the ring (ray casting; a community spans too little for the Earth's curve to matter). */
export function insideRing(p: LngLat, ring: LngLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The mean of a ring's vertices: inside any footprint a residential slab has. */
export function ringCentre(ring: LngLat[]): LngLat {
  const n = Math.max(1, ring.length);
  return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
}
