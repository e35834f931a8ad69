// Who pays what for a retrofit elevator. Money is in fen (integers) and the
// shares are exact: they add up to total − subsidy to the fen, the leftover
// fen going to the largest remainders (ties by room), so two runs — or a
// resident with a calculator and the published table — agree.
import type { SubsidyRule } from '~/db/vocab';
import { DomainError } from './errors';

/**
 * The published example table (docs/DOMAIN.md § Cost shares): floors 1–2 pay nothing, 3F 0.7,
 * 4F 0.8, 5F 0.9, 6F 1.0, 7F 1.1, and 0.1 more per floor above.
 */
export const DEFAULT_FLOOR_COEFFICIENTS: Readonly<Record<string, number>> = {
  1: 0,
  2: 0,
  3: 0.7,
  4: 0.8,
  5: 0.9,
  6: 1.0,
  7: 1.1,
};

/** A cost that cannot be shared; a DomainError, so it reaches the caller with its code. */
export class CostShareError extends DomainError<'costShare.invalidTotal' | 'costShare.noWeight'> {}

/** Subsidy in fen: a percentage of the total up to a cap, or a fixed amount; never more than the total. */
export function subsidyFen(totalFen: number, rule: SubsidyRule | null): number {
  if (!rule) return 0;
  const raw =
    rule.kind === 'percent' ? Math.min(Math.round((totalFen * rule.percent) / 100), rule.capFen) : rule.amountFen;
  return Math.max(0, Math.min(totalFen, raw));
}

/**
 * The coefficient of a floor. A floor the table leaves out pays nothing if it
 * lies below the table's highest floor, and 0.1 more per floor above it, as
 * the published table continues.
 */
export function floorCoefficient(
  floor: number,
  table: Readonly<Record<string, number>> = DEFAULT_FLOOR_COEFFICIENTS,
): number {
  const listed = table[String(floor)];
  if (listed !== undefined) return listed;
  const floors = Object.keys(table).map(Number).filter(Number.isFinite);
  if (floors.length === 0) return 0;
  const top = Math.max(...floors);
  if (floor < top) return 0;
  return Math.round(((table[String(top)] ?? 0) + 0.1 * (floor - top)) * 1000) / 1000;
}

export type ShareInput = { room: string; floor: number; areaM2: number };
export type Share = ShareInput & { coefficient: number; shareFen: number };
export type CostShares = {
  totalFen: number;
  subsidyFen: number;
  payableFen: number;
  /** Fen per (coefficient × m²): the rate each share is reckoned at. */
  rateFen: number;
  shares: Share[];
  byFloor: { floor: number; households: number; shareFen: number }[];
};

const byRoom = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function costShares(opts: {
  totalFen: number;
  subsidy: SubsidyRule | null;
  households: readonly ShareInput[];
  coefficients?: Readonly<Record<string, number>> | null;
}): CostShares {
  const { totalFen, households } = opts;
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) throw new CostShareError('costShare.invalidTotal');
  const table = opts.coefficients ?? DEFAULT_FLOOR_COEFFICIENTS;
  const subsidy = subsidyFen(totalFen, opts.subsidy);
  const payable = totalFen - subsidy;
  // Integer weights: coefficient in thousandths × area in hundredths of m².
  const rows = households.map((h) => {
    const coefficient = floorCoefficient(h.floor, table);
    return { ...h, coefficient, weight: BigInt(Math.round(coefficient * 1000)) * BigInt(Math.round(h.areaM2 * 100)) };
  });
  const totalWeight = rows.reduce((n, r) => n + r.weight, 0n);
  if (payable > 0 && totalWeight === 0n) throw new CostShareError('costShare.noWeight');

  const pay = BigInt(payable);
  const parts = rows.map((r) => {
    const exact = totalWeight === 0n ? 0n : pay * r.weight;
    return {
      r,
      base: totalWeight === 0n ? 0n : exact / totalWeight,
      rem: totalWeight === 0n ? 0n : exact % totalWeight,
    };
  });
  let left = pay - parts.reduce((n, p) => n + p.base, 0n);
  // Largest remainder first; equal remainders by room number, so the order never depends on input order.
  const order = parts
    .map((p, i) => i)
    .sort((a, b) => {
      const pa = parts[a]!,
        pb = parts[b]!;
      return pa.rem === pb.rem ? byRoom(pa.r.room, pb.r.room) : pa.rem > pb.rem ? -1 : 1;
    });
  const extra = new Set<number>();
  for (const i of order) {
    if (left <= 0n) break;
    extra.add(i);
    left -= 1n;
  }
  const shares: Share[] = parts.map((p, i) => ({
    room: p.r.room,
    floor: p.r.floor,
    areaM2: p.r.areaM2,
    coefficient: p.r.coefficient,
    shareFen: Number(p.base + (extra.has(i) ? 1n : 0n)),
  }));
  const floors = new Map<number, { households: number; shareFen: number }>();
  for (const s of shares) {
    const f = floors.get(s.floor) ?? { households: 0, shareFen: 0 };
    floors.set(s.floor, { households: f.households + 1, shareFen: f.shareFen + s.shareFen });
  }
  return {
    totalFen,
    subsidyFen: subsidy,
    payableFen: payable,
    rateFen: totalWeight === 0n ? 0 : (payable * 100_000) / Number(totalWeight),
    shares: shares.sort((a, b) => byRoom(a.room, b.room)),
    byFloor: [...floors].sort(([a], [b]) => a - b).map(([floor, f]) => ({ floor, ...f })),
  };
}

/** What the households of one floor pay: how many, together, and each (the least and the most, equal when all pay alike). */
export type FloorHouseholdShares = {
  floor: number;
  households: number;
  shareFen: number;
  minFen: number;
  maxFen: number;
};

/**
 * Per-household shares gathered by floor, over one unit's shares or several units' together
 * (a scenario): each floor's households, their total, and the range of one household's share —
 * the figure an owner on that floor asks for. Floors ascending.
 */
export function householdSharesByFloor(shares: readonly Pick<Share, 'floor' | 'shareFen'>[]): FloorHouseholdShares[] {
  const floors = new Map<number, FloorHouseholdShares>();
  for (const s of shares) {
    const f = floors.get(s.floor);
    if (!f)
      floors.set(s.floor, {
        floor: s.floor,
        households: 1,
        shareFen: s.shareFen,
        minFen: s.shareFen,
        maxFen: s.shareFen,
      });
    else {
      f.households += 1;
      f.shareFen += s.shareFen;
      f.minFen = Math.min(f.minFen, s.shareFen);
      f.maxFen = Math.max(f.maxFen, s.shareFen);
    }
  }
  return [...floors.values()].sort((a, b) => a.floor - b.floor);
}
