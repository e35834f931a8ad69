import { describe, expect, it } from 'vitest';
import { suppressSmall } from './privacy';

describe('suppressSmall', () => {
  it('hides counts of 1 and 2, keeps 0 and counts of 3 and more', () => {
    expect([0, 1, 2, 3, 40].map(suppressSmall)).toEqual([0, '<3', '<3', 3, 40]);
  });
});
