// Reading a building-footprint file (GeoJSON from an OSM export, a municipal GIS or a
// vector-tile dump) into a preview: for every feature what it is, whether it becomes a
// building and why not, and the building's number, name, floors and footprint. Pure: no
// database. Nothing is dropped silently: every feature of the file is in the preview, kept or
// skipped with a reason code (worded in app/_i18n/messages/setup-site.*.json, setupSite.reason).
//
// Choices, so one file always gives one answer:
// - A MultiPolygon building keeps its largest polygon: one feature is one building with one
//   number (OSM maps a building cut by a passage this way), and the twin's table holds one
//   ring per building. The other pieces are noted, not written.
// - Holes (courtyards) are dropped with a note: buildings.footprint is one counter-clockwise
//   ring (db/schema/community.ts).
// - building:part pieces merge into the building whose outline holds their centre (their
//   levels raise an outline that has none); a part inside no outline is dropped.
// - Coordinates go to WGS84 (server/geo/crs.ts) and then to local metres exactly once.
import { area as turfArea, booleanPointInPolygon, centroid, kinks, polygon as turfPolygon } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import { DomainError } from '../domain/errors';
import { plausibleLngLat, toLocal, toWgs84, type Anchor, type Crs, type LngLat } from '../geo/crs';

export type FeatureKind = 'building' | 'part' | 'point' | 'other';

/** Why a feature is not written. */
export type SkipReason =
  | 'pointLabel'
  | 'notPolygon'
  | 'notBuilding'
  | 'noGeometry'
  | 'badCoordinates'
  | 'notClosed'
  | 'tooFewVertices'
  | 'selfIntersecting'
  | 'tooSmall'
  | 'partMerged'
  | 'partOrphan'
  | 'duplicateNumber';

/** What the importer did to a kept feature that a person should know. */
export type Note =
  'multiPolygonLargest' | 'holesDropped' | 'floorsFromHeight' | 'floorsFromParts' | 'floorsDefault' | 'numberGenerated';

export type FloorsSource = 'levels' | 'height' | 'parts' | 'default';

export type PreviewFeature = {
  /** Position in the file's `features` array, from 0. */
  index: number;
  kind: FeatureKind;
  /** The file's building tag ("residential", "shed", "yes"), for choosing by kind; null without one. */
  tag: string | null;
  keep: boolean;
  reason: SkipReason | null;
  /** For partMerged / duplicateNumber: the feature (and its number) it went to or clashed with. */
  reasonFeature: number | null;
  reasonNumber: string | null;
  notes: Note[];
  /** Polygons in a MultiPolygon; holes dropped. */
  polygons: number;
  holes: number;
  number: string;
  name: string;
  floors: number;
  floorsSource: FloorsSource;
  /** Floors are a guess (no levels, no height): a person should check them. */
  toCheck: boolean;
  areaM2: number;
  /** Outer ring in WGS84, open (first vertex not repeated), for the map preview. */
  ring: LngLat[];
  /** Outer ring in the community's local metres, counter-clockwise, open. */
  local: { x: number; y: number }[];
};

export type FootprintPreview = {
  features: PreviewFeature[];
  kept: number;
  skipped: number;
  floorHeightM: number;
};

export type PreviewOptions = {
  crs: Crs;
  anchor: Anchor;
  /** Storey height for floors from a height in metres (3 m). */
  floorHeightM?: number;
  /** Floors of a building with neither levels nor height (6, flagged to check). */
  defaultFloors?: number;
};

export const DEFAULT_FLOOR_HEIGHT_M = 3;
export const DEFAULT_FLOORS = 6;
export const MIN_AREA_M2 = 10;
export const MAX_FLOORS = 200;

const LEVEL_KEYS = ['building:levels', 'levels', 'floors', 'LEVELS', 'FLOORS', 'Floors', '层数'];
const HEIGHT_KEYS = ['height', 'building:height', 'HEIGHT', 'Height', '高度'];
const NUMBER_KEYS = ['addr:housenumber', 'ref', 'name', 'NAME', 'Name', 'name:zh'];
const NAME_KEYS = ['name', 'NAME', 'Name', 'name:zh'];

