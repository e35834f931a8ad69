import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  localDateTime,
  localDay,
  localDaysBetween,
  localMonth,
  localWeekday,
  startOfLocalDay,
  startOfLocalMonth,
} from './calendar';

// 2026-11-30T17:30Z is 01:30 on 1 December in Shanghai: the UTC day and month
// differ from the local ones, which is what every call site must not get wrong.
const lateNovemberUtc = new Date('2026-11-30T17:30:00Z');

describe('community calendar', () => {
  it('reads the local day and month, not the UTC ones', () => {
    expect(localDay(lateNovemberUtc)).toBe('2026-12-01');
    expect(localMonth(lateNovemberUtc)).toBe('2026-12');
  });

  it('turns local days and wall-clock times into instants', () => {
    expect(startOfLocalDay('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(localDateTime('2026-12-01', '08:30').toISOString()).toBe('2026-12-01T00:30:00.000Z');
  });

  it('steps days and months across month and year ends', () => {
    expect(addLocalDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(startOfLocalMonth(lateNovemberUtc).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(startOfLocalMonth(lateNovemberUtc, 12).toISOString()).toBe('2025-11-30T16:00:00.000Z');
  });

  it('counts whole local days between two dates', () => {
    expect(localDaysBetween('2026-12-01', '2026-12-01')).toBe(0);
    expect(localDaysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(localDaysBetween('2026-12-31', '2026-12-01')).toBe(-30);
    expect(localDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('names the local weekday', () => {
    // Monday 30 November 2026 in UTC is already Tuesday 1 December in Shanghai.
    expect(localWeekday(lateNovemberUtc)).toBe(2);
  });
});
