'use client';
// What the district map shows, written once for both libraries (each view hands in its own
// components): the street's imported boundary, each community's boundary and building
// footprints, and a marker per community coloured by its status — clustered when zoomed out
// (a GeoJSON source with `cluster`), each marker an HTML link, since an offline map has no
// glyphs to draw text with. The frame carries how many boundaries and footprints are drawn
// (data-drawn-*), from the map's own rendered features.
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LabelOffset } from './declutter';
import {
  rankColour,
  type BoundaryProperties,
  type BuildingProperties,
  type LngLatBounds,
  type PointProperties,
  type StreetProperties,
} from './geo';
import { useLabelLayout, type MapLabel } from './labels';
import styles from './map.module.css';

export type MapTheme = 'dark' | 'light';

export type DistrictData = {
  streets: FeatureCollection<MultiPolygon, StreetProperties>;
  boundaries: FeatureCollection<Polygon, BoundaryProperties>;
  buildings: FeatureCollection<Polygon, BuildingProperties>;
  points: FeatureCollection<Point, PointProperties>;
  bounds: LngLatBounds | null;
  /** One per community, by slug: its name and figures, and where it opens. */
  labels: MapLabel[];
  /** A cluster's words: "3 个社区". */
  clusterName: (count: number) => string;
  clusterFigures: (p: { alarms: number; offline: number }) => string;
};

/** A layer as both libraries' `<Layer>` take it (each view casts its own component to this). */
export type LayerSpec = {
  id: string;
  type: 'fill' | 'line' | 'fill-extrusion' | 'circle';
  filter?: unknown;
  paint: Record<string, unknown>;
  layout?: Record<string, unknown>;
};

/** The components and map of `react-map-gl/maplibre` or `react-map-gl/mapbox`, as far as this map uses them. */
export type MapKit = {
  Source: (props: {
    id: string;
    type: 'geojson';
    data: FeatureCollection;
    cluster?: boolean;
    clusterRadius?: number;
    clusterMaxZoom?: number;
    clusterProperties?: Record<string, unknown>;
    children: ReactNode;
  }) => ReactNode;
  Layer: (props: LayerSpec) => ReactNode;
  Marker: (props: {
    longitude: number;
    latitude: number;
    anchor: 'bottom' | 'center';
    offset?: LabelOffset;
    children: ReactNode;
  }) => ReactNode;
  ScaleControl: (props: { position: 'bottom-left' | 'bottom-right'; unit: 'metric' }) => ReactNode;
  NavigationControl: (props: { position: 'top-right' | 'bottom-right'; showCompass: boolean }) => ReactNode;
};

/** What the features need of the map itself (both libraries' maps have it). */
export type FeatureMap = {
  on(type: string, fn: () => void): unknown;
  off(type: string, fn: () => void): unknown;
  querySourceFeatures(source: string): Array<{ properties: Record<string, unknown> | null; geometry: unknown }>;
  queryRenderedFeatures(options: { layers: string[] }): Array<{ properties: Record<string, unknown> | null }>;
  getLayer(id: string): unknown;
  getZoom(): number;
  easeTo(options: { center: [number, number]; zoom: number }): unknown;
  project(lngLat: [number, number]): { x: number; y: number };
};

const THEME = {
  dark: { background: '#0b1a2c', street: '#7fb2ff', footprintLine: '#0b1a2c' },
  light: { background: '#e8edf3', street: '#2f5d9a', footprintLine: '#ffffff' },
} as const;

export function backgroundOf(theme: MapTheme) {
  return THEME[theme].background;
}

/** Community boundaries are drawn above this zoom; below it the markers stand for them. */
const CLUSTER_MAX_ZOOM = 13;

