// The 卡住 (stuck) flag: a case in one stage longer than that stage's limit (docs/DOMAIN.md § Retrofit stages).
import { describe, expect, it } from 'vitest';
import { PUBLICITY_GRACE_DAYS, STUCK_AFTER_DAYS, stuckCase, stuckLimitDays } from './stage-rules';

const TODAY = '2026-11-22';

describe('stuckCase', () => {
  it('flags a vote that has run longer than 90 days, naming since when and for how long', () => {
    const c = {
      stage: 'vote' as const,
      publicityDays: 20,
      history: [
        { stage: 'intent' as const, on: '2026-05-01' },
        { stage: 'vote' as const, on: '2026-08-01' },
      ],
    };
    expect(stuckCase(c, TODAY)).toEqual({ since: '2026-08-01', days: 113, limitDays: 90 });
  });

  it('leaves a case within its limit alone, the limit day itself included', () => {
    const history = [{ stage: 'signed' as const, on: '2026-08-24' }];
    expect(stuckCase({ stage: 'signed', publicityDays: 20, history }, TODAY)).toBeNull(); // exactly 90 days
    expect(stuckCase({ stage: 'signed', publicityDays: 20, history }, '2026-11-23')?.days).toBe(91);
  });

  it('gives publicity its own period plus the grace to apply for a permit', () => {
    expect(stuckLimitDays('publicity', 20)).toBe(20 + PUBLICITY_GRACE_DAYS);
    const history = [{ stage: 'publicity' as const, on: '2026-10-05' }];
    expect(stuckCase({ stage: 'publicity', publicityDays: 20, history }, TODAY)).toBeNull(); // 48 days
    expect(stuckCase({ stage: 'publicity', publicityDays: 15, history }, TODAY)).toEqual({
      since: '2026-10-05',
      days: 48,
      limitDays: 45,
    });
  });

  it('counts from the day a stalled case resumed, not from its first entry into the stage', () => {
    const history = [
      { stage: 'intent' as const, on: '2026-01-05' },
      { stage: 'stalled' as const, on: '2026-03-01' },
      { stage: 'intent' as const, on: '2026-10-01' },
    ];
    expect(stuckCase({ stage: 'intent', publicityDays: 20, history }, TODAY)).toBeNull();
  });

  it('never flags a case in service or a stalled one (its stage already says so)', () => {
    const old = [{ stage: 'in_service' as const, on: '2020-01-01' }];
    expect(stuckCase({ stage: 'in_service', publicityDays: 20, history: old }, TODAY)).toBeNull();
    expect(
      stuckCase({ stage: 'stalled', publicityDays: 20, history: [{ stage: 'stalled', on: '2020-01-01' }] }, TODAY),
    ).toBeNull();
  });

  it('holds one limit for every stage of the sequence before service', () => {
    expect(Object.keys(STUCK_AFTER_DAYS).sort()).toEqual(
      ['acceptance', 'construction', 'design', 'intent', 'permit', 'signed', 'vote'].sort(),
    );
  });
});
