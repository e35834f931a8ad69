// Reading a street's (街道) boundary from a GeoJSON file (docs/ONBOARDING.md's footprint
// importer reads its files the same way): a Polygon or MultiPolygon — bare, as a Feature, or
// as a FeatureCollection of them — in one of the systems server/geo/crs.ts converts, kept as
// one WGS84 MultiPolygon. All or nothing: a file with anything else in it is refused whole,
// with the reason, so what is drawn is exactly what was imported.
import type { BoundaryGeometry } from '~/db/schema';
import type { Locale } from '~/lib/locales';
import { plausibleLngLat, toWgs84, type Crs } from '../geo/crs';

/** Why a file is refused. */
export type BoundaryProblem =
  | { code: 'notJson' }
  | { code: 'notGeoJson' }
  | { code: 'empty' }
  | { code: 'notPolygon'; feature: number; type: string }
  | { code: 'badRing'; feature: number }
  | { code: 'outOfRange'; feature: number }
  | { code: 'tooLarge' };

export class BoundaryError extends Error {
  constructor(readonly problem: BoundaryProblem) {
    super(problem.code);
  }
}

/** More vertices than any street's outline needs: a file this big is the wrong file. */
export const MAX_VERTICES = 50_000;
/** A street or district spans a few to some tens of kilometres; wider is a district of the wrong country. */
const MAX_SPAN_DEG = 2;

export type ParsedBoundary = { geometry: BoundaryGeometry; polygons: number; vertices: number };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The polygons of a file's geometries, each a list of rings of raw coordinate pairs. */
function geometriesOf(parsed: unknown): unknown[] {
  if (!isObject(parsed)) throw new BoundaryError({ code: 'notGeoJson' });
  if (parsed.type === 'FeatureCollection') {
    if (!Array.isArray(parsed.features)) throw new BoundaryError({ code: 'notGeoJson' });
    return parsed.features.map((f) => (isObject(f) ? f.geometry : null));
  }
  if (parsed.type === 'Feature') return [parsed.geometry];
  if (typeof parsed.type === 'string') return [parsed];
  throw new BoundaryError({ code: 'notGeoJson' });
}

export function parseBoundary(text: string, crs: Crs): ParsedBoundary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw new BoundaryError({ code: 'notJson' });
  }
  const geometries = geometriesOf(parsed);
  if (!geometries.length) throw new BoundaryError({ code: 'empty' });
  const polygons: Array<Array<Array<[number, number]>>> = [];
  let vertices = 0;
  geometries.forEach((g, i) => {
    const feature = i + 1;
    const type = isObject(g) && typeof g.type === 'string' ? g.type : 'null';
    if (!isObject(g) || (type !== 'Polygon' && type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
      throw new BoundaryError({ code: 'notPolygon', feature, type });
    }
    const list = type === 'Polygon' ? [g.coordinates] : g.coordinates;
    for (const poly of list as unknown[]) {
      if (!Array.isArray(poly) || poly.length === 0) throw new BoundaryError({ code: 'badRing', feature });
      polygons.push(
        poly.map((ring: unknown) => {
          const out = readRing(ring, feature, crs);
          vertices += out.length;
          if (vertices > MAX_VERTICES) throw new BoundaryError({ code: 'tooLarge' });
          return out;
        }),
      );
    }
  });
  const all = polygons.flat(2);
  const lngs = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  if (Math.max(...lngs) - Math.min(...lngs) > MAX_SPAN_DEG || Math.max(...lats) - Math.min(...lats) > MAX_SPAN_DEG) {
    throw new BoundaryError({ code: 'tooLarge' });
  }
  return { geometry: { type: 'MultiPolygon', coordinates: polygons }, polygons: polygons.length, vertices };
}

/** One closed ring of at least three distinct points, converted to WGS84 and closed if the file left it open. */
function readRing(ring: unknown, feature: number, crs: Crs): Array<[number, number]> {
  if (!Array.isArray(ring)) throw new BoundaryError({ code: 'badRing', feature });
  const out = ring.map((p: unknown) => {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number') {
      throw new BoundaryError({ code: 'badRing', feature });
    }
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new BoundaryError({ code: 'badRing', feature });
    const w = toWgs84([p[0], p[1]], crs);
    if (!plausibleLngLat(w)) throw new BoundaryError({ code: 'outOfRange', feature });
    return [round(w[0]), round(w[1])] as [number, number];
  });
  const first = out[0],
    last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  if (new Set(out.map((p) => `${p[0]},${p[1]}`)).size < 3) throw new BoundaryError({ code: 'badRing', feature });
  return out;
}

/** Seven decimals: about a centimetre, more than any boundary survey holds. */
const round = (v: number) => Math.round(v * 1e7) / 1e7;

const WORDS: Record<Locale, (p: BoundaryProblem) => string> = {
  zh: (p) => {
    switch (p.code) {
      case 'notJson':
        return '不是 JSON 文件（应为 GeoJSON）';
      case 'notGeoJson':
        return '不是 GeoJSON（应为 Polygon、MultiPolygon、Feature 或 FeatureCollection）';
      case 'empty':
        return '文件里没有边界';
      case 'notPolygon':
        return `第 ${p.feature} 个要素是 ${p.type}，边界只能是 Polygon 或 MultiPolygon`;
      case 'badRing':
        return `第 ${p.feature} 个要素的坐标不成面（每个环至少三个不同的点）`;
      case 'outOfRange':
        return `第 ${p.feature} 个要素的坐标超出经纬度范围，请检查坐标系或经纬度是否写反`;
      case 'tooLarge':
        return '边界过大：顶点过多或范围超过一个区，请检查坐标系';
    }
  },
  en: (p) => {
    switch (p.code) {
      case 'notJson':
        return 'not JSON (GeoJSON expected)';
      case 'notGeoJson':
        return 'not GeoJSON (a Polygon, MultiPolygon, Feature or FeatureCollection expected)';
      case 'empty':
        return 'the file holds no boundary';
      case 'notPolygon':
        return `feature ${p.feature} is a ${p.type}; a boundary is a Polygon or MultiPolygon`;
      case 'badRing':
        return `feature ${p.feature} has a ring that is not an area (at least three distinct points)`;
      case 'outOfRange':
        return `feature ${p.feature} has coordinates off the globe: check the coordinate system, or longitude and latitude swapped`;
      case 'tooLarge':
        return 'the boundary is too large (too many vertices, or wider than a district): check the coordinate system';
    }
  },
};

/** The refusal in the reader's words, for the import error's detail. */
export function boundaryProblemWords(problem: BoundaryProblem, locale: Locale): string {
  return WORDS[locale](problem);
}
