// The retrofit optimizer at district scale: 100 communities × 40 units, each
// unit with a quote, a subsidy under the 40 %-capped rule, the stranded
// residents it would serve and its consent standing. Target: chooses within
// 1 s (p95). The search is exact when it finishes and stops at its deadline
// otherwise; the note gives how often it proved optimality and the worst gap
// to the upper bound, so a fast but poor answer shows.
import { optimizeUnits, type Candidate, type ConsentStanding } from '../server/domain/optimizer';
import { subsidyFen } from '../server/domain/cost-share';
import { Rng } from '../db/seed/prng';
import { percentile } from './measure';
import type { BenchContext, BenchRow } from './types';

const TARGET_MS = 1000;
const COMMUNITIES = 100;
const UNITS = 40;
const RUNS = 20;

function district(seed: string): Candidate[] {
  const rng = new Rng(seed);
  const standings: ConsentStanding[] = ['met', 'near', 'far'];
  const out: Candidate[] = [];
  for (let c = 0; c < COMMUNITIES; c++) {
    for (let u = 0; u < UNITS; u++) {
      const costFen = rng.int(500, 750) * 100_000;
      const rule = rng.chance(0.2)
        ? ({ kind: 'fixed', amountFen: 10_000_000 } as const)
        : ({ kind: 'percent', percent: 40, capFen: 28_000_000 } as const);
      out.push({
        unitId: c * UNITS + u + 1,
        costFen,
        subsidyFen: subsidyFen(costFen, rule),
        value: rng.int(0, 24),
        consent: rng.pick(standings),
      });
    }
  }
  return out;
}

export async function retrofitOptimizerBench(ctx: BenchContext): Promise<BenchRow[]> {
  const samples: number[] = [];
  let optimal = 0;
  let worstGap = 0;
  for (let i = 0; i < RUNS; i++) {
    const candidates = district(`bench/optimizer/${i}`);
    const total = candidates.reduce((s, c) => s + c.costFen, 0);
    // A year's programme: a fifth of the district's units by cost, public money for three quarters of their subsidies.
    const budgetFen = Math.round(total * 0.2);
    const subsidyCapFen = Math.round(candidates.reduce((s, c) => s + c.subsidyFen, 0) * 0.15);
    const start = performance.now();
    const r = optimizeUnits({ candidates, budgetFen, subsidyCapFen });
    samples.push(performance.now() - start);
    if (r.optimal) optimal++;
    worstGap = Math.max(worstGap, r.bound > 0 ? (r.bound - r.score) / r.bound : 0);
    if (i === 0) ctx.log(`  optimizer: ${r.unitIds.length} of ${candidates.length} units chosen, ${r.nodes} nodes`);
  }
  samples.sort((a, b) => a - b);
  return [
    {
      name: `retrofit optimizer, ${COMMUNITIES} communities x ${UNITS} units`,
      engine: 'pglite',
      n: RUNS,
      p50Ms: percentile(samples, 0.5),
      p95Ms: percentile(samples, 0.95),
      targetMs: TARGET_MS,
      note: `pure function (no database); optimal in ${optimal}/${RUNS}, worst gap to bound ${(worstGap * 100).toFixed(2)}%`,
    },
  ];
}
