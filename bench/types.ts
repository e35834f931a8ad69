// The contract between `bench/run.ts` and each benchmark module: a module
// gets the engines that are available in this run and returns rows, and the
// runner prints every module's rows as one table. A new benchmark is a new
// module plus one line in run.ts.
import type { Engine } from '../db/client';

export type BenchRow = {
  name: string;
  /** The database engine, or 'chromium' for rendering measured in the browser. */
  engine: Engine | 'chromium';
  /** Timed runs behind p50/p95 (1 for a one-off set-up step). */
  n: number;
  p50Ms: number;
  p95Ms: number;
  /** A p95 bound from docs/ARCHITECTURE.md § Targets; rows without one are informational. */
  targetMs?: number;
  note?: string;
  /**
   * What p50/p95/target count when not milliseconds ('calls', 'triangles',
   * '×'): rendering rows report counts and ratios in the same table.
   */
  unit?: string;
  /** The target is a floor (p95 ≥ target), e.g. a frame-rate ratio. */
  atLeast?: boolean;
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
