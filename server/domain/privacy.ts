// Public surfaces show aggregates only (docs/DOMAIN.md § Privacy): groups of at least 5
// households, and any count below 3 shown as "<3" so nobody can be singled out.
export const MIN_GROUP_HOUSEHOLDS = 5;
export const SMALL_COUNT = 3;

export type PublicCount = number | '<3';

export function suppressSmall(count: number): PublicCount {
  return count > 0 && count < SMALL_COUNT ? '<3' : count;
}
