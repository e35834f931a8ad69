// Local metres (x east, y north from a community's anchor) to WGS84. An
// equirectangular step is exact to centimetres over a community's few hundred
// metres, which is all the footprints span.
import type { FeatureCollection, Polygon } from 'geojson';

const R = 6_378_137;

export function toLngLat(anchorLng: number, anchorLat: number, x: number, y: number): [number, number] {
  const lat = anchorLat + (y / R) * (180 / Math.PI);
  const lng = anchorLng + (x / (R * Math.cos((anchorLat * Math.PI) / 180))) * (180 / Math.PI);
  return [lng, lat];
}

export const SEVERITY_TINT: Record<string, string> = {
  critical: '#ff4d4f',
  major: '#fa8c16',
  minor: '#fadb14',
  warning: '#95de64',
};
export const NO_ALARM_TINT = '#4a7bb7';

export type MapCommunity = {
  slug: string;
  name: string;
  nameEn?: string;
  anchorLng: number;
  anchorLat: number;
  devices: number;
  online: number;
  openAlarms: number;
  throwingThisMonth: number;
  buildings: Array<{
    id: number;
    name: string;
    worst: string | null;
    footprint: Array<{ x: number; y: number }>;
    height: number;
  }>;
};

export type BuildingProperties = { slug: string; name: string; height: number; colour: string };
export type SiteProperties = { slug: string; colour: string };
export type LngLatBounds = [[number, number], [number, number]];

export function buildingsGeoJson(list: MapCommunity[]): FeatureCollection<Polygon, BuildingProperties> {
  return {
    type: 'FeatureCollection',
    features: list.flatMap((c) =>
      c.buildings
        .filter((b) => b.footprint.length >= 3)
        .map((b) => {
          const ring = b.footprint.map((p) => toLngLat(c.anchorLng, c.anchorLat, p.x, p.y));
          ring.push(ring[0]!);
          return {
            type: 'Feature' as const,
            id: b.id,
            properties: {
              slug: c.slug,
              name: b.name,
              height: b.height,
              colour: b.worst ? (SEVERITY_TINT[b.worst] ?? NO_ALARM_TINT) : NO_ALARM_TINT,
            },
            geometry: { type: 'Polygon' as const, coordinates: [ring] },
          };
        }),
    ),
  };
}

const SEVERITY_RANK = ['critical', 'major', 'minor', 'warning'];

/**
 * Each community's site: its buildings' extent plus a margin, tinted by the
 * worst open alarm of any building. At district zoom a building is a pixel or
 * two; the site is what the eye finds.
 */
export function sitesGeoJson(list: MapCommunity[], marginM = 150): FeatureCollection<Polygon, SiteProperties> {
  return {
    type: 'FeatureCollection',
    features: list.map((c) => {
      const pts = c.buildings.flatMap((b) => b.footprint);
      const xs = pts.map((p) => p.x),
        ys = pts.map((p) => p.y);
      const [x0, x1] = xs.length ? [Math.min(...xs) - marginM, Math.max(...xs) + marginM] : [-150, 150];
      const [y0, y1] = ys.length ? [Math.min(...ys) - marginM, Math.max(...ys) + marginM] : [-150, 150];
      const worst = SEVERITY_RANK.find((s) => c.buildings.some((b) => b.worst === s));
      const ring = [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ].map(([x, y]) => toLngLat(c.anchorLng, c.anchorLat, x!, y!));
      return {
        type: 'Feature' as const,
        properties: { slug: c.slug, colour: worst ? (SEVERITY_TINT[worst] ?? NO_ALARM_TINT) : NO_ALARM_TINT },
        geometry: { type: 'Polygon' as const, coordinates: [ring] },
      };
    }),
  };
}

/** The sites' extent, so the district fills the view rather than the communities' anchor points. */
export function boundsOf(sites: FeatureCollection<Polygon>): LngLatBounds | null {
  const pts = sites.features.flatMap((f) => f.geometry.coordinates[0] ?? []);
  if (!pts.length) return null;
  const lngs = pts.map((p) => p[0]!),
    lats = pts.map((p) => p[1]!);
  return [
    [Math.min(...lngs), Math.min(...lats)],
    [Math.max(...lngs), Math.max(...lats)],
  ];
}
