// docs/ARCHITECTURE.md § Targets (issue 15): a footprint file of 1,500 buildings previews and
// imports in seconds — target ≤ 10 s on PGlite for the preview and the write together, as the
// buildings page does them (preview, then import of every kept feature, which reads the file
// again). The file is GCJ-02, so every vertex goes through the offset's inverse, and each run
// writes into a community of its own.
import { fromLocal, fromWgs84 } from '../server/geo/crs';
import { createCommunity } from '../server/ops/community-ops';
import { importBuildings, previewBuildingFile } from '../server/ops/site-ops';
import { openBenchDatabase } from './databases';
import { timeRuns } from './measure';
import type { BenchContext, BenchRow } from './types';

const BUILDINGS = 1_500;
const TARGET_MS = 10_000;
const ANCHOR = { anchorLng: 114.362, anchorLat: 30.528 };

/** 1,500 slabs on a 50 × 30 grid, slightly turned, with levels, heights or nothing, in GCJ-02. */
export function footprintFile(n = BUILDINGS): string {
  const features = Array.from({ length: n }, (_, i) => {
    const cx = (i % 50) * 60 - 1500;
    const cy = Math.floor(i / 50) * 40 - 600;
    const turn = ((i % 7) - 3) * 0.03;
    const corners: [number, number][] = [
      [-18, -6],
      [18, -6],
      [18, 6],
      [-18, 6],
    ];
    const ring = corners.map(([x, y]) => {
      const rx = cx + x * Math.cos(turn) - y * Math.sin(turn);
      const ry = cy + x * Math.sin(turn) + y * Math.cos(turn);
      return fromWgs84(fromLocal(ANCHOR, rx, ry), 'gcj02').map((v) => Math.round(v * 1e7) / 1e7);
    });
    const height =
      i % 3 === 0 ? { 'building:levels': 6 + (i % 12) } : i % 3 === 1 ? { height: String(18 + (i % 30)) } : {};
    return JSON.stringify({
      type: 'Feature',
      properties: { building: 'residential', name: `${i + 1}栋`, ...height },
      geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] },
    });
  });
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}

export async function footprintImportBench(ctx: BenchContext): Promise<BenchRow[]> {
  const text = footprintFile();
  const rows: BenchRow[] = [];
  for (const engine of ctx.engines) {
    const database = await openBenchDatabase(engine, 'footprint_import');
    let run = 0;
    try {
      const timing = await timeRuns(
        async () => {
          const community = await createCommunity(
            database.db,
            {
              slug: `bench-${++run}`,
              name: '基准小区',
              street: '基准街道',
              district: '基准区',
              lng: 114.362,
              lat: 30.528,
            },
            'bench',
          );
          const preview = previewBuildingFile(community, { text, crs: 'gcj02' });
          const choose = preview.features.filter((f) => f.keep).map((f) => ({ index: f.index }));
          const result = await importBuildings(database.db, community, { text, crs: 'gcj02', choose }, 'bench');
          if (result.imported !== BUILDINGS) throw new Error(`imported ${result.imported} of ${BUILDINGS}`);
        },
        { warmup: 1, runs: 3 },
      );
      rows.push({
        name: 'import 1,500 footprints (preview + write)',
        engine,
        ...timing,
        targetMs: TARGET_MS,
        note: `${(text.length / 1024 / 1024).toFixed(1)} MB GCJ-02 GeoJSON`,
      });
    } finally {
      await database.close();
    }
  }
  return rows;
}