function layers(theme: MapTheme) {
  const t = THEME[theme];
  return {
    streetFill: { id: 'street-fill', type: 'fill', paint: { 'fill-color': t.street, 'fill-opacity': 0.06 } },
    streetLine: {
      id: 'street-line',
      type: 'line',
      paint: { 'line-color': t.street, 'line-width': 2.5, 'line-dasharray': [3, 2], 'line-opacity': 0.9 },
    },
    boundaryFill: {
      id: 'community-boundary-fill',
      type: 'fill',
      paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.12 },
    },
    boundaryLine: {
      id: 'community-boundary-line',
      type: 'line',
      paint: { 'line-color': ['get', 'colour'], 'line-width': 2 },
    },
    buildings: {
      id: 'buildings',
      type: 'fill-extrusion',
      paint: {
        'fill-extrusion-color': ['get', 'colour'],
        'fill-extrusion-height': ['get', 'height'],
        'fill-extrusion-opacity': 0.85,
      },
    },
    footprintLine: {
      id: 'building-footprint-line',
      type: 'line',
      paint: { 'line-color': t.footprintLine, 'line-width': 0.6, 'line-opacity': 0.7 },
    },
    points: {
      id: 'community-points',
      type: 'circle',
      paint: {
        'circle-radius': 5,
        'circle-color': theme === 'dark' ? '#ffffff' : '#1d2939',
        'circle-opacity': 0.01,
      },
    },
  } satisfies Record<string, LayerSpec>;
}

/** Room round the drawing for the labels, in proportion to the screen. */
export function fitOptions(container: HTMLElement) {
  const padding = Math.round(Math.min(container.clientWidth, container.clientHeight) * 0.12);
  return { padding, pitch: 40, maxZoom: 16.5, duration: 0 };
}

/** Where the map opens before it is fitted to the drawing. */
export function initialView(bounds: LngLatBounds | null) {
  const [longitude, latitude] = bounds
    ? [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    : [114.3, 30.6];
  return { longitude, latitude, zoom: 14, pitch: 40 };
}

type Cluster = { id: number; lng: number; lat: number; count: number; rank: number; alarms: number; offline: number };
type Shown = { slugs: string[]; clusters: Cluster[] };
type Drawn = { boundaries: number; footprints: number; streets: number };

/** Which communities stand alone and which are gathered into clusters at the present zoom. */
function shownMarkers(map: FeatureMap): Shown {
  const slugs = new Set<string>();
  const clusters = new Map<number, Cluster>();
  for (const f of map.querySourceFeatures('communities')) {
    const p = f.properties ?? {};
    const [lng, lat] = (f.geometry as Point).coordinates as [number, number];
    if (p.cluster) {
      const id = Number(p.cluster_id);
      clusters.set(id, {
        id,
        lng,
        lat,
        count: Number(p.point_count),
        rank: Number(p.rank),
        alarms: Number(p.alarms),
        offline: Number(p.offline),
      });
    } else if (typeof p.slug === 'string') slugs.add(p.slug);
  }
  return { slugs: [...slugs].sort(), clusters: [...clusters.values()].sort((a, b) => a.id - b.id) };
}

function drawnCounts(map: FeatureMap): Drawn {
  const distinct = (layer: string, key: string) =>
    map.getLayer(layer)
      ? new Set(map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties?.[key]))).size
      : 0;
  return {
    boundaries: distinct('community-boundary-line', 'slug'),
    footprints: map.getLayer('buildings')
      ? new Set(
          map
            .queryRenderedFeatures({ layers: ['buildings'] })
            .map((f) => `${f.properties?.slug}/${f.properties?.name}`),
        ).size
      : 0,
    streets: distinct('street-line', 'street'),
  };
}

const sameShown = (a: Shown, b: Shown) =>
  a.slugs.join() === b.slugs.join() &&
  a.clusters.map((c) => `${c.id}:${c.count}:${c.rank}:${c.alarms}`).join() ===
    b.clusters.map((c) => `${c.id}:${c.count}:${c.rank}:${c.alarms}`).join();

