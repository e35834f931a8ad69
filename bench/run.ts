// `npm run bench`: runs every benchmark module in turn and prints their rows
// as one table against docs/ARCHITECTURE.md § Targets. Exits 1 when a row misses
// its target, so CI can hold a regression.
import { householdImportBench } from './household-import';
import { footprintImportBench } from './footprint-import';
import { incidentFloorCountsBench } from './incident-floor-counts';
import { ingestBench } from './ingest';
import { publicPagesBench } from './public-pages';
import { twinRenderBench } from './twin-render';
import { twinScaleBench } from './twin-scale';
import { retrofitOptimizerBench } from './retrofit-optimizer';
import { screenSoakBench } from './screen-soak';
import { postgresUnreachable, benchPostgresUrl } from './databases';
import { formatTable, rowPasses } from './table';
import type { BenchContext, BenchRow, Benchmark } from './types';
import type { Engine } from '../db/client';

const benchmarks: Benchmark[] = [
  { name: 'throwing incidents by building × floor', run: incidentFloorCountsBench },
  { name: 'ingest and live frames', run: ingestBench },
  { name: '3D twin rendering (Chromium, SwiftShader)', run: twinRenderBench },
  { name: '3D twin of 1,500 buildings (Chromium, SwiftShader)', run: twinScaleBench },
  { name: 'retrofit optimizer', run: retrofitOptimizerBench },
  { name: 'household register import', run: householdImportBench },
  { name: 'public status pages (JS weight, render time)', run: publicPagesBench },
  { name: 'big screen soak (Chromium)', run: screenSoakBench },
  { name: 'footprint import (1,500 buildings)', run: footprintImportBench },
];

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(): Promise<void> {
  const engines: Engine[] = ['pglite'];
  const unreachable = await postgresUnreachable();
  const pgHost = new URL(benchPostgresUrl()).host;
  if (unreachable === null) engines.push('postgres');
  else
    console.log(
      `note: PostgreSQL at ${pgHost} is unreachable (${unreachable}); skipping it. Set BENCH_DATABASE_URL to bench it.`,
    );

  const ctx: BenchContext = { engines, log };
  const rows: BenchRow[] = [];
  const started = Date.now();
  // `npm run bench -- twin ingest` runs only the modules whose names contain a word given.
  const only = process.argv.slice(2).map((w) => w.toLowerCase());
  for (const benchmark of benchmarks) {
    if (only.length > 0 && !only.some((w) => benchmark.name.toLowerCase().includes(w))) continue;
    log(`${benchmark.name}…`);
    rows.push(...(await benchmark.run(ctx)));
  }
  console.log(formatTable(rows));
  console.log(
    `\nengines: ${engines.join(', ')}${engines.includes('postgres') ? ` (PostgreSQL at ${pgHost})` : ''}; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (rows.some((row) => rowPasses(row) === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
