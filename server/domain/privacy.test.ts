import { describe, expect, it } from 'vitest';
import { leastOf, publicTotal, suppressSmall } from './privacy';

describe('suppressSmall', () => {
  it('hides counts of 1 and 2, keeps 0 and counts of 3 and more', () => {
    expect([0, 1, 2, 3, 40].map(suppressSmall)).toEqual([0, '<3', '<3', 3, 40]);
  });
});

describe('publicTotal', () => {
  it('is exact when no part is suppressed', () => {
    expect(publicTotal([])).toBe(0);
    expect(publicTotal([0, 3, 0, 40])).toBe(43);
  });

  it('is worked out from the published parts when some are "<3", so no part can be derived', () => {
    // Three cells of 1: an exact 3 would tell each; "≥3" is all the cells say.
    expect(publicTotal([1, 1, 1])).toBe('≥3');
    expect(publicTotal([2, 2, 2])).toBe('≥3');
    // One small cell beside exact ones: the same published total for 1 and 2.
    expect(publicTotal([5, 1])).toBe('≥6');
    expect(publicTotal([5, 2])).toBe('≥6');
    expect(publicTotal([0, 1])).toBe('<3');
    expect(publicTotal([2])).toBe('<3');
    expect(publicTotal([1, 1])).toBe('≥2');
  });

  it('gives the same answer for every way the suppressed cells could be filled', () => {
    const shown = (parts: number[]) => parts.map(suppressSmall);
    const fills = [
      [1, 1, 4, 0],
      [2, 1, 4, 0],
      [1, 2, 4, 0],
      [2, 2, 4, 0],
    ];
    expect(new Set(fills.map((p) => JSON.stringify(shown(p))))).toHaveProperty('size', 1);
    expect(new Set(fills.map(publicTotal))).toEqual(new Set(['≥6']));
  });
});

describe('leastOf', () => {
  it('reads the least a published count stands for', () => {
    expect([0, 7, '<3', '≥6'].map((c) => leastOf(c as never))).toEqual([0, 7, 1, 6]);
  });
});
