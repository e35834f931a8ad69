// Alarm response targets and an alarm's age against them (docs/DOMAIN.md § Alarms).
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESPONSE_MINUTES,
  responseClock,
  responseKey,
  responseTargetTable,
  responseTargetValid,
  responseTargetsWith,
} from './response-targets';

const opened = new Date('2026-12-03T08:00:00Z');
const at = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);

describe('response targets', () => {
  it('defaults to 15 min, 1 h, 4 h and 24 h by severity', () => {
    expect(responseTargetsWith({})).toEqual({ critical: 15, major: 60, minor: 240, warning: 1440 });
    expect(responseTargetsWith(null)).toEqual(DEFAULT_RESPONSE_MINUTES);
  });

  it("takes the community's own values, stored beside its alarm thresholds", () => {
    const stored = { gasLelPercent: 25, [responseKey('critical')]: 10, [responseKey('warning')]: 720 };
    expect(responseKey('critical')).toBe('responseCriticalMinutes');
    expect(responseTargetsWith(stored)).toEqual({ critical: 10, major: 60, minor: 240, warning: 720 });
  });

  it('ignores a stored value that is out of bounds, fractional or not a number', () => {
    const stored = {
      responseCriticalMinutes: 0,
      responseMajorMinutes: 30.5,
      responseMinorMinutes: '60',
      responseWarningMinutes: 999_999,
    };
    expect(responseTargetsWith(stored)).toEqual(DEFAULT_RESPONSE_MINUTES);
    expect(responseTargetValid('critical', 1)).toBe(true);
    expect(responseTargetValid('critical', 121)).toBe(false);
    expect(responseTargetValid('warning', 59)).toBe(false);
  });

  it('marks which targets are the community’s own in the setup table', () => {
    const table = responseTargetTable({ responseMajorMinutes: 30 });
    expect(table.map((r) => [r.severity, r.minutes, r.overridden])).toEqual([
      ['critical', 15, false],
      ['major', 30, true],
      ['minor', 240, false],
      ['warning', 1440, false],
    ]);
    expect(table[0]).toMatchObject({ design: 15, min: 1, max: 120 });
  });
});

describe("an alarm's age against its target", () => {
  const targets = DEFAULT_RESPONSE_MINUTES;

  it('counts down while nobody has taken it, and turns 超时 past the target', () => {
    const critical = { severity: 'critical' as const, openedAt: opened, acknowledgedAt: null };
    expect(responseClock(critical, targets, at(10))).toMatchObject({
      respondBy: at(15),
      overdue: false,
      leftMinutes: 5,
      overdueMinutes: 0,
    });
    expect(responseClock(critical, targets, at(15)).overdue).toBe(false);
    expect(responseClock(critical, targets, at(23))).toMatchObject({
      overdue: true,
      overdueMinutes: 8,
      leftMinutes: 0,
    });
  });

  it('stops at acknowledgement: taken in time stays in time, taken late stays late', () => {
    const inTime = { severity: 'major' as const, openedAt: opened, acknowledgedAt: at(40) };
    expect(responseClock(inTime, targets, at(600))).toMatchObject({ overdue: false, leftMinutes: 0 });
    const late = { severity: 'major' as const, openedAt: opened, acknowledgedAt: at(75) };
    expect(responseClock(late, targets, at(600))).toMatchObject({ overdue: true, overdueMinutes: 15 });
  });

  it("uses the community's own target", () => {
    const minor = { severity: 'minor' as const, openedAt: opened, acknowledgedAt: null };
    expect(responseClock(minor, targets, at(100)).overdue).toBe(false);
    expect(responseClock(minor, { ...targets, minor: 60 }, at(100))).toMatchObject({
      overdue: true,
      overdueMinutes: 40,
    });
  });
});
