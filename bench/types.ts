// The contract between `bench/run.ts` and each benchmark module: a module
// gets the engines that are available in this run and returns rows, and the
// runner prints every module's rows as one table. A new benchmark is a new
// module plus one line in run.ts.
import type { Engine } from '../db/client';

export type BenchRow = {
  name: string;
  engine: Engine;
  /** Timed runs behind p50/p95 (1 for a one-off set-up step). */
  n: number;
  p50Ms: number;
  p95Ms: number;
  /** A p95 bound from DESIGN.md §4; rows without one are informational. */
  targetMs?: number;
  note?: string;
};

export type BenchContext = {
  /** Engines that can run: PGlite always, PostgreSQL when reachable. */
  engines: Engine[];
  log: (line: string) => void;
};

export type Benchmark = {
  name: string;
  run: (ctx: BenchContext) => Promise<BenchRow[]>;
};
