// Civil Code art. 278 and the local two-thirds rule at and around their
// thresholds, with the occupied-space veto, by hand-built ballots.
import { describe, expect, it } from 'vitest';
import type { Vote } from '~/db/vocab';
import { evaluateConsent, type Ballot } from './consent';

/** Ballots from a compact spec: [vote, area] pairs; rooms 101, 102, … in order. */
function ballots(spec: Array<[Vote, number, boolean?]>): Ballot[] {
  return spec.map(([vote, areaM2, shaftOccupied], i) => ({ room: String(101 + i), vote, areaM2, shaftOccupied }));
}
const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

describe('Civil Code art. 278', () => {
  const cases: Array<{
    name: string;
    spec: Array<[Vote, number, boolean?]>;
    met: boolean;
    missing?: { households: number; areaM2: number };
  }> = [
    {
      name: 'exactly 2/3 take part and exactly 3/4 of them agree',
      spec: [
        ...times(6, ['agree', 100] as [Vote, number]),
        ...times(2, ['oppose', 100] as [Vote, number]),
        ...times(4, ['not_voted', 100] as [Vote, number]),
      ],
      met: true,
    },
    {
      name: 'just under 3/4 agree (5 of 8 taking part)',
      spec: [
        ...times(5, ['agree', 100] as [Vote, number]),
        ...times(3, ['oppose', 100] as [Vote, number]),
        ...times(4, ['not_voted', 100] as [Vote, number]),
      ],
      met: false,
      missing: { households: 1, areaM2: 100 },
    },
    {
      name: 'just under 2/3 take part (7 of 12), all of them agreeing',
      spec: [...times(7, ['agree', 100] as [Vote, number]), ...times(5, ['not_voted', 100] as [Vote, number])],
      met: false,
      missing: { households: 1, areaM2: 100 },
    },
    {
      name: '3/4 of the heads but not of the area: the large flat opposes',
      spec: [
        ['agree', 30],
        ['agree', 30],
        ['agree', 30],
        ['oppose', 110],
      ],
      met: false,
      missing: { households: 1, areaM2: 110 },
    },
    {
      name: 'exactly 3/4 of the participating area',
      spec: [
        ['agree', 25],
        ['agree', 25],
        ['agree', 25],
        ['oppose', 25],
      ],
      met: true,
    },
    {
      name: 'a hundredth of a square metre under 3/4 of the area',
      spec: [
        ['agree', 24.99],
        ['agree', 25],
        ['agree', 25],
        ['oppose', 25.01],
      ],
      met: false,
      missing: { households: 1, areaM2: 25.01 },
    },
    {
      name: 'abstentions take part but do not agree',
      spec: [...times(6, ['agree', 80] as [Vote, number]), ...times(3, ['abstain', 80] as [Vote, number])],
      met: false,
      missing: { households: 1, areaM2: 80 },
    },
    {
      name: 'nobody has voted',
      spec: times(4, ['not_voted', 70] as [Vote, number]),
      met: false,
      missing: { households: 3, areaM2: 210 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = evaluateConsent(ballots(c.spec), 'civil_code_278');
      expect(r.met).toBe(c.met);
      if (c.met) expect(r.missing).toEqual({ households: 0, areaM2: 0 });
      if (c.missing) expect(r.missing).toEqual(c.missing);
    });
  }

  it('tallies households and area by vote', () => {
    const r = evaluateConsent(
      ballots([
        ['agree', 60.5],
        ['oppose', 70.25],
        ['abstain', 80],
        ['not_voted', 90],
      ]),
      'civil_code_278',
    );
    expect(r.tally.households).toBe(4);
    expect(r.tally.areaM2).toBeCloseTo(300.75, 6);
    expect(r.tally.byVote.oppose).toEqual({ households: 1, areaM2: 70.25 });
  });
});

describe('local rule: 2/3 of all owners agree, by area and by head', () => {
  it('is met at exactly 2/3 and not just under', () => {
    const at = ballots([
      ...times(6, ['agree', 90] as [Vote, number]),
      ...times(3, ['not_voted', 90] as [Vote, number]),
    ]);
    expect(evaluateConsent(at, 'local_two_thirds').met).toBe(true);
    const under = ballots([
      ...times(5, ['agree', 90] as [Vote, number]),
      ...times(4, ['oppose', 90] as [Vote, number]),
    ]);
    const r = evaluateConsent(under, 'local_two_thirds');
    expect(r.met).toBe(false);
    expect(r.missing).toEqual({ households: 1, areaM2: 90 });
  });

  it('differs from art. 278 when many owners stay away', () => {
    // 9 of 12 vote, 7 agree: art. 278 is met (7/9 ≥ 3/4), 2/3 of all owners is not (7/12).
    const spec = [
      ...times(7, ['agree', 100] as [Vote, number]),
      ...times(2, ['oppose', 100] as [Vote, number]),
      ...times(3, ['not_voted', 100] as [Vote, number]),
    ];
    expect(evaluateConsent(ballots(spec), 'civil_code_278').met).toBe(true);
    expect(evaluateConsent(ballots(spec), 'local_two_thirds')).toMatchObject({
      met: false,
      missing: { households: 1, areaM2: 100 },
    });
  });
});

describe('occupied-space veto', () => {
  it('refuses consent while an owner whose space the shaft takes has not agreed, whatever the tally', () => {
    const spec: Array<[Vote, number, boolean?]> = [['oppose', 60, true], ...times(11, ['agree', 80] as [Vote, number])];
    for (const rule of ['civil_code_278', 'local_two_thirds'] as const) {
      const r = evaluateConsent(ballots(spec), rule);
      expect(r.thresholdsMet).toBe(true);
      expect(r.met).toBe(false);
      expect(r.vetoRooms).toEqual(['101']);
      expect(r.missing).toEqual({ households: 1, areaM2: 60 });
    }
  });

  it('counts the vetoing owner among the households still missing', () => {
    const spec: Array<[Vote, number, boolean?]> = [
      ['not_voted', 60, true],
      ...times(5, ['agree', 80] as [Vote, number]),
      ...times(6, ['oppose', 80] as [Vote, number]),
    ];
    const r = evaluateConsent(ballots(spec), 'local_two_thirds');
    // Once the occupant agrees, 6 of 12 owners and 460 of 940 m² agree; 2/3 needs
    // 8 owners and 626.67 m², so three more 80 m² flats besides the occupant.
    expect(r.missing).toEqual({ households: 4, areaM2: 300 });
  });

  it('is met once that owner agrees', () => {
    const spec: Array<[Vote, number, boolean?]> = [['agree', 60, true], ...times(11, ['agree', 80] as [Vote, number])];
    expect(evaluateConsent(ballots(spec), 'civil_code_278')).toMatchObject({ met: true, vetoRooms: [] });
  });
});