type Props = Record<string, unknown>;

/** Parses the file and previews every feature; refuses what is not a GeoJSON FeatureCollection. */
export function previewFootprints(text: string, options: PreviewOptions): FootprintPreview {
  const features = readFeatureCollection(text);
  const floorHeightM = options.floorHeightM ?? DEFAULT_FLOOR_HEIGHT_M;
  const defaultFloors = options.defaultFloors ?? DEFAULT_FLOORS;
  // A GIS export often carries no `building` tag at all: then every polygon is a building.
  const tagged = features.some((f) => isObject(f) && isObject(f.properties) && hasBuildingTag(f.properties));

  const out: PreviewFeature[] = features.map((raw, index) =>
    previewOne(raw, index, { ...options, floorHeightM, defaultFloors, tagged }),
  );

  mergeParts(out);
  assignNumbers(out);
  const kept = out.filter((f) => f.keep).length;
  return { features: out, kept, skipped: out.length - kept, floorHeightM };
}

function readFeatureCollection(text: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new DomainError('import.unreadable', { detail: 'not JSON (GeoJSON expected)' });
  }
  if (!isObject(parsed) || parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new DomainError('import.unreadable', { detail: 'not a GeoJSON FeatureCollection' });
  }
  return parsed.features;
}

type Ctx = Required<PreviewOptions> & { tagged: boolean };

function skipped(index: number, kind: FeatureKind, reason: SkipReason, props: Props): PreviewFeature {
  return {
    index,
    kind,
    tag: typeof props.building === 'string' ? props.building.slice(0, 30) : null,
    keep: false,
    reason,
    reasonFeature: null,
    reasonNumber: null,
    notes: [],
    polygons: 0,
    holes: 0,
    number: '',
    name: textOf(props, NAME_KEYS) ?? '',
    floors: 0,
    floorsSource: 'default',
    toCheck: false,
    areaM2: 0,
    ring: [],
    local: [],
  };
}

function previewOne(raw: unknown, index: number, ctx: Ctx): PreviewFeature {
  const props: Props = isObject(raw) && isObject(raw.properties) ? raw.properties : {};
  const geometry = isObject(raw) && isObject(raw.geometry) ? raw.geometry : null;
  const kind = kindOf(props, geometry, ctx.tagged);
  if (!geometry) return skipped(index, kind, 'noGeometry', props);
  if (geometry.type === 'Point' || geometry.type === 'MultiPoint') return skipped(index, 'point', 'pointLabel', props);
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return skipped(index, kind, 'notPolygon', props);
  if (kind === 'other') return skipped(index, kind, 'notBuilding', props);

  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown;
  if (!Array.isArray(polygons) || polygons.length === 0) return skipped(index, kind, 'noGeometry', props);

  // Every polygon to WGS84 first; a coordinate off the Earth usually means the wrong CRS was chosen.
  const converted: LngLat[][][] = [];
  for (const rings of polygons) {
    if (!Array.isArray(rings) || rings.length === 0) return skipped(index, kind, 'noGeometry', props);
    const out: LngLat[][] = [];
    for (const ring of rings) {
      if (!Array.isArray(ring)) return skipped(index, kind, 'noGeometry', props);
      const pts: LngLat[] = [];
      for (const p of ring) {
        if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
          return skipped(index, kind, 'badCoordinates', props);
        }
        const w = toWgs84([p[0], p[1]], ctx.crs);
        if (!plausibleLngLat(w)) return skipped(index, kind, 'badCoordinates', props);
        pts.push(w);
      }
      out.push(pts);
    }
    converted.push(out);
  }

  // The largest polygon of a MultiPolygon (by its outer ring's area).
  let chosen = converted[0]!;
  if (converted.length > 1) {
    let best = -1;
    for (const rings of converted) {
      const a = Math.abs(planarArea(rings[0]!));
      if (a > best) [best, chosen] = [a, rings];
    }
  }
  const outer = chosen[0]!;
  const notes: Note[] = [];
  if (converted.length > 1) notes.push('multiPolygonLargest');
  const holes = chosen.length - 1;
  if (holes > 0) notes.push('holesDropped');

  const base = skipped(index, kind, 'noGeometry', props);
  base.polygons = converted.length;
  base.holes = holes;
  base.notes = notes;
  const first = outer[0];
  const last = outer[outer.length - 1];
  if (outer.length < 4 && !(first && last && same(first, last))) {
    return { ...base, reason: outer.length < 3 ? 'tooFewVertices' : 'notClosed' };
  }
  if (!first || !last || !same(first, last)) return { ...base, reason: 'notClosed' };
  const open = dedupe(outer.slice(0, -1));
  if (open.length < 3) return { ...base, reason: 'tooFewVertices' };
  base.ring = open;

  const poly = turfPolygon([[...open, open[0]!] as Position[]]);
  if (kinks(poly).features.length > 0) return { ...base, reason: 'selfIntersecting' };
  const areaM2 = turfArea(poly);
  base.areaM2 = Math.round(areaM2 * 10) / 10;
  if (areaM2 < MIN_AREA_M2) return { ...base, reason: 'tooSmall' };

  let local = open.map((p) => {
    const { x, y } = toLocal(ctx.anchor, p);
    return { x: round2(x), y: round2(y) };
  });
  if (planarArea(local.map((p) => [p.x, p.y] as LngLat)) < 0) local = local.reverse();

  const floors = floorsOf(props, ctx.floorHeightM);
  if (floors.source === 'height') notes.push('floorsFromHeight');
  return {
    ...base,
    keep: kind === 'building',
    reason: null,
    name: textOf(props, NAME_KEYS) ?? '',
    number: numberOf(props) ?? '',
    floors: floors.floors ?? ctx.defaultFloors,
    floorsSource: floors.source,
    toCheck: floors.floors === null,
    local,
  };
}

