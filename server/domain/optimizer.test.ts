// The optimizer against brute force on small cases.
import { describe, expect, it } from 'vitest';
import { CONSENT_WEIGHT, optimizeUnits, type Candidate, type ConsentStanding } from './optimizer';

/** A tiny deterministic generator, so a failure reproduces. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function bruteForce(cands: Candidate[], budget: number, cap: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << cands.length; mask++) {
    let cost = 0,
      sub = 0,
      score = 0;
    cands.forEach((c, i) => {
      if (mask & (1 << i)) {
        cost += c.costFen;
        sub += c.subsidyFen;
        score += c.value * CONSENT_WEIGHT[c.consent];
      }
    });
    if (cost <= budget && sub <= cap) best = Math.max(best, score);
  }
  return best / 100;
}

describe('optimizeUnits', () => {
  it('finds the best set on 300 random small cases', () => {
    const rnd = lcg(42);
    const standings: ConsentStanding[] = ['met', 'near', 'far'];
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(rnd() * 12);
      const cands: Candidate[] = Array.from({ length: n }, (_, i) => {
        const costFen = (50 + Math.floor(rnd() * 25)) * 1_000_000;
        return {
          unitId: i + 1,
          costFen,
          subsidyFen:
            Math.min(28_000_000, Math.round(costFen * 0.4)) - (t % 3 === 0 ? Math.floor(rnd() * 15) * 1_000_000 : 0),
          value: Math.floor(rnd() * 15),
          consent: standings[Math.floor(rnd() * 3)]!,
        };
      });
      const total = cands.reduce((s, c) => s + c.costFen, 0);
      const budget = Math.floor(total * rnd());
      const cap = Math.floor(cands.reduce((s, c) => s + c.subsidyFen, 0) * (0.2 + rnd() * 0.8));
      const r = optimizeUnits({ candidates: cands, budgetFen: budget, subsidyCapFen: cap });
      expect(r.optimal).toBe(true);
      expect(r.score, `case ${t}`).toBe(bruteForce(cands, budget, cap));
      expect(r.costFen).toBeLessThanOrEqual(budget);
      expect(r.subsidyFen).toBeLessThanOrEqual(cap);
    }
  });

  it('prefers a unit whose consent is met over an equal one that is far from it', () => {
    const cands: Candidate[] = [
      { unitId: 1, costFen: 60, subsidyFen: 20, value: 10, consent: 'far' },
      { unitId: 2, costFen: 60, subsidyFen: 20, value: 10, consent: 'met' },
    ];
    expect(optimizeUnits({ candidates: cands, budgetFen: 60, subsidyCapFen: 100 }).unitIds).toEqual([2]);
  });

  it('is limited by the subsidy cap as well as the budget', () => {
    const cands: Candidate[] = [
      { unitId: 1, costFen: 10, subsidyFen: 9, value: 10, consent: 'met' },
      { unitId: 2, costFen: 10, subsidyFen: 1, value: 6, consent: 'met' },
      { unitId: 3, costFen: 10, subsidyFen: 1, value: 6, consent: 'met' },
    ];
    expect(optimizeUnits({ candidates: cands, budgetFen: 30, subsidyCapFen: 9 }).unitIds).toEqual([2, 3]);
    expect(optimizeUnits({ candidates: cands, budgetFen: 30, subsidyCapFen: 0 }).unitIds).toEqual([]);
  });
});
