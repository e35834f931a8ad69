'use client';
// What the district map shows, as data: two GeoJSON sources, three layers and
// one HTML label per community. react-map-gl adds them once and patches what
// changes (setData on a source, setOffset on a marker), never rebuilding.
// Written once for both libraries: each view hands in its own components.
import type { FeatureCollection, Polygon } from 'geojson';
import type { ReactNode } from 'react';
import type { LabelOffset } from './declutter';
import type { BuildingProperties, LngLatBounds, SiteProperties } from './geo';
import type { LabelLayout, MapLabel } from './labels';
import styles from './map.module.css';

export type DistrictData = {
  sites: FeatureCollection<Polygon, SiteProperties>;
  buildings: FeatureCollection<Polygon, BuildingProperties>;
  bounds: LngLatBounds | null;
  labels: MapLabel[];
};

type Get = ['get', string];
/** The layers below, typed narrowly enough that both libraries' `<Layer>` accept them. */
type DistrictLayer =
  | { id: string; type: 'fill'; paint: { 'fill-color': Get; 'fill-opacity': number } }
  | { id: string; type: 'line'; paint: { 'line-color': Get; 'line-width': number } }
  | {
      id: string;
      type: 'fill-extrusion';
      paint: { 'fill-extrusion-color': Get; 'fill-extrusion-height': Get; 'fill-extrusion-opacity': number };
    };

const SITES_FILL: DistrictLayer = {
  id: 'sites-fill',
  type: 'fill',
  paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.35 },
};
const SITES_LINE: DistrictLayer = {
  id: 'sites-line',
  type: 'line',
  paint: { 'line-color': ['get', 'colour'], 'line-width': 2 },
};
const BUILDINGS: DistrictLayer = {
  id: 'buildings',
  type: 'fill-extrusion',
  paint: {
    'fill-extrusion-color': ['get', 'colour'],
    'fill-extrusion-height': ['get', 'height'],
    'fill-extrusion-opacity': 0.9,
  },
};

/** The components of `react-map-gl/maplibre` or `react-map-gl/mapbox`, as far as this map uses them. */
export type MapKit = {
  Source: (props: { id: string; type: 'geojson'; data: FeatureCollection<Polygon>; children: ReactNode }) => ReactNode;
  Layer: (props: DistrictLayer) => ReactNode;
  Marker: (props: {
    longitude: number;
    latitude: number;
    anchor: 'bottom';
    offset: LabelOffset;
    children: ReactNode;
  }) => ReactNode;
};

const ABOVE: LabelOffset = [0, -10];

/** Room round the sites for the labels, in proportion to the screen. */
export function fitOptions(container: HTMLElement) {
  const padding = Math.round(Math.min(container.clientWidth, container.clientHeight) * 0.14);
  return { padding, pitch: 50, maxZoom: 16, duration: 0 };
}

/** Where the map opens before it is fitted to the sites. */
export function initialView(bounds: LngLatBounds | null) {
  const [longitude, latitude] = bounds ? bounds[0] : [114.3, 30.6];
  return { longitude, latitude, zoom: 12, pitch: 50 };
}

export function DistrictFeatures({ kit, data, layout }: { kit: MapKit; data: DistrictData; layout: LabelLayout }) {
  const { Source, Layer, Marker } = kit;
  return (
    <>
      <Source id="sites" type="geojson" data={data.sites}>
        <Layer {...SITES_FILL} />
        <Layer {...SITES_LINE} />
      </Source>
      <Source id="buildings" type="geojson" data={data.buildings}>
        <Layer {...BUILDINGS} />
      </Source>
      {data.labels.map((label) => (
        <Marker
          key={label.slug}
          longitude={label.lng}
          latitude={label.lat}
          anchor="bottom"
          offset={layout.offsets.get(label.slug) ?? ABOVE}
        >
          {/* map-label: the end-to-end tests hide labels by this class to count the canvas's own pixels. */}
          <a
            href={label.href}
            data-testid={`map-community-${label.slug}`}
            className={`map-label ${styles.label}`}
            ref={(el) => (el ? layout.measure(label.slug, el) : undefined)}
          >
            <div>{label.name}</div>
            <div className={styles.figures}>{label.figures}</div>
          </a>
        </Marker>
      ))}
    </>
  );
}
