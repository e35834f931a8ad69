// Matrix entries (access.test.ts) for the district map (server/routers/map.ts).
import type { Entry } from './access-matrix';

/** A small square boundary, well-formed, so an admitted import succeeds. */
const SQUARE = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [114.27, 30.59],
      [114.28, 30.59],
      [114.28, 30.6],
      [114.27, 30.6],
      [114.27, 30.59],
    ],
  ],
});

export const MAP_MATRIX: Record<string, Entry> = {
  'map.layers': { tier: 'viewer' },
  // The street named is the place's own: its district role may import, another street's may not.
  'map.importStreetBoundary': {
    tier: 'street',
    input: (p) => ({ street: p.street, content: SQUARE, crs: 'wgs84', fileName: 'matrix.geojson' }),
  },
};