export function DistrictFeatures({
  kit,
  data,
  map,
  theme,
  onDrawn,
}: {
  kit: MapKit;
  data: DistrictData;
  map: FeatureMap | null;
  theme: MapTheme;
  onDrawn: (drawn: Drawn) => void;
}) {
  const { Source, Layer, Marker, ScaleControl, NavigationControl } = kit;
  const L = useMemo(() => layers(theme), [theme]);
  const [shown, setShown] = useState<Shown>({ slugs: [], clusters: [] });

  const refresh = useCallback(() => {
    if (!map) return;
    const next = shownMarkers(map);
    setShown((prev) => (sameShown(prev, next) ? prev : next));
    onDrawn(drawnCounts(map));
  }, [map, onDrawn]);

  useEffect(() => {
    if (!map) return;
    map.on('idle', refresh);
    map.on('moveend', refresh);
    // Once now (on the next frame), in case the map went idle before these listeners were there.
    const first = requestAnimationFrame(refresh);
    return () => {
      cancelAnimationFrame(first);
      map.off('idle', refresh);
      map.off('moveend', refresh);
    };
  }, [map, refresh]);

  const labels = useMemo(() => data.labels.filter((l) => shown.slugs.includes(l.slug)), [data.labels, shown.slugs]);
  const layout = useLabelLayout(labels, map);
  useEffect(() => {
    if (!map) return;
    map.on('moveend', layout.relayout);
    return () => void map.off('moveend', layout.relayout);
  }, [map, layout.relayout]);

  const rankOf = useMemo(
    () => new Map(data.points.features.map((f) => [f.properties.slug, f.properties.rank])),
    [data.points],
  );
  const pointOf = useMemo(
    () => new Map(data.points.features.map((f) => [f.properties.slug, f.geometry.coordinates as [number, number]])),
    [data.points],
  );

  return (
    <>
      <Source id="streets" type="geojson" data={data.streets}>
        <Layer {...L.streetFill} />
        <Layer {...L.streetLine} />
      </Source>
      <Source id="boundaries" type="geojson" data={data.boundaries}>
        <Layer {...L.boundaryFill} />
        <Layer {...L.boundaryLine} />
      </Source>
      <Source id="buildings" type="geojson" data={data.buildings}>
        <Layer {...L.buildings} />
        <Layer {...L.footprintLine} />
      </Source>
      <Source
        id="communities"
        type="geojson"
        data={data.points}
        cluster
        clusterRadius={70}
        clusterMaxZoom={CLUSTER_MAX_ZOOM}
        clusterProperties={{
          rank: ['max', ['get', 'rank']],
          alarms: ['+', ['get', 'alarms']],
          offline: ['+', ['get', 'offline']],
        }}
      >
        <Layer {...L.points} />
      </Source>
      {labels.map((label) => {
        const [lng, lat] = pointOf.get(label.slug) ?? [label.lng, label.lat];
        const colour = rankColour(rankOf.get(label.slug) ?? 1);
        return (
          <Marker
            key={label.slug}
            longitude={lng}
            latitude={lat}
            anchor="bottom"
            offset={layout.offsets.get(label.slug)}
          >
            {/* map-label: the end-to-end tests hide labels by this class to count the canvas's own pixels. */}
            <a
              href={label.href}
              data-testid={`map-community-${label.slug}`}
              data-status-rank={rankOf.get(label.slug) ?? 1}
              className={`map-label ${styles.label} ${styles[theme]}`}
              style={{ borderLeftColor: colour }}
              ref={(el) => (el ? layout.measure(label.slug, el) : undefined)}
            >
              <span className={styles.name}>
                <span className={styles.dot} style={{ background: colour }} aria-hidden="true" />
                {label.name}
              </span>
              <span className={styles.figures}>{label.figures}</span>
            </a>
          </Marker>
        );
      })}
      {shown.clusters.map((c) => (
        <Marker key={`cluster-${c.id}`} longitude={c.lng} latitude={c.lat} anchor="center">
          <button
            type="button"
            data-testid="map-cluster"
            className={`map-label ${styles.cluster} ${styles[theme]}`}
            style={{ borderColor: rankColour(c.rank) }}
            onClick={() =>
              map?.easeTo({ center: [c.lng, c.lat], zoom: Math.max(map.getZoom() + 2, CLUSTER_MAX_ZOOM + 1) })
            }
          >
            <span className={styles.name}>
              <span className={styles.dot} style={{ background: rankColour(c.rank) }} aria-hidden="true" />
              {data.clusterName(c.count)}
            </span>
            <span className={styles.figures}>{data.clusterFigures(c)}</span>
          </button>
        </Marker>
      ))}
      <ScaleControl position="bottom-left" unit="metric" />
      {/* Zoom buttons for a pointer; a wall screen has none. */}
      {theme === 'light' ? <NavigationControl position="bottom-right" showCompass={false} /> : null}
    </>
  );
}
