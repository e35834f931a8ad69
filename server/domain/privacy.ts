// Public surfaces show aggregates only (docs/DOMAIN.md § Privacy): groups of at least 5
// households, and any count below 3 shown as "<3" so nobody can be singled out.
export const MIN_GROUP_HOUSEHOLDS = 5;
export const SMALL_COUNT = 3;

/** A count as published: exact, "<3" (1 or 2), or "≥N" for a total whose parts include a "<3". */
export type PublicCount = number | '<3' | `≥${number}`;

export function suppressSmall(count: number): PublicCount {
  return count > 0 && count < SMALL_COUNT ? '<3' : count;
}

/**
 * The total of parts that are published too (cells of a table, months of a year).
 * Exact only when no part shows "<3"; otherwise it is worked out from the parts
 * as published — "<3" counts as 1, so "≥N" — and tells a reader nothing the parts
 * do not: three cells of "<3" beside an exact total of 3 would reveal each cell.
 * Every total over a part must use the finest parts, never other totals.
 */
export function publicTotal(parts: readonly number[]): PublicCount {
  let exact = 0;
  let small = 0;
  for (const n of parts) {
    if (suppressSmall(n) === '<3') small += 1;
    else exact += n;
  }
  if (small === 0) return exact;
  // Each "<3" part is 1 or 2: the total lies between these.
  const least = exact + small;
  const most = exact + 2 * small;
  return most < SMALL_COUNT ? '<3' : `≥${least}`;
}

/** The least a published count can stand for (a chart's bar): "<3" is at least 1. */
export function leastOf(count: PublicCount): number {
  if (typeof count === 'number') return count;
  return count === '<3' ? 1 : Number(count.slice(1));
}
