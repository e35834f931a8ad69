// The district map's data as GeoJSON (pure, tested in geo.test.ts): building footprints,
// each community's boundary (a padded convex hull of its footprints, docs/DOMAIN.md § Places),
// one point per community with its status for the clustered markers, and the streets'
// imported boundaries. Local metres (x east, y north from a community's anchor) become WGS84
// by an equirectangular step, exact to centimetres over a community's few hundred metres.
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { SEVERITY_TINT, STATUS_COLOR } from '~/lib/status-palette';

const R = 6_378_137;

export function toLngLat(anchorLng: number, anchorLat: number, x: number, y: number): [number, number] {
  const lat = anchorLat + (y / R) * (180 / Math.PI);
  const lng = anchorLng + (x / (R * Math.cos((anchorLat * Math.PI) / 180))) * (180 / Math.PI);
  return [lng, lat];
}

/** A footprint with no open alarm: a quiet blue, no status colour. */
export const FOOTPRINT_TINT = '#5b8db8';

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

/** A community's status for its marker (map.layers): worst open alarm, open alarms, faults, devices offline. */
export type MapStatus = { slug: string; worst: string | null; openAlarms: number; faults: number; offline: number };
/** A street's imported boundary (map.layers). */
export type MapStreet = {
  street: string;
  district: string | null;
  boundary: { type: 'MultiPolygon'; coordinates: Position[][][] } | null;
};

export type BuildingProperties = { slug: string; name: string; height: number; colour: string };
export type BoundaryProperties = { slug: string; colour: string };
export type PointProperties = {
  slug: string;
  /** Severity of the marker's status: 6 紧急 … 3 提示, 2 a fault, 1 all well; a cluster takes its worst. */
  rank: number;
  alarms: number;
  offline: number;
  faults: number;
};
export type StreetProperties = { street: string };
export type LngLatBounds = [[number, number], [number, number]];

const SEVERITY_RANK: Record<string, number> = { critical: 6, major: 5, minor: 4, warning: 3 };
const RANK_COLOUR: Record<number, string> = {
  6: SEVERITY_TINT.critical,
  5: SEVERITY_TINT.major,
  4: SEVERITY_TINT.minor,
  3: SEVERITY_TINT.warning,
  2: STATUS_COLOR.fault,
  1: STATUS_COLOR.online,
};

/** The colour of a marker or cluster of status `rank`: red for alarms, orange for a fault, green for all well. */
export function rankColour(rank: number): string {
  return RANK_COLOUR[rank] ?? STATUS_COLOR.online;
}

/** A community's status rank: its worst open alarm, else a fault, else all well. */
export function statusRank(s: Pick<MapStatus, 'worst' | 'faults'>): number {
  return (s.worst ? SEVERITY_RANK[s.worst] : undefined) ?? (s.faults > 0 ? 2 : 1);
}

/** A community's status: from map.layers when it has come, else from the screen's figures. */
export function statusOf(c: MapCommunity, status?: MapStatus): MapStatus {
  if (status) return status;
  const worst = Object.keys(SEVERITY_RANK).find((s) => c.buildings.some((b) => b.worst === s)) ?? null;
  return { slug: c.slug, worst, openAlarms: c.openAlarms, faults: 0, offline: Math.max(0, c.devices - c.online) };
}

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
              colour: b.worst
                ? (SEVERITY_TINT[b.worst as keyof typeof SEVERITY_TINT] ?? FOOTPRINT_TINT)
                : FOOTPRINT_TINT,
            },
            geometry: { type: 'Polygon' as const, coordinates: [ring] },
          };
        }),
    ),
  };
}

