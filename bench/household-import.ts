// The household register at the scale of a large 小区: 10,000 rows (25 towers × 2 units × 25
// floors × 8 doors) imported from CSV into an empty community, then imported again (every row
// an update by unit and room). Target: ≤ 5 s each on PGlite (docs/ARCHITECTURE.md § Targets).
import { sql } from 'drizzle-orm';
import { buildings, communities, units } from '../db/schema';
import { importHouseholds } from '../server/ops/household-ops';
import { openBenchDatabase } from './databases';
import { percentile } from './measure';
import type { BenchContext, BenchRow } from './types';

const TARGET_MS = 5000;
const BUILDINGS = 25;
const FLOORS = 25;
const DOORS = 8;
const RUNS = 3;

function register(): string {
  const lines = ['楼栋,单元,房号,建筑面积,0-59岁,60-79岁,80岁以上,行动不便,户主姓名,联系电话'];
  let n = 0;
  for (let b = 1; b <= BUILDINGS; b++)
    for (const u of [1, 2])
      for (let f = 1; f <= FLOORS; f++)
        for (let d = 1; d <= DOORS; d++) {
          n++;
          lines.push(
            `${b}栋,${u}单元,${f}0${d},${60 + (n % 60)}.5,${1 + (n % 4)},${n % 3},${n % 7 === 0 ? 1 : 0},${n % 11 === 0 ? 1 : 0},住户${n},1390000${String(n % 10_000).padStart(4, '0')}`,
          );
        }
  return lines.join('\n');
}

export async function householdImportBench(ctx: BenchContext): Promise<BenchRow[]> {
  const content = register();
  const rows: BenchRow[] = [];
  for (const engine of ctx.engines) {
    const database = await openBenchDatabase(engine, 'household_import');
    try {
      const db = database.db;
      const [c] = await db
        .insert(communities)
        .values({
          slug: `bench-register-${Date.now()}`,
          name: '压测小区',
          nameEn: 'bench',
          neighbourhood: '压测社区',
          street: '压测街道',
          district: '压测区',
          anchorLng: 114.36,
          anchorLat: 30.53,
        })
        .returning({ id: communities.id });
      for (let b = 1; b <= BUILDINGS; b++) {
        const [row] = await db
          .insert(buildings)
          .values({
            communityId: c!.id,
            number: String(b),
            name: `${b}栋`,
            footprint: [
              { x: b * 40, y: 0 },
              { x: b * 40 + 30, y: 0 },
              { x: b * 40 + 30, y: 12 },
              { x: b * 40, y: 12 },
            ],
            floors: FLOORS,
          })
          .returning({ id: buildings.id });
        await db.insert(units).values(
          [1, 2].map((ordinal) => ({
            buildingId: row!.id,
            ordinal,
            name: `${ordinal}单元`,
            stairX: b * 40 + ordinal * 10,
            stairY: 0,
            householdsPerFloor: DOORS,
          })),
        );
      }
      const fresh: number[] = [];
      const again: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await db.execute(sql`delete from households where unit_id in (select u.id from units u
          join buildings b on b.id = u.building_id where b.community_id = ${c!.id})`);
        let start = performance.now();
        const first = await importHouseholds(db, c!.id, { format: 'csv', content }, 'bench');
        fresh.push(performance.now() - start);
        start = performance.now();
        const second = await importHouseholds(db, c!.id, { format: 'csv', content }, 'bench');
        again.push(performance.now() - start);
        if (first.imported !== 10_000 || second.updated !== 10_000) {
          throw new Error(
            `household bench: expected 10,000 rows, got ${JSON.stringify({ ...first, ...second, errors: first.errors.slice(0, 3) })}`,
          );
        }
      }
      for (const [label, samples] of [
        ['new rooms', fresh],
        ['re-import (updates)', again],
      ] as const) {
        samples.sort((a, b) => a - b);
        rows.push({
          name: `household register import, 10,000 rows, ${label}`,
          engine,
          n: RUNS,
          p50Ms: percentile(samples, 0.5),
          p95Ms: percentile(samples, 0.95),
          targetMs: TARGET_MS,
          note: 'CSV read, every row checked, written in one transaction',
        });
      }
    } finally {
      await database.close();
    }
  }
  return rows;
}
