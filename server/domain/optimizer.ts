// Which units to retrofit next: choose units that free the most stranded
// residents under two limits, the total budget (construction cost) and the
// subsidy cap (the public money the units' subsidy rules would draw).
// Consent matters: a unit whose vote is met can start now, one that is near
// probably soon, so a unit's value is weighted by its consent standing.
//
// This is a two-constraint 0/1 knapsack. Branch and bound over units sorted
// by value per unit of a surrogate weight (a mix of cost/budget and
// subsidy/cap), with the fractional surrogate knapsack as the upper bound, is
// exact when it finishes; at district scale it stops at a deadline and says so, with the
// gap to the root bound.

export type ConsentStanding = 'met' | 'near' | 'far';

export type Candidate = {
  unitId: number;
  costFen: number;
  subsidyFen: number;
  /** Stranded residents an elevator here would serve. */
  value: number;
  consent: ConsentStanding;
};

/** Percent of a unit's value counted, by consent standing. */
export const CONSENT_WEIGHT: Record<ConsentStanding, number> = { met: 100, near: 80, far: 50 };

export type OptimizeInput = {
  candidates: readonly Candidate[];
  budgetFen: number;
  subsidyCapFen: number;
  /** Stop searching after this long and return the best set found. */
  deadlineMs?: number;
  weights?: Record<ConsentStanding, number>;
};

export type OptimizeResult = {
  unitIds: number[];
  /** Σ value × weight / 100 of the chosen units. */
  score: number;
  value: number;
  costFen: number;
  subsidyFen: number;
  /** The search finished: no set scores higher. */
  optimal: boolean;
  /** An upper bound on any set's score (equals `score` when optimal). */
  bound: number;
  nodes: number;
};

type Item = Candidate & { score: number; w: number };

/**
 * Surrogate weights (a, b): a·cost/budget + b·subsidy/cap ≤ a + b holds for
 * every feasible set, so its fractional knapsack bounds every set's score.
 * (1, 0) and (0, 1) are the two constraints alone; the root keeps whichever
 * pair bounds tightest, and the search orders units by that pair's density.
 */
const SURROGATES: Array<[number, number]> = [
  [1, 0],
  [1, 0.25],
  [1, 0.5],
  [1, 1],
  [0.5, 1],
  [0.25, 1],
  [0, 1],
];

function fractionalBound(items: readonly Item[], from: number, room: number): number {
  let total = 0;
  for (let j = from; j < items.length; j++) {
    const it = items[j]!;
    if (it.w <= room) {
      total += it.score;
      room -= it.w;
    } else {
      return total + (it.w > 0 ? (it.score * room) / it.w : it.score);
    }
  }
  return total;
}

export function optimizeUnits(input: OptimizeInput): OptimizeResult {
  const weights = input.weights ?? CONSENT_WEIGHT;
  const budget = Math.max(0, input.budgetFen);
  const cap = Math.max(0, input.subsidyCapFen);
  const deadline = performance.now() + (input.deadlineMs ?? 800);
  const usable = input.candidates.filter((c) => c.value > 0 && c.costFen <= budget && c.subsidyFen <= cap);
  const order = ([a, b]: [number, number]): Item[] =>
    usable
      .map((c) => ({
        ...c,
        score: c.value * weights[c.consent],
        w: (a * c.costFen) / Math.max(1, budget) + (b * c.subsidyFen) / Math.max(1, cap),
      }))
      // Best density first; ties by the smaller unit id so the result never depends on input order.
      .sort((x, y) => y.score * Math.max(x.w, 1e-12) - x.score * Math.max(y.w, 1e-12) || x.unitId - y.unitId);
  let items: Item[] = [];
  let chosenPair: [number, number] = [1, 1];
  let rootBound = Infinity;
  for (const pair of SURROGATES) {
    const candidate = order(pair);
    const b = fractionalBound(candidate, 0, pair[0] + pair[1]);
    if (b < rootBound) [items, chosenPair, rootBound] = [candidate, pair, b];
  }
  const n = items.length;
  const [wa, wb] = chosenPair;
  const surrogate = wa + wb;
  const bound = (from: number, room: number) => fractionalBound(items, from, room);
  const weightOf = (cost: number, sub: number) => (wa * cost) / Math.max(1, budget) + (wb * sub) / Math.max(1, cap);

  // Greedy start: a good incumbent prunes most of the tree.
  let best: boolean[] = new Array<boolean>(n).fill(false);
  let bestScore = 0;
  {
    let c = 0;
    let s = 0;
    items.forEach((it, i) => {
      if (c + it.costFen <= budget && s + it.subsidyFen <= cap) {
        best[i] = true;
        c += it.costFen;
        s += it.subsidyFen;
        bestScore += it.score;
      }
    });
  }

  const take = new Array<boolean>(n).fill(false);
  let nodes = 0;
  let stopped = false;
  function search(i: number, score: number, cost: number, sub: number): void {
    if (stopped) return;
    if ((++nodes & 1023) === 0 && performance.now() > deadline) {
      stopped = true;
      return;
    }
    if (score > bestScore) {
      bestScore = score;
      best = take.slice();
    }
    if (i >= n) return;
    const room = surrogate - weightOf(cost, sub);
    // Scores are integers: a branch that cannot beat the incumbent by 1 is pruned.
    if (score + Math.floor(bound(i, room) + 1e-9) <= bestScore) return;
    const it = items[i]!;
    if (cost + it.costFen <= budget && sub + it.subsidyFen <= cap) {
      take[i] = true;
      search(i + 1, score + it.score, cost + it.costFen, sub + it.subsidyFen);
      take[i] = false;
    }
    search(i + 1, score, cost, sub);
  }
  search(0, 0, 0, 0);

  const chosen = items.filter((_, i) => best[i]);
  return {
    unitIds: chosen.map((c) => c.unitId).sort((a, b) => a - b),
    score: bestScore / 100,
    value: chosen.reduce((s, c) => s + c.value, 0),
    costFen: chosen.reduce((s, c) => s + c.costFen, 0),
    subsidyFen: chosen.reduce((s, c) => s + c.subsidyFen, 0),
    optimal: !stopped,
    bound: stopped ? Math.max(bestScore, Math.floor(rootBound + 1e-9)) / 100 : bestScore / 100,
    nodes,
  };
}