function kindOf(props: Props, geometry: Props | null, tagged: boolean): FeatureKind {
  if (geometry && (geometry.type === 'Point' || geometry.type === 'MultiPoint')) return 'point';
  const part = props['building:part'];
  if (part !== undefined && part !== null && part !== 'no') return 'part';
  if (hasBuildingTag(props)) return 'building';
  return tagged ? 'other' : 'building';
}

function hasBuildingTag(props: Props): boolean {
  const b = props.building;
  return (b !== undefined && b !== null && b !== 'no' && b !== false) || props.type === 'building';
}

/** Floors from levels, else from a height in metres; null when neither is known ("0" is unknown). */
export function floorsOf(props: Props, floorHeightM: number): { floors: number | null; source: FloorsSource } {
  for (const key of LEVEL_KEYS) {
    const n = positiveNumber(props[key]);
    if (n !== null) return { floors: Math.min(MAX_FLOORS, Math.max(1, Math.round(n))), source: 'levels' };
  }
  for (const key of HEIGHT_KEYS) {
    const h = positiveNumber(props[key]);
    if (h !== null) {
      return { floors: Math.min(MAX_FLOORS, Math.max(1, Math.round(h / floorHeightM))), source: 'height' };
    }
  }
  return { floors: null, source: 'default' };
}

function positiveNumber(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(halfWidth(v).trim()) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/**
 * The number painted on the building, from the first field that holds one: "3栋" → "3",
 * "31幢" → "31", "5号楼" → "5", "12-1" stays; null when no field has digits.
 */
export function numberOf(props: Props): string | null {
  for (const key of NUMBER_KEYS) {
    const v = props[key];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return String(v);
    if (typeof v !== 'string') continue;
    const n = numberInText(v);
    if (n) return n;
  }
  return null;
}

export function numberInText(text: string): string | null {
  const s = halfWidth(text).trim();
  // "5号楼", "31幢", "3栋", "2座", "A3栋": the number before the building word.
  const marked = /([A-Za-z]?\d+(?:-\d+)?[A-Za-z]?)\s*(?:号楼|号|栋|幢|座|楼)/.exec(s);
  if (marked) return marked[1]!.toUpperCase();
  // A bare number: "3", "12-1", "7A".
  const bare = /^([A-Za-z]?\d+(?:-\d+)?[A-Za-z]?)$/.exec(s);
  return bare ? bare[1]!.toUpperCase() : null;
}

function textOf(props: Props, keys: string[]): string | null {
  for (const key of keys) {
    const v = props[key];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 60);
  }
  return null;
}