type XY = { x: number; y: number };
const cross = (o: XY, a: XY, b: XY) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Convex hull (Andrew's monotone chain), counter-clockwise, no repeated closing point. */
export function convexHull(points: XY[]): XY[] {
  const pts = [...new Map(points.map((p) => [`${p.x},${p.y}`, p])).values()].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const lower: XY[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: XY[] = [];
  for (const p of [...pts].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

const CIRCLE_STEPS = 12;

/**
 * A community's boundary when none was imported: the convex hull of its building footprints,
 * padded by `padM` metres (every corner rounded), in local metres, closed. A community with no
 * building yet is a circle of `emptyRadiusM` round its anchor.
 */
export function derivedBoundary(footprints: XY[][], padM = 25, emptyRadiusM = 100): XY[] {
  const corners = footprints.flat();
  const around = (p: XY, r: number) =>
    Array.from({ length: CIRCLE_STEPS }, (_, i) => {
      const a = (2 * Math.PI * i) / CIRCLE_STEPS;
      return { x: p.x + r * Math.cos(a), y: p.y + r * Math.sin(a) };
    });
  const hull = corners.length
    ? convexHull(corners.flatMap((p) => around(p, padM)))
    : around({ x: 0, y: 0 }, emptyRadiusM);
  return [...hull, hull[0]!];
}

export function boundariesGeoJson(
  list: MapCommunity[],
  statusBySlug: ReadonlyMap<string, MapStatus>,
): FeatureCollection<Polygon, BoundaryProperties> {
  return {
    type: 'FeatureCollection',
    features: list.map((c) => {
      const ring = derivedBoundary(c.buildings.filter((b) => b.footprint.length >= 3).map((b) => b.footprint)).map(
        (p) => toLngLat(c.anchorLng, c.anchorLat, p.x, p.y),
      );
      return {
        type: 'Feature' as const,
        properties: { slug: c.slug, colour: rankColour(statusRank(statusOf(c, statusBySlug.get(c.slug)))) },
        geometry: { type: 'Polygon' as const, coordinates: [ring] },
      };
    }),
  };
}

/**
 * Where a community's marker stands: the top middle of its boundary's extent, so its label
 * (drawn above the point) sits over the boundary's northern edge rather than over the buildings.
 */
export function markerPoint(boundary: Feature<Polygon>): [number, number] {
  const ring = boundary.geometry.coordinates[0] ?? [];
  const lngs = ring.map((p) => p[0]!),
    lats = ring.map((p) => p[1]!);
  return [(Math.min(...lngs) + Math.max(...lngs)) / 2, Math.max(...lats)];
}

export function pointsGeoJson(
  list: MapCommunity[],
  boundaries: FeatureCollection<Polygon, BoundaryProperties>,
  statusBySlug: ReadonlyMap<string, MapStatus>,
): FeatureCollection<Point, PointProperties> {
  return {
    type: 'FeatureCollection',
    features: list.map((c, i) => {
      const s = statusOf(c, statusBySlug.get(c.slug));
      return {
        type: 'Feature' as const,
        properties: { slug: c.slug, rank: statusRank(s), alarms: s.openAlarms, offline: s.offline, faults: s.faults },
        geometry: { type: 'Point' as const, coordinates: markerPoint(boundaries.features[i]!) },
      };
    }),
  };
}

export function streetsGeoJson(streets: MapStreet[]): FeatureCollection<MultiPolygon, StreetProperties> {
  return {
    type: 'FeatureCollection',
    features: streets
      .filter((s) => s.boundary)
      .map((s) => ({
        type: 'Feature' as const,
        properties: { street: s.street },
        geometry: { type: 'MultiPolygon' as const, coordinates: s.boundary!.coordinates },
      })),
  };
}

/** The extent of everything drawn, so the street fills the view rather than the communities' anchor points. */
export function boundsOf(...collections: FeatureCollection<Polygon | MultiPolygon>[]): LngLatBounds | null {
  const pts = collections.flatMap((fc) =>
    fc.features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? f.geometry.coordinates.flat() : f.geometry.coordinates.flat(2),
    ),
  );
  if (!pts.length) return null;
  const lngs = pts.map((p) => p[0]!),
    lats = pts.map((p) => p[1]!);
  return [
    [Math.min(...lngs), Math.min(...lats)],
    [Math.max(...lngs), Math.max(...lats)],
  ];
}
