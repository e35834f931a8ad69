// Coordinate systems a community's files arrive in, and the one frame Linli keeps: local metres
// (x east, y north) from the community's anchor (docs/DOMAIN.md § Places). Chinese map pickers
// give GCJ-02 (AMap, Tencent) or BD-09 (Baidu), which are WGS84 shifted by an obfuscation only
// `gcoord` undoes faithfully; EPSG:3857 metres (web-map dumps) go through `proj4`. Every file is
// converted to WGS84 here, then to local metres exactly once (toLocal).
import gcoord from 'gcoord';
import proj4 from 'proj4';

/** The systems an import may name. CGCS2000 (China's national datum) differs from WGS84 by centimetres. */
export const CRS_NAMES = ['wgs84', 'cgcs2000', 'gcj02', 'bd09', 'epsg3857'] as const;
export type Crs = (typeof CRS_NAMES)[number];

/** The systems a single point (a map anchor, a device's position) may be typed in. */
export const POINT_CRS_NAMES = ['wgs84', 'gcj02', 'bd09'] as const;
export type PointCrs = (typeof POINT_CRS_NAMES)[number];

export type LngLat = [lng: number, lat: number];

const WEB_MERCATOR = 'EPSG:3857';
const WGS84 = 'EPSG:4326';

/** One coordinate pair in `crs` as WGS84 longitude/latitude. */
export function toWgs84(point: readonly [number, number], crs: Crs): LngLat {
  const [a, b] = point;
  switch (crs) {
    case 'wgs84':
    case 'cgcs2000':
      return [a, b];
    case 'gcj02':
      return gcoord.transform([a, b], gcoord.GCJ02, gcoord.WGS84) as LngLat;
    case 'bd09':
      return gcoord.transform([a, b], gcoord.BD09, gcoord.WGS84) as LngLat;
    case 'epsg3857':
      return proj4(WEB_MERCATOR, WGS84, [a, b]) as LngLat;
  }
}

/** WGS84 as the system `crs` (for tests and for showing an anchor in the picker's own system). */
export function fromWgs84(point: readonly [number, number], crs: Crs): LngLat {
  const [a, b] = point;
  switch (crs) {
    case 'wgs84':
    case 'cgcs2000':
      return [a, b];
    case 'gcj02':
      return gcoord.transform([a, b], gcoord.WGS84, gcoord.GCJ02) as LngLat;
    case 'bd09':
      return gcoord.transform([a, b], gcoord.WGS84, gcoord.BD09) as LngLat;
    case 'epsg3857':
      return proj4(WGS84, WEB_MERCATOR, [a, b]) as LngLat;
  }
}

/** Whether a WGS84 pair is on Earth and the right way round (a swapped pair is the usual mistake). */
export function plausibleLngLat([lng, lat]: readonly [number, number]): boolean {
  return Number.isFinite(lng) && Number.isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 85;
}

// Local metres: an equirectangular step about the anchor, exact to centimetres over the few
// kilometres a community spans; the inverse of app/_map/geo.ts toLngLat.
const R = 6_378_137;
const RAD = Math.PI / 180;

export type Anchor = { anchorLng: number; anchorLat: number };

/** WGS84 to the community's local metres (x east, y north of its anchor). */
export function toLocal(anchor: Anchor, [lng, lat]: readonly [number, number]): { x: number; y: number } {
  return {
    x: (lng - anchor.anchorLng) * RAD * R * Math.cos(anchor.anchorLat * RAD),
    y: (lat - anchor.anchorLat) * RAD * R,
  };
}

/** Local metres back to WGS84. */
export function fromLocal(anchor: Anchor, x: number, y: number): LngLat {
  return [anchor.anchorLng + x / (R * Math.cos(anchor.anchorLat * RAD)) / RAD, anchor.anchorLat + y / R / RAD];
}