/**
 * A building's display name: the file's own when it names the number ("3栋") or names no
 * number at all ("社区服务中心"), else "<n>号楼".
 */
export function nameFor(number: string, fileName: string): string {
  if (fileName && (numberInText(fileName) === number || !/\d/.test(fileName))) return fileName;
  return `${number}号楼`;
}

/** Parts go into the kept outline that holds their centre; their levels raise an outline without any. */
function mergeParts(features: PreviewFeature[]): void {
  const outlines = features
    .filter((f) => f.keep && f.kind === 'building')
    .map((f) => ({ f, box: bbox(f.ring), poly: turfPolygon([[...f.ring, f.ring[0]!] as Position[]]) }));
  for (const part of features) {
    if (part.kind !== 'part' || part.reason !== null) continue;
    const c = centroid(turfPolygon([[...part.ring, part.ring[0]!] as Position[]])).geometry.coordinates as LngLat;
    const host = outlines.find(
      (o) =>
        c[0] >= o.box[0] &&
        c[0] <= o.box[2] &&
        c[1] >= o.box[1] &&
        c[1] <= o.box[3] &&
        booleanPointInPolygon(c, o.poly as Feature<Polygon>),
    );
    part.keep = false;
    if (!host) {
      part.reason = 'partOrphan';
      continue;
    }
    part.reason = 'partMerged';
    part.reasonFeature = host.f.index;
    if (part.floorsSource !== 'default' && (host.f.floorsSource === 'default' || host.f.floorsSource === 'parts')) {
      host.f.floors = host.f.floorsSource === 'parts' ? Math.max(host.f.floors, part.floors) : part.floors;
      if (host.f.floorsSource === 'default') host.f.notes.push('floorsFromParts');
      host.f.floorsSource = 'parts';
      host.f.toCheck = false;
    }
  }
}

/** Numbers from the file, the first of a repeated one wins; the rest get the next free numbers. */
function assignNumbers(features: PreviewFeature[]): void {
  const owner = new Map<string, PreviewFeature>();
  for (const f of features) {
    if (!f.keep || !f.number) continue;
    const first = owner.get(f.number);
    if (first) {
      f.keep = false;
      f.reason = 'duplicateNumber';
      f.reasonFeature = first.index;
    } else owner.set(f.number, f);
  }
  let next = 1;
  for (const n of owner.keys()) if (/^\d+$/.test(n)) next = Math.max(next, Number(n) + 1);
  for (const f of features) {
    if (f.reason === 'partMerged' || f.reason === 'duplicateNumber') {
      const host = features[f.reasonFeature ?? -1];
      f.reasonNumber = host?.number || null;
    }
    if (!f.keep) continue;
    if (!f.number) {
      f.number = String(next++);
      f.notes.push('numberGenerated');
    }
    f.name = nameFor(f.number, f.name);
  }
  // Merged parts name their host by its (possibly generated) number.
  for (const f of features) if (f.reason === 'partMerged') f.reasonNumber = features[f.reasonFeature!]?.number ?? null;
  for (const f of features) if (f.keep && f.toCheck) pushOnce(f.notes, 'floorsDefault');
}

function pushOnce<T>(list: T[], item: T): void {
  if (!list.includes(item)) list.push(item);
}

function planarArea(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}

function bbox(ring: LngLat[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return [x0, y0, x1, y1];
}

function dedupe(ring: LngLat[]): LngLat[] {
  const out: LngLat[] = [];
  for (const p of ring) if (!out.length || !same(out[out.length - 1]!, p)) out.push(p);
  while (out.length > 1 && same(out[0]!, out[out.length - 1]!)) out.pop();
  return out;
}

function same(a: readonly number[], b: readonly number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function halfWidth(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
