// Timing helpers. Percentiles are nearest-rank over the timed runs, so a p95
// over 50 runs is the third-slowest run, an actual observation rather than an
// interpolation.
import { performance } from 'node:perf_hooks';

export type Timing = { n: number; p50Ms: number; p95Ms: number };

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) throw new Error('percentile of no samples');
  const rank = Math.min(sortedMs.length, Math.max(1, Math.ceil(p * sortedMs.length)));
  return sortedMs[rank - 1] as number;
}

/** Runs `fn` `warmup` times untimed (plan caches, buffer cache), then `runs` times timed, one after another. */
export async function timeRuns(fn: () => Promise<unknown>, opts: { warmup: number; runs: number }): Promise<Timing> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { n: samples.length, p50Ms: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95) };
}

/** Times one call; for set-up steps reported beside the measurements. */
export async function timeOnce<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}
