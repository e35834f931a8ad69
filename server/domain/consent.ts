// Owners' consent to an elevator retrofit, per unit, from household votes
// weighted by area and by head. Pure: the rule is a plain function of the
// ballots, so a new local rule is one more entry in CONSENT_RULE_FNS.
//
// Areas are compared in hundredths of a square metre (integers) so that a
// tally exactly at 2/3 or 3/4 is judged exactly, never by float rounding.
import type { ConsentRule, Vote } from '~/db/vocab';

export type Ballot = {
  room: string;
  areaM2: number;
  vote: Vote;
  /** The shaft takes this owner's own space: their agreement is required whatever the tally. */
  shaftOccupied?: boolean;
};

/** Heads and area (centi-m²) of a group of ballots. */
type Sum = { heads: number; area: number };
export type Sums = { all: Sum; voting: Sum; agree: Sum };

export type ConsentTally = {
  households: number;
  areaM2: number;
  byVote: Record<Vote, { households: number; areaM2: number }>;
};

export type ConsentResult = {
  rule: ConsentRule;
  /** The rule's thresholds are reached (ignoring the occupied-space veto). */
  thresholdsMet: boolean;
  /** Thresholds met and every owner whose space the shaft occupies agrees. */
  met: boolean;
  tally: ConsentTally;
  /** Rooms whose space the shaft occupies and that have not agreed. */
  vetoRooms: string[];
  /**
   * The fewest further households that would have to agree for `met`, and the
   * area they bring; null when even unanimity would not do (no ballots).
   */
  missing: { households: number; areaM2: number } | null;
};

const centi = (m2: number) => Math.round(m2 * 100);

function sums(ballots: readonly Ballot[]): Sums {
  const out: Sums = { all: { heads: 0, area: 0 }, voting: { heads: 0, area: 0 }, agree: { heads: 0, area: 0 } };
  for (const b of ballots) {
    const a = centi(b.areaM2);
    out.all.heads++;
    out.all.area += a;
    if (b.vote !== 'not_voted') {
      out.voting.heads++;
      out.voting.area += a;
    }
    if (b.vote === 'agree') {
      out.agree.heads++;
      out.agree.area += a;
    }
  }
  return out;
}

/** x ≥ (num/den)·y, exactly, for non-negative integers. */
const atLeast = (x: number, num: number, den: number, y: number) => den * x >= num * y;

/**
 * Civil Code art. 278 (para. 2): owners holding at least 2/3 of the exclusive
 * area and at least 2/3 of the owners take part in the decision, and at least
 * 3/4 of the participating area and of the participating owners agree.
 */
export function civilCode278(s: Sums): boolean {
  if (s.voting.heads === 0) return false;
  return (
    atLeast(s.voting.area, 2, 3, s.all.area) &&
    atLeast(s.voting.heads, 2, 3, s.all.heads) &&
    atLeast(s.agree.area, 3, 4, s.voting.area) &&
    atLeast(s.agree.heads, 3, 4, s.voting.heads)
  );
}

/**
 * A local variant used by several cities' retrofit measures: owners holding
 * at least 2/3 of the unit's area and at least 2/3 of all its owners agree.
 */
export function localTwoThirds(s: Sums): boolean {
  if (s.all.heads === 0) return false;
  return atLeast(s.agree.area, 2, 3, s.all.area) && atLeast(s.agree.heads, 2, 3, s.all.heads);
}

export const CONSENT_RULE_FNS: Record<ConsentRule, (s: Sums) => boolean> = {
  civil_code_278: civilCode278,
  local_two_thirds: localTwoThirds,
};

function tallyOf(ballots: readonly Ballot[]): ConsentTally {
  const byVote: ConsentTally['byVote'] = {
    agree: { households: 0, areaM2: 0 },
    oppose: { households: 0, areaM2: 0 },
    abstain: { households: 0, areaM2: 0 },
    not_voted: { households: 0, areaM2: 0 },
  };
  let area = 0;
  for (const b of ballots) {
    byVote[b.vote].households++;
    byVote[b.vote].areaM2 += centi(b.areaM2);
    area += centi(b.areaM2);
  }
  for (const v of Object.values(byVote)) v.areaM2 /= 100;
  return { households: ballots.length, areaM2: area / 100, byVote };
}

/**
 * The fewest households that must switch to "agree". For a fixed number k of
 * switches, j of them from "not voted", every condition of either rule grows
 * with the switched area, so the largest flats of each kind are the best
 * choice; trying every (k, j) is then exact. Vetoing owners switch first,
 * since they must agree in any case.
 */
function fewestMissing(ballots: readonly Ballot[], rule: (s: Sums) => boolean): ConsentResult['missing'] {
  const forced = ballots.filter((b) => b.shaftOccupied && b.vote !== 'agree');
  const base = ballots.map((b) => (b.shaftOccupied ? { ...b, vote: 'agree' as const } : b));
  const byArea = (a: Ballot, b: Ballot) => b.areaM2 - a.areaM2 || a.room.localeCompare(b.room);
  const silent = base.filter((b) => b.vote === 'not_voted').sort(byArea);
  const against = base.filter((b) => b.vote === 'oppose' || b.vote === 'abstain').sort(byArea);
  const s0 = sums(base);
  const forcedArea = forced.reduce((n, b) => n + centi(b.areaM2), 0);
  for (let k = 0; k <= silent.length + against.length; k++) {
    let best: number | null = null;
    for (let j = Math.max(0, k - against.length); j <= Math.min(k, silent.length); j++) {
      const s: Sums = { all: s0.all, voting: { ...s0.voting }, agree: { ...s0.agree } };
      let area = 0;
      for (const b of silent.slice(0, j)) {
        s.voting.heads++;
        s.voting.area += centi(b.areaM2);
        s.agree.heads++;
        s.agree.area += centi(b.areaM2);
        area += centi(b.areaM2);
      }
      for (const b of against.slice(0, k - j)) {
        s.agree.heads++;
        s.agree.area += centi(b.areaM2);
        area += centi(b.areaM2);
      }
      if (rule(s) && (best === null || area < best)) best = area;
    }
    if (best !== null) return { households: forced.length + k, areaM2: (forcedArea + best) / 100 };
  }
  return null;
}

export function evaluateConsent(ballots: readonly Ballot[], rule: ConsentRule): ConsentResult {
  const fn = CONSENT_RULE_FNS[rule];
  const thresholdsMet = fn(sums(ballots));
  const vetoRooms = ballots.filter((b) => b.shaftOccupied && b.vote !== 'agree').map((b) => b.room);
  const met = thresholdsMet && vetoRooms.length === 0;
  return {
    rule,
    thresholdsMet,
    met,
    tally: tallyOf(ballots),
    vetoRooms,
    missing: met ? { households: 0, areaM2: 0 } : fewestMissing(ballots, fn),
  };
}
