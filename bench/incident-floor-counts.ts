// docs/ARCHITECTURE.md § Targets: throwing incidents by building × floor over 1,000,000
// incidents, p95 ≤ 20 ms. One community holds all of them — the worst case
// for one community's question, since no other community's rows are filtered
// away — and at this density both rollups are saturated: one row per
// building × floor × day (~200k a year) and per building × floor × month
// (~6.7k), however many more incidents come. incidentFloorCounts reads whole
// months from the monthly rollup and edge days from the daily one; the GROUP
// BY over incidents is measured beside it as the baseline.
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import { selectRows, type Database, type Engine } from '../db/client';
import {
  incidentFloorCounts,
  incidentFloorCountsDirect,
  type IncidentFloorCount,
  type IncidentFloorCountsQuery,
} from '../server/queries/incident-floor-counts';
import { openBenchDatabase } from './databases';
import { incidentsInsertSql, insertIncidents, seedCommunity, YEAR, type BenchCommunity } from './incident-data';
import { timeOnce, timeRuns, type Timing } from './measure';
import type { BenchContext, BenchRow } from './types';

const TARGET_MS = 20;
const INCIDENTS = 1_000_000;
/** ~15 days of incidents per statement (see insertIncidents). */
const CHUNKS = 25;
/**
 * Ingest as it runs live: statements of 1,000 incidents, all on the last day,
 * each committed on its own (each upserts that day's and that month's rollup
 * rows). Shows the triggers' cost; the ingest targets themselves belong to
 * another benchmark.
 */
const INGEST_BATCH = 1_000;
const LAST_DAY = { from: 364 / 365, to: 1 };

const PERIODS: Array<[string, Omit<IncidentFloorCountsQuery, 'communityId'>]> = [
  ['30 days', { from: '2026-03-02', to: YEAR.to }],
  ['year', { ...YEAR }],
  // Both edge months half in, half out: the most daily rows planPeriod reads.
  ['11 months mid-month', { from: '2025-04-16', to: '2026-03-15' }],
];

type Counter = (db: Database['db'], q: IncidentFloorCountsQuery) => Promise<IncidentFloorCount[]>;

async function rollupRows(database: Database, table: string): Promise<number> {
  const [row] = await selectRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return row?.n ?? 0;
}

/** Times INGEST_BATCH-incident inserts, then deletes what they added so later measurements see the same data. */
async function timeIngest(database: Database, target: BenchCommunity): Promise<Timing & { note: string }> {
  const [before] = await selectRows<{ id: number }>(
    database.db,
    sql`select coalesce(max(id), 0)::int as id from incidents`,
  );
  let next = 1;
  const timing = await timeRuns(
    async () => {
      await database.exec(incidentsInsertSql(target, next, next + INGEST_BATCH - 1, LAST_DAY));
      next += INGEST_BATCH;
    },
    { warmup: 5, runs: 100 },
  );
  await database.exec(`DELETE FROM incidents WHERE id > ${before?.id ?? 0}`);
  await database.exec('VACUUM ANALYZE');
  return { ...timing, note: `${Math.round(INGEST_BATCH / (timing.p50Ms / 1000)).toLocaleString('en')} rows/s at p50` };
}

/** A review-state change on one incident: it touches no rollup key, but fires the rollup triggers. */
async function timeSingleUpdates(database: Database, target: BenchCommunity) {
  let id = 1;
  return timeRuns(
    async () => {
      id += 7919; // a different incident each run, so no run finds another's work cached
      await database.db.execute(
        sql`update incidents set review_state = 'confirmed' where id = ${1 + (id % INCIDENTS)} and community_id = ${target.communityId}`,
      );
    },
    { warmup: 2, runs: 20 },
  );
}

async function benchEngine(engine: Engine, log: (line: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const info = (name: string, ms: number, note?: string) =>
    rows.push({ name, engine, n: 1, p50Ms: ms, p95Ms: ms, note });

  const opened = await timeOnce(() => openBenchDatabase(engine, 'incident_floor_counts'));
  const database = opened.value;
  try {
    info('setup: create + migrate', opened.ms);
    const target = await seedCommunity(database);
    log(`  ${engine}: inserting ${INCIDENTS.toLocaleString('en')} incidents…`);
    const inserted = await timeOnce(() => insertIncidents(database, target, INCIDENTS, CHUNKS));
    const rate = Math.round(INCIDENTS / (inserted.ms / 1000)).toLocaleString('en');
    const daily = (await rollupRows(database, 'incident_floor_daily')).toLocaleString('en');
    const monthly = (await rollupRows(database, 'incident_floor_monthly')).toLocaleString('en');
    info(
      'setup: insert 1M incidents incl. rollup triggers',
      inserted.ms,
      `${rate} rows/s; daily ${daily}, monthly ${monthly} rows`,
    );
    // PGlite runs no autovacuum: without this its planner has no statistics.
    info('setup: vacuum analyze', (await timeOnce(() => database.exec('VACUUM ANALYZE'))).ms);

    const measure = async (
      label: string,
      counter: Counter,
      q: IncidentFloorCountsQuery,
      runs: number,
      targetMs?: number,
    ) => {
      // A fast wrong answer is no answer: every variant must match the GROUP BY before its timing counts.
      const [got, want] = [await counter(database.db, q), await incidentFloorCountsDirect(database.db, q)];
      if (!isDeepStrictEqual(got, want)) throw new Error(`${engine} ${label}: result differs from the GROUP BY`);
      const t = await timeRuns(() => counter(database.db, q), { warmup: Math.min(5, runs), runs });
      rows.push({ name: label, engine, ...t, targetMs, note: `${got.length} rows` });
    };

    log(`  ${engine}: queries…`);
    for (const [label, period] of PERIODS) {
      const q = { communityId: target.communityId, ...period };
      await measure(`floor counts, rollups, ${label}`, incidentFloorCounts, q, 50, TARGET_MS);
      await measure(`floor counts, GROUP BY baseline, ${label}`, incidentFloorCountsDirect, q, 10);
    }
    const oneBuilding = { communityId: target.communityId, ...YEAR, buildingId: target.buildingIds[0] };
    await measure('floor counts, rollups, year, 1 building', incidentFloorCounts, oneBuilding, 50, TARGET_MS);
    const updates = await timeSingleUpdates(database, target);
    rows.push({ name: 'update 1 incident (review state), both rollups', engine, ...updates, note: 'keyed cleanup' });
    rows.push({ name: 'insert 1,000 incidents, both rollups', engine, ...(await timeIngest(database, target)) });
  } finally {
    await database.close();
  }
  return rows;
}

export async function incidentFloorCountsBench(ctx: BenchContext): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // One engine at a time: they share two cores, and PGlite holds ~650 MB.
  for (const engine of ctx.engines) rows.push(...(await benchEngine(engine, ctx.log)));
  return rows;
}
